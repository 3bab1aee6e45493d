import { ArcadeError } from "../errors";
import type { LifecycleContext } from "./context";
import { gamesOn } from "./context";

/** The node that holds a CT: as last seen in the cluster, else game.json's "node", else a fresh cluster lookup. */
export async function resolveNodeOrThrow(ctx: LifecycleContext, vmid: number): Promise<string> {
  const seen = ctx.nodes.get(vmid);
  if (seen) return seen;
  const configured = gamesOn(ctx, vmid).find((g) => g.node)?.node;
  if (configured) return configured;
  const containers = await ctx.proxmox.listClusterContainers();
  for (const ct of containers) ctx.nodes.set(ct.vmid, ct.node);
  const found = ctx.nodes.get(vmid);
  if (!found) {
    throw new ArcadeError("not_found:container", `CT ${vmid} is not in the Proxmox cluster: check "vmid" in the game's game.json.`);
  }
  return found;
}
