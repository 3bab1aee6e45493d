import { once } from "node:events";
import { Client, Events, GatewayIntentBits } from "discord.js";
import { createArcadeClient } from "@/lib/api/client";
import type { BotEnv } from "@/lib/env";
import type { BotContext } from "./command";
import { startWeeklyDigest } from "./digest/weekly-digest";
import { createChannelPort, isPermanentDiscordError } from "./discord/channel-port";
import { followPortal } from "./follow-portal";
import { createLinks } from "./format/payload";
import { createGameBoard } from "./games/game-board";
import { createGameCatalogue } from "./games/game-catalogue";
import { createInteractionRouter } from "./interactions/route-interaction";
import { loadCommands } from "./load-commands";
import type { Logger } from "./log";
import { formatNotification } from "./notifications/format-notification";
import { createNotifier } from "./notifications/notifier";
import { openStateStore, type StateStore } from "./state/state-store";
import { createLiveStatusMessage } from "./status-message/live-status-message";
import { renderStatusMessage } from "./status-message/render-status-message";

export type RunningBot = { client: Client; stop(): Promise<void> };

// Checked at start rather than at the first notification: a read-only path would repost events after every restart.
function openWritableStore(file: string, log: Logger): StateStore {
  try {
    const store = openStateStore(file, log);
    store.save({});
    return store;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`BOT_STATE_FILE ${file} cannot be used (${why}); point it at a writable place such as /var/lib/cartofia-bot/bot-state.json`, { cause: error });
  }
}

/** Starts the bot: Discord gateway (Guilds intent only), slash commands, and the portal's event stream. */
export async function startBot(env: BotEnv, log: Logger): Promise<RunningBot> {
  const guildId = env.discord.guildId;
  if (!guildId) throw new Error("DISCORD_GUILD_ID is not set: the bot only acts for members of the arcade's server");
  const store = openWritableStore(env.stateFile, log);
  const arcade = createArcadeClient({ baseUrl: env.arcade.url, token: env.arcade.apiToken });
  const board = createGameBoard();
  const links = createLinks(env.arcade.publicUrl);
  const ctx: BotContext = { guildId, arcade, board, catalogue: createGameCatalogue(board, arcade), links, log };
  const commands = await loadCommands();

  // Interactions need no intent; Guilds gives the guild (owner id) and role caches the acting user is built from.
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: env.discord.apiUrl }, allowedMentions: { parse: [] } });
  const channels = createChannelPort(client.rest);
  client.rest.on("rateLimited", (info) => log.warn(`Discord rate limit on ${info.method} ${info.route}: waiting ${info.retryAfter} ms`));
  client.on(Events.InteractionCreate, createInteractionRouter(commands, ctx));
  client.on(Events.Error, (error) => log.error("Discord client error", error));

  const notifyChannelId = env.discord.notifyChannelId;
  const notifier = notifyChannelId
    ? createNotifier(
        {
          post: async (payload, nonce) => void (await channels.post(notifyChannelId, payload, { nonce })),
          lastDelivered: () => store.read().lastEventId,
          saveLastDelivered: (id, logId) => store.save({ lastEventId: id, logId }),
          format: (event) => formatNotification(event, (id) => board.get(id)?.name ?? id, links),
          isPermanent: isPermanentDiscordError,
          log,
        },
        { maxBacklog: env.maxBacklog },
      )
    : null;
  const statusChannelId = env.discord.statusChannelId;
  const statusMessage = statusChannelId
    ? createLiveStatusMessage({
        channelId: statusChannelId,
        channels,
        store,
        render: () => renderStatusMessage(board.list(), links, { stale: !board.isLive() }),
        log,
      })
    : null;

  const ready = once(client, Events.ClientReady);
  await client.login(env.discord.token);
  await ready;
  log.info(`logged in to Discord as ${client.user?.tag ?? "?"} with ${commands.size} commands: ${[...commands.keys()].map((n) => `/${n}`).join(" ")}`);

  const digest =
    notifyChannelId && env.weeklyDigest
      ? startWeeklyDigest(
          {
            games: () => (board.isLive() ? board.list() : null),
            scores: (gameId, week) => arcade.getScores(gameId, { limit: 1, ...week }),
            post: async (payload, nonce) => void (await channels.post(notifyChannelId, payload, { nonce })),
            lastSlot: () => store.read().weeklyDigest,
            saveLastSlot: (iso) => store.save({ weeklyDigest: iso }),
            log,
          },
          env.weeklyDigest,
        )
      : null;

  const abort = new AbortController();
  const following = followPortal({
    baseUrl: env.arcade.url,
    token: env.arcade.apiToken,
    lastEventId: notifier ? store.read().lastEventId : null,
    logId: notifier ? store.read().logId : null,
    board,
    notifier,
    statusMessage,
    log,
    signal: abort.signal,
  });

  return {
    client,
    async stop() {
      abort.abort();
      digest?.stop();
      await following;
      notifier?.stop();
      statusMessage?.stop();
      await client.destroy();
    },
  };
}
