import type { GameView } from "../api/schemas";
import { formatBytes, formatCpu } from "./display";

type Ct = NonNullable<GameView["ct"]>;

/**
 * Whether a game's CT counts as up for the figures (uptime, CPU, memory). Proxmox's resource list lags a stop by a
 * few seconds, so a game the lifecycle already calls stopped (or cannot see) shows no figures even if the last
 * list still said running.
 */
export function isCtUp(view: Pick<GameView, "state" | "ct">): view is Pick<GameView, "state"> & { ct: Ct } {
  return view.ct?.status === "running" && view.state !== "stopped" && view.state !== "unknown";
}

/**
 * The CT's uptime now, in seconds: the figure of the last view plus the time since it arrived, so a page can tick
 * it every second without asking again. Null while the CT is not up, or before the page knows the time.
 */
export function liveUptimeSec(view: Pick<GameView, "state" | "ct">, receivedAt: number | null, now: number | null): number | null {
  if (!isCtUp(view)) return null;
  // 0 is "not received yet" (the server-rendered view): counting from the epoch would add 56 years.
  const since = now && receivedAt ? Math.max(0, now - receivedAt) / 1000 : 0;
  return view.ct.uptimeSec + since;
}

/** "3.4 % of 2 cores": Proxmox reports CPU as a fraction of the cores the CT may use. */
export function formatCpuShare(ct: Pick<Ct, "cpu" | "cpus">): string {
  return `${formatCpu(ct.cpu)} of ${ct.cpus} ${ct.cpus === 1 ? "core" : "cores"}`;
}

/** "40 MiB of 256 MiB". */
export function formatMemory(ct: Pick<Ct, "memBytes" | "maxMemBytes">): string {
  return `${formatBytes(ct.memBytes)} of ${formatBytes(ct.maxMemBytes)}`;
}
