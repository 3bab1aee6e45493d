import { createHash } from "node:crypto";
import { hasPrivilege } from "../acl";
import { reply, type HandlerInput, type Identity, type Route } from "../route-types";
import type { NodeRecord } from "../../world/world";

const GiB = 1024 ** 3;

/** The figures pvestatd would report for a node; shared with /nodes/{node}/status so both agree. */
export function nodeStats(node: NodeRecord): Record<string, number> {
  const seed = node.name.length + node.nextPid;
  return {
    uptime: Math.floor((Date.now() - node.bootedAtMs) / 1000),
    cpu: Number((0.02 + (seed % 7) / 300).toFixed(6)),
    maxcpu: 8,
    mem: 9 * GiB + (seed % 5) * 123_456_789,
    maxmem: 32 * GiB,
    disk: 21 * GiB,
    maxdisk: 98 * GiB,
  };
}

function nodeEntry(input: HandlerInput, node: NodeRecord, identity: Identity): Record<string, unknown> {
  const entry = { id: `node/${node.name}`, type: "node", node: node.name, status: node.online ? "online" : "offline", level: "" };
  // Stats are dropped without Sys.Audit on the node (API2Tools extract_node_stats).
  const stats = node.online && hasPrivilege(identity, `/nodes/${node.name}`, "Sys.Audit") ? nodeStats(node) : {};
  return { ...entry, ...stats };
}

function storageEntry(node: NodeRecord): Record<string, unknown> {
  return {
    id: `storage/${node.name}/local`,
    type: "storage",
    node: node.name,
    storage: "local",
    status: node.online ? "available" : "unknown",
    plugintype: "dir",
    content: "backup,iso,vztmpl",
    shared: 0,
    ...(node.online ? { disk: 21 * GiB, maxdisk: 98 * GiB } : {}),
  };
}

function listResources(input: HandlerInput): unknown[] {
  const type = input.params.type;
  const nodes = [...input.world.nodes.values()];
  const out: unknown[] = [];
  if (type === undefined || type === "vm") {
    for (const ct of input.world.containers.values()) {
      if (!hasPrivilege(input.identity, `/vms/${ct.vmid}`, "VM.Audit")) continue;
      // `pool` only for callers with Pool.Audit on it (Cluster.pm resources).
      const pool = input.access.poolOf(ct.vmid);
      const visiblePool = pool !== undefined && hasPrivilege(input.identity, `/pool/${pool}`, "Pool.Audit");
      out.push({ ...input.board.guestEntry(ct), ...(visiblePool ? { pool } : {}) });
    }
  }
  if (type === undefined || type === "node") out.push(...nodes.map((node) => nodeEntry(input, node, input.identity)));
  if (type === undefined || type === "storage") {
    out.push(...nodes.filter(() => hasPrivilege(input.identity, "/storage/local", "Datastore.Audit")).map(storageEntry));
  }
  return out;
}

export const clusterRoutes: Route[] = [
  {
    method: "GET",
    path: "/version",
    params: {},
    handle: ({ traits }) =>
      reply({ version: traits.version, release: traits.release, repoid: createHash("sha1").update(traits.version).digest("hex").slice(0, 16) }),
  },
  {
    method: "GET",
    path: "/nodes",
    params: {},
    handle: (input) =>
      reply([...input.world.nodes.values()].map((node) => ({ ...nodeEntry(input, node, input.identity), ssl_fingerprint: input.fingerprint }))),
  },
  {
    method: "GET",
    path: "/cluster/resources",
    params: { type: { type: "string", optional: true, enum: ["vm", "storage", "node", "sdn"] } },
    handle: (input) => reply(listResources(input)),
  },
];
