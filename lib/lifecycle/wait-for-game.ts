import { pollDelay, sleep } from "../proxmox";
import type { Game } from "../games";
import { bootTimeoutMs, type LifecycleContext } from "./context";

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

/** Polls status/current until the CT reports running (the start task can end a moment before). */
export async function waitForRunning(ctx: LifecycleContext, node: string, vmid: number, deadline: number, signal: AbortSignal): Promise<void> {
  const began = Date.now();
  for (;;) {
    const status = await ctx.proxmox.getContainerStatus(node, vmid).catch(() => undefined);
    if (status?.status === "running") return;
    if (Date.now() > deadline) throw new BootFailure(`CT ${vmid} did not report running in time`);
    await sleep(pollDelay(Date.now() - began, ctx.timing.runningPollMs, RUNNING_FIRST_POLL_MS), signal);
  }
}
