import { ArcadeError } from "../errors";
import { getGameOrThrow } from "../games";
import type { MetricPoint } from "../proxmox";
import type { ControlPlane } from "./create-control-plane";

const TTL_MS = 30_000;
const cache = new Map<number, { at: number; points: MetricPoint[] }>();

/** The last hour of CPU and memory for a game's CT; cached so open admin pages do not multiply Proxmox calls. */
export async function getGameMetrics(cp: ControlPlane, gameId: string): Promise<MetricPoint[]> {
  const game = getGameOrThrow(cp.catalogue, gameId);
  const hit = cache.get(game.vmid);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.points;
  const node = cp.lifecycle.board.get(game.id)?.node ?? game.node;
  if (!node || !cp.proxmox.getMetrics) throw new ArcadeError("unavailable:metrics", `The node of CT ${game.vmid} is not known yet.`);
  const points = await cp.proxmox.getMetrics(node, game.vmid);
  cache.set(game.vmid, { at: Date.now(), points });
  return points;
}
