import type { proxmoxApi } from "proxmox-api";
import type { z } from "zod";
import { rawNodeResourceSchema, rawNodeStatusSchema, type RawNodeResource, type RawNodeStatus } from "./raw-schemas";
import type { NodeResource, NodeStatus } from "./types";

type Api = ReturnType<typeof proxmoxApi>;
type Parse = <S extends z.ZodType>(schema: S, value: unknown, what: string) => z.output<S>;

function nodeState(status: string | undefined): NodeResource["status"] {
  return status === "online" || status === "offline" ? status : "unknown";
}

export function reshapeNodeResource(raw: RawNodeResource): NodeResource {
  const status = nodeState(raw.status);
  // API2Tools extract_node_stats leaves the figures out without Sys.Audit on /nodes/<node>, and sends no
  // cpu/mem/uptime for a node that is not online.
  const load =
    status === "online" && raw.maxcpu !== undefined && raw.maxmem !== undefined
      ? { cpu: raw.cpu ?? 0, cpus: raw.maxcpu, memBytes: raw.mem ?? 0, maxMemBytes: raw.maxmem, uptimeSec: raw.uptime ?? 0 }
      : null;
  return { node: raw.node, status, load };
}

export function reshapeNodeStatus(raw: RawNodeStatus): NodeStatus {
  return {
    cpu: raw.cpu,
    cpus: raw.cpuinfo.cpus,
    memBytes: raw.memory.used,
    maxMemBytes: raw.memory.total,
    uptimeSec: raw.uptime,
    loadAvg: raw.loadavg ?? null,
    cpuModel: raw.cpuinfo.model ?? null,
    pveVersion: raw.pveversion ?? null,
  };
}

/** The node reads of the client: the cluster's node list (any user) and one node's live status (Sys.Audit). */
export function nodeReads(api: Api, parse: Parse) {
  return {
    /** Every node with online/offline; figures only where the token holds Sys.Audit on the node. */
    async listNodeResources(): Promise<NodeResource[]> {
      const raw = parse(rawNodeResourceSchema.array(), await api.cluster.resources.$get({ type: "node" }), "/cluster/resources?type=node");
      return raw.filter((r) => r.type === "node").map(reshapeNodeResource);
    },

    /** Live CPU, memory, load and uptime of one node; needs Sys.Audit on /nodes/{node}, and the node online. */
    async getNodeStatus(node: string): Promise<NodeStatus> {
      return reshapeNodeStatus(parse(rawNodeStatusSchema, await api.nodes.$(node).status.$get(), `/nodes/${node}/status`));
    },
  };
}
