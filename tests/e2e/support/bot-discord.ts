import { expect } from "@playwright/test";
import { stack } from "./bot-stack";

export type Response =
  | { kind: "callback"; type: number; flags?: number; data?: Record<string, unknown>; at: number }
  | { kind: "edit" | "followup"; body: Record<string, unknown>; at: number };

export type InteractionView = {
  id: string;
  dispatchedAt: number;
  acknowledgedAt: number | null;
  responses: Response[];
  original: { content?: string; components?: unknown[]; flags?: number } | null;
};

export type SimMessage = { id: string; content: string; embeds: unknown[]; components: unknown[]; editedAt: number | null; createdAt: number };

async function control<T>(method: "GET" | "POST", route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stack().discordUrl}/__sim${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`sim/discord ${method} ${route}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** sim/discord's control endpoints, as the bot specs use them (the sim runs in the global-setup process). */
export const discord = {
  command: (userId: string, name: string, options: Array<{ name: string; value: string }> = []) =>
    control<{ id: string; dispatchedAt: number }>("POST", "/dispatch/command", { userId, name, options }),
  autocomplete: (userId: string, name: string, focused: { name: string; value: string }) =>
    control<{ id: string }>("POST", "/dispatch/autocomplete", { userId, name, focused }),
  interaction: (id: string) => control<InteractionView>("GET", `/interactions/${id}`),
  messages: (channelId: string) => control<SimMessage[]>("GET", `/messages/${channelId}`),
  commands: (guildId?: string) => control<unknown[]>("GET", guildId ? `/commands?guildId=${guildId}` : "/commands"),
  requests: () => control<Array<{ method: string; path: string; status: number; at: number }>>("GET", "/requests"),
  /** The next `times` requests matching `route` ("METHOD /path", `*` = one segment) answer 429. */
  rateLimit: (route: string, times: number, retryAfterMs: number) => control<null>("POST", "/rate-limit", { route, times, retryAfterMs }),
  gatewayConnections: async () => (await control<{ connections: number }>("GET", "/gateway")).connections,

  /** Polls the interaction until `done` says its responses are complete; returns them. */
  async settle(id: string, done: (view: InteractionView) => boolean, timeoutMs = 20_000): Promise<InteractionView> {
    let last: InteractionView | null = null;
    await expect
      .poll(
        async () => {
          last = await discord.interaction(id);
          return done(last);
        },
        { timeout: timeoutMs, intervals: [100, 200] },
      )
      .toBe(true);
    return last!;
  },

  /** Messages posted in the channel after `since` (epoch ms). */
  async messagesSince(channelId: string, since: number): Promise<SimMessage[]> {
    return (await discord.messages(channelId)).filter((message) => message.createdAt >= since);
  },
};

/** The text of an edit or callback, for assertions. */
export function contentOf(response: Response): string {
  if (response.kind === "callback") return String(response.data?.content ?? "");
  return String(response.body.content ?? "");
}

/** Every link button URL in a message body's components. */
export function linkButtons(components: unknown): Array<{ label: string; url: string }> {
  const rows = (Array.isArray(components) ? components : []) as Array<{ components?: Array<{ style?: number; label?: string; url?: string }> }>;
  return rows.flatMap((row) => row.components ?? []).filter((c) => c.style === 5 && c.url).map((c) => ({ label: c.label ?? "", url: c.url! }));
}
