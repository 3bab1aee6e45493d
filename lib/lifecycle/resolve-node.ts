import { ArcadeError } from "../errors";
import { isProxmoxError } from "../proxmox";
import type { ContainerStatus } from "../proxmox";
import type { LifecycleContext } from "./context";
import { gamesOn } from "./context";
import { transition } from "./record";

/**
 * The node that holds a CT right now. Asked fresh from /cluster/resources, whose `node` comes from the cluster's
 * vmlist (live, unlike its status): a CT migrated since the watcher's last poll must not get its power call on
 * the old node, where a start fails and a stop answers "not running". game.json's "node" is only a fallback for
 * a CT the token cannot list.
 */
export async function resolveNodeOrThrow(ctx: LifecycleContext, vmid: number): Promise<string> {
  const containers = await ctx.proxmox.listClusterContainers();
  for (const ct of containers) ctx.nodes.set(ct.vmid, ct.node);
  const found = containers.find((ct) => ct.vmid === vmid)?.node ?? gamesOn(ctx, vmid).find((g) => g.node)?.node;
  if (!found) {
    throw new ArcadeError("not_found:container", `CT ${vmid} is not in the Proxmox cluster: check "vmid" in the game's game.json.`);
  }
  for (const game of gamesOn(ctx, vmid)) transition(ctx, game, { node: found });
  return found;
}

/** PVE's answer for a CT whose config is not on the named node (load_config): it lives elsewhere now. */
export function isConfigElsewhere(error: unknown): boolean {
  return isProxmoxError(error) && error.status === 500 && /^Configuration file 'nodes\/[^/]+\/lxc\/\d+\.conf' does not exist/.test(error.reason ?? "");
}

/**
 * status/current that follows a CT migrated while we watch it: when the node we asked says the CT is not there,
 * the node is looked up again and asked instead. Returns undefined while Proxmox cannot be asked.
 */
export async function readStatusFollowing(ctx: LifecycleContext, vmid: number, node: string): Promise<ContainerStatus | undefined> {
  try {
    return await ctx.proxmox.getContainerStatus(node, vmid);
  } catch (error) {
    if (!isConfigElsewhere(error)) return undefined;
  }
  const moved = await resolveNodeOrThrow(ctx, vmid).catch(() => undefined);
  if (moved === undefined || moved === node) return undefined;
  return ctx.proxmox.getContainerStatus(moved, vmid).catch(() => undefined);
}
