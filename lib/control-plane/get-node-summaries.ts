import type { NodeSummary } from "../api/schemas";
import { ArcadeError, describeError } from "../errors";
import { isProxmoxError, type NodeResource, type NodeStatus } from "../proxmox";
import type { ControlPlane } from "./create-control-plane";

// Node figures move slowly and /cluster/resources itself lags up to 10 s (pvestatd's cycle).
const TTL_MS = 15_000;
const caches = new WeakMap<ControlPlane, { at: number; nodes: Promise<NodeSummary[]> }>();

export const SYS_AUDIT_NOTE =
  "CPU and memory need Sys.Audit on /nodes for the arcade's Proxmox token; deploy/proxmox/setup-token.sh grants it.";

async function summarise(getNodeStatus: (node: string) => Promise<NodeStatus>, resource: NodeResource, gamesOn: string[]): Promise<NodeSummary> {
  const base = { node: resource.node, status: resource.status, games: gamesOn, loadAvg: null, pveVersion: null, cpuModel: null };
  if (resource.status !== "online") {
    const note = resource.status === "offline" ? "Offline: the cluster cannot reach this node." : "No report from this node yet.";
    return { ...base, load: null, note };
  }
  try {
    const status = await getNodeStatus(resource.node);
    const { loadAvg, pveVersion, cpuModel, ...load } = status;
    return { ...base, load, loadAvg, pveVersion, cpuModel, note: null };
  } catch (error) {
    // Without Sys.Audit both sources stay silent about the figures; say what to grant instead of a blank.
    if (isProxmoxError(error) && error.kind === "permission") return { ...base, load: resource.load, note: resource.load ? null : SYS_AUDIT_NOTE };
    return { ...base, load: resource.load, note: `Live status failed: ${describeError(error)}` };
  }
}

/**
 * One line per Proxmox node for the admin page: online or not, CPU and memory (live from /nodes/{node}/status),
 * load average, and the catalogue's games that run there. Cached and shared like the metrics.
 */
export async function getNodeSummaries(cp: ControlPlane): Promise<NodeSummary[]> {
  const cached = caches.get(cp);
  if (cached && Date.now() - cached.at < TTL_MS) return cached.nodes;
  const proxmox = cp.proxmox;
  if (!proxmox.listNodeResources || !proxmox.getNodeStatus) throw new ArcadeError("unavailable:nodes", "This Proxmox connection cannot list nodes.");
  const views = cp.hub.views();
  const getNodeStatus = proxmox.getNodeStatus.bind(proxmox);
  const nodes = proxmox.listNodeResources().then((resources) =>
    Promise.all(
      resources
        .toSorted((a, b) => a.node.localeCompare(b.node))
        .map((r) => summarise(getNodeStatus, r, views.filter((g) => g.node === r.node).map((g) => g.name))),
    ),
  );
  const entry = { at: Date.now(), nodes };
  caches.set(cp, entry);
  // A failure is not cached: the next viewer asks Proxmox again.
  nodes.catch(() => caches.get(cp) === entry && caches.delete(cp));
  return nodes;
}
