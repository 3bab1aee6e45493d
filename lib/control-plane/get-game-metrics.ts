import { ArcadeError } from "../errors";
import { getGameOrThrow } from "../games";
import { shapeRrdSeries, type MetricSeries } from "../proxmox";
import type { ControlPlane } from "./create-control-plane";

export type MetricsWindow = "hour" | "day";

const WINDOW_SEC: Record<MetricsWindow, number> = { hour: 3600, day: 86_400 };
// rrddata gains one point a minute; asking more often would only re-read the same steps.
const TTL_MS = 30_000;
const caches = new WeakMap<ControlPlane, Map<string, { at: number; series: Promise<MetricSeries> }>>();

/**
 * A game's CT over the last hour or day (Proxmox rrddata, AVERAGE), shaped for charts. Cached and shared
 * between concurrent callers, so any number of open admin pages make one Proxmox call per CT and window.
 */
export async function getGameMetrics(cp: ControlPlane, gameId: string, window: MetricsWindow = "hour"): Promise<MetricSeries> {
  const game = getGameOrThrow(cp.catalogue, gameId);
  const key = `${game.vmid}/${window}`;
  const cache = caches.get(cp) ?? new Map();
  caches.set(cp, cache);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.series;
  const node = cp.lifecycle.board.get(game.id)?.node ?? game.node;
  if (!node || !cp.proxmox.getMetrics) throw new ArcadeError("unavailable:metrics", `The node of CT ${game.vmid} is not known yet.`);
  const series = cp.proxmox
    .getMetrics(node, game.vmid, window).then((points) => shapeRrdSeries(points, { now: Date.now(), windowSec: WINDOW_SEC[window] }));
  cache.set(key, { at: Date.now(), series });
  // A failure is not cached: the next viewer asks Proxmox again.
  series.catch(() => cache.get(key)?.series === series && cache.delete(key));
  return series;
}
