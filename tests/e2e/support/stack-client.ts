import { encodeActingUser } from "../../../lib/api/authenticate-bearer";

/** What global-setup.ts started, as the workers see it. */
export function stackEnv() {
  const read = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the e2e tests through playwright.config.ts, whose global setup starts the stack`);
    return value;
  };
  return {
    portalUrl: read("E2E_PORTAL_URL"),
    apiToken: read("E2E_API_TOKEN"),
    proxmoxUrl: read("E2E_PROXMOX_URL"),
    proxmoxCa: read("E2E_PROXMOX_CA"),
    discordUrl: read("E2E_DISCORD_URL"),
    gameUrls: JSON.parse(read("E2E_GAME_URLS")) as Record<string, string>,
    portalEnv: JSON.parse(read("E2E_PORTAL_ENV")) as Record<string, string>,
  };
}

export type Acting = { id: string; name: string; roles: string[]; isGuildOwner?: boolean };

/** Calls the portal's API with the automation token, optionally acting for a Discord user like the bot does. */
export async function callApi(method: string, path: string, options: { acting?: Acting; body?: unknown; token?: string | null } = {}) {
  const env = stackEnv();
  const headers: Record<string, string> = {};
  if (options.token !== null) headers.authorization = `Bearer ${options.token ?? env.apiToken}`;
  if (options.acting) headers["x-arcade-acting-user"] = encodeActingUser({ isGuildOwner: false, ...options.acting });
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(new URL(path, env.portalUrl), { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  const retryAfter = response.headers.get("retry-after");
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  return { status: response.status, body, ...(retryAfter === null ? {} : { retryAfterSec: Number(retryAfter) }) };
}

/** Talks to sim/proxmox's control endpoints (the sim runs in the global-setup process). */
export async function simProxmox(path: string, body: unknown): Promise<void> {
  const { Agent, fetch: undiciFetch } = await import("undici");
  const response = await undiciFetch(new URL(`/__sim/${path}`, stackEnv().proxmoxUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    dispatcher: new Agent({ connect: { rejectUnauthorized: false } }),
  });
  if (!response.ok) throw new Error(`sim control ${path} answered ${response.status}: ${await response.text()}`);
}

/** Polls a game through the API until it is in `state`; returns the view. */
export async function waitForGameState(id: string, state: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await callApi("GET", `/api/v1/games/${id}`);
    if (body.state === state) return body;
    if (Date.now() > deadline) throw new Error(`${id} stayed ${String(body.state)} (${String(body.reason)}) instead of ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Leaves every game stopped, so tests that share the stack start from a known state. */
export async function stopAllGames(): Promise<void> {
  const { body } = await callApi("GET", "/api/v1/games");
  for (const game of body.games as Array<{ id: string; state: string }>) {
    if (game.state === "stopped") continue;
    if (game.state !== "stopping") await callApi("POST", `/api/v1/games/${game.id}/stop`);
    await waitForGameState(game.id, "stopped");
  }
}
