import { type Server } from "node:http";
import { type SimCore } from "./core";
import { dispatchAutocomplete, dispatchButton, dispatchCommand } from "./interactions/dispatch";
import { type AutocompleteInput, type ButtonInput, type CommandInput } from "./interactions/dispatch-inputs";
import { toSimInteraction, type SimInteraction } from "./interactions/sim-interaction";
import { toSimMessage, type SimMessage } from "./messages/sim-message";
import { type RecordedRequest } from "./state";

export interface DiscordSim {
  /** http://HOST:PORT */
  url: string;
  /** `${url}/api`: what DISCORD_API_URL and discord.js `rest.api` are set to. */
  apiUrl: string;
  /** Every REST request so far, oldest first (path without /api and /vN). */
  requests(): RecordedRequest[];
  clearRequests(): void;
  /** The command bodies last registered (bulk overwrite) globally, or for `guildId`. */
  commands(scope?: { guildId?: string }): unknown[];
  dispatchCommand(input: CommandInput): Promise<SimInteraction>;
  dispatchAutocomplete(input: AutocompleteInput): Promise<SimInteraction>;
  dispatchButton(input: ButtonInput): Promise<SimInteraction>;
  /** Messages the channel shows now (ephemeral replies excluded), oldest first, edits applied. */
  messages(channelId: string): SimMessage[];
  /** Polls `predicate` every 10 ms until it returns something other than undefined, null or false; resolves with it. */
  waitFor<T>(predicate: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  /** Open gateway sockets right now. */
  gatewayConnections(): number;
  /** Drops every gateway socket without a close frame; discord.js reconnects and RESUMEs. */
  disconnectGateway(): void;
  /** The next `times` requests matching `route` ("/path" or "METHOD /path", `*` = any segment) get 429. */
  rateLimit(route: string, times: number, retryAfterMs?: number): void;
  /**
   * Moves the sim's clock forward: interactions age (3 s to answer, 15 min per token), OAuth codes and tokens
   * expire, timestamps move on. Rate-limit windows keep real time.
   */
  advanceClock(ms: number): void;
  /** The sim's current time (epoch ms), the real time plus every advance so far. */
  now(): number;
  /** Joins or re-roles a user, or kicks them with null. */
  setMember(userId: string, member: { roles: string[]; nick?: string | null } | null): void;
  close(): Promise<void>;
}

const DEFAULT_WAIT_MS = 5_000;
const POLL_MS = 10;

async function pollUntil<T>(predicate: () => T | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() >= deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The programmatic face of a running sim, over its shared core. */
export function createDiscordSimApi(core: SimCore, server: Server): DiscordSim {
  const { state, gateway, urls } = core;
  const assertChannel = (channelId: string) => {
    if (!state.hasChannel(channelId)) {
      throw new Error(`Unknown channel ${channelId} (configured: ${state.guild.channels.map((c) => c.id).join(", ")})`);
    }
  };
  return {
    url: urls.url,
    apiUrl: urls.apiUrl,
    requests: () => structuredClone(state.requests),
    clearRequests: () => {
      state.requests.length = 0;
    },
    commands: (scope) => state.commands.payloads(scope?.guildId ?? null),
    dispatchCommand: async (input) => toSimInteraction(state, dispatchCommand(core, input)),
    dispatchAutocomplete: async (input) => toSimInteraction(state, dispatchAutocomplete(core, input)),
    dispatchButton: async (input) => toSimInteraction(state, dispatchButton(core, input)),
    messages: (channelId) => {
      assertChannel(channelId);
      return state.messages.listChannel(channelId).map(toSimMessage);
    },
    waitFor: (predicate, timeoutMs = DEFAULT_WAIT_MS) => pollUntil(predicate, timeoutMs),
    gatewayConnections: () => gateway.connections(),
    disconnectGateway: () => gateway.disconnectAll(),
    rateLimit: (route, times, retryAfterMs) => state.rateLimits.inject(route, times, retryAfterMs),
    advanceClock: (ms) => state.clock.advance(ms),
    now: () => state.clock.now(),
    setMember: (userId, member) => state.setMember(userId, member),
    close: async () => {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
