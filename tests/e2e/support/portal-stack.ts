import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";
import { Agent, fetch as undiciFetch } from "undici";
import { stackEnv } from "./stack-client";

export { stackEnv };

type GameState = "stopped" | "starting" | "ready" | "stopping" | "failed" | "unknown";
type GameBrief = { id: string; name: string; vmid: number; state: GameState; reason: string | null };

/** The portal's API as automation sees it (bearer token = admin, source api). */
export async function callPortal<T>(path: string, method = "GET", body?: unknown): Promise<{ status: number; body: T }> {
  const { portalUrl, apiToken } = stackEnv();
  const response = await fetch(`${portalUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiToken}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function getGame(id: string): Promise<GameBrief> {
  return (await callPortal<GameBrief>(`/api/v1/games/${id}`)).body;
}

export async function waitForGameState(id: string, state: GameState, timeout = 15_000): Promise<void> {
  await expect.poll(async () => (await getGame(id)).state, { timeout, intervals: [100, 200, 300] }).toBe(state);
}

/** Leaves a game stopped, whatever state the previous test left it in (tests share one stack). */
export async function ensureStopped(id: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const game = await getGame(id);
        if (game.state === "ready" || game.state === "failed") await callPortal(`/api/v1/games/${id}/stop`, "POST");
        return game.state;
      },
      { timeout: 20_000, intervals: [200, 300, 500] },
    )
    .toBe("stopped");
}

export async function ensureReady(id: string): Promise<void> {
  await callPortal(`/api/v1/games/${id}/play`, "POST");
  await waitForGameState(id, "ready");
}

let proxmoxAgent: Agent | undefined;

/** A control call to sim/proxmox (`/__sim/...`), trusting the simulator's own CA as the portal does. */
export async function controlProxmox(path: string, body: unknown): Promise<void> {
  const { proxmoxUrl, proxmoxCa } = stackEnv();
  proxmoxAgent ??= new Agent({ connect: { ca: readFileSync(proxmoxCa, "utf8") } });
  const response = await undiciFetch(`${proxmoxUrl}/__sim/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    dispatcher: proxmoxAgent,
  });
  if (!response.ok) throw new Error(`sim/proxmox refused ${path}: ${await response.text()}`);
}

/** A control call to sim/discord (`/__sim/...`), e.g. to kick a member or change their roles. */
export async function controlDiscord(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${stackEnv().discordUrl}/__sim/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sim/discord refused ${path}: ${await response.text()}`);
}
