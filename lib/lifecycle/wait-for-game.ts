import { pollDelay, sleep } from "../proxmox";
import type { Game } from "../games";
import { bootTimeoutMs, type LifecycleContext } from "./context";
import { readStatusFollowing } from "./resolve-node";

export class BootFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BootFailure";
  }
}

// A refused connection to the game's own web server costs nothing, and its answer is the last thing Play waits
// for: it is asked twice as often as Proxmox (a twentieth of the wait so far, from 25 ms).
const PROBE_FIRST_INTERVAL_MS = 25;
const PROBE_SHARE = 0.05;
const RUNNING_FIRST_POLL_MS = 50;

/**
 * Probes the game's URL until it answers 2xx/3xx, right away and then at a short interval that grows with the
 * wait (`pollDelay`, up to `probeIntervalMs`); fails with a sentence once the deadline passes.
 */
export async function waitForGame(ctx: LifecycleContext, game: Game, deadline: number, signal: AbortSignal): Promise<void> {
  let last = "no answer yet";
  const began = Date.now();
  for (;;) {
    const remaining = deadline - Date.now();
    const result = await ctx.probe(game.probeUrl, Math.max(200, Math.min(ctx.timing.probeTimeoutMs, remaining)), new URL(game.url).host);
    if (result.ok) return;
    last = result.detail;
    const delay = pollDelay(Date.now() - began, ctx.timing.probeIntervalMs, PROBE_FIRST_INTERVAL_MS, PROBE_SHARE);
    if (Date.now() + delay > deadline) {
      const seconds = Math.round(bootTimeoutMs(ctx, game) / 1000);
      throw new BootFailure(`game not answering at ${game.probeUrl} after ${seconds} s (${last})`);
    }
    await sleep(delay, signal);
  }
}

/**
 * Polls status/current until the CT reports `wanted`, soon at first and less often as the wait grows (`pollDelay`).
 * A task can end before the state it promised: a start a moment before, and the hastart/hastop task of an
 * HA-managed CT seconds before the HA manager acts. Follows the CT to another node if it migrates meanwhile;
 * throws a sentence at the deadline.
 */
export async function waitForPowerState(
  ctx: LifecycleContext,
  vmid: number,
  node: string,
  wanted: "running" | "stopped",
  deadline: number,
  signal: AbortSignal,
): Promise<void> {
  const began = Date.now();
  for (;;) {
    const status = await readStatusFollowing(ctx, vmid, node);
    if (status?.status === wanted) return;
    if (status) node = status.node;
    if (Date.now() > deadline) {
      const ha = status?.haManaged ? ` (it is HA-managed, and the HA manager has not ${wanted === "running" ? "started" : "stopped"} it yet)` : "";
      throw new BootFailure(`CT ${vmid} did not report ${wanted} in time${ha}`);
    }
    await sleep(pollDelay(Date.now() - began, ctx.timing.runningPollMs, RUNNING_FIRST_POLL_MS), signal);
  }
}
