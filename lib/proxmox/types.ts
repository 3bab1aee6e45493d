/** Our own shapes of what Proxmox tells us; the rest of the app never sees raw replies. */
export type PowerAction = "start" | "stop" | "shutdown" | "reboot";

export type ContainerMetrics = {
  uptimeSec: number;
  /** Fraction of one CPU-set: 0.25 = a quarter of the CT's cores. */
  cpu: number;
  cpus: number;
  memBytes: number;
  maxMemBytes: number;
};

export type ClusterContainer = ContainerMetrics & {
  vmid: number;
  node: string;
  name: string;
  /** "unknown" when the node that holds it is not reporting (offline, or no data yet). */
  status: "running" | "stopped" | "unknown";
  lock: string | undefined;
  template: boolean;
};

export type ContainerStatus = ContainerMetrics & {
  vmid: number;
  node: string;
  status: "running" | "stopped";
  lock: string | undefined;
  haManaged: boolean;
};

export type TaskStatus = {
  upid: string;
  node: string;
  type: string;
  running: boolean;
  /** Present once the task stopped: "OK", "WARNINGS: n" or the error text. */
  exitStatus: string | undefined;
  startedAt: Date;
};

/** One rrddata step; a field Proxmox left out (no data for that step) is undefined, never 0. */
export type MetricPoint = {
  time: number;
  cpu: number | undefined;
  memBytes: number | undefined;
  maxMemBytes: number | undefined;
  /** Network rates averaged over the step, bytes per second (RRD DERIVE data sources). */
  netInBps: number | undefined;
  netOutBps: number | undefined;
};

export type MetricTimeframe = "hour" | "day" | "week";

/** A node's load: CPU as a fraction of all its threads, memory in bytes. */
export type NodeLoad = { cpu: number; cpus: number; memBytes: number; maxMemBytes: number; uptimeSec: number };

/** A node as `/cluster/resources?type=node` lists it; `load` is null without Sys.Audit on the node or while it is offline. */
export type NodeResource = { node: string; status: "online" | "offline" | "unknown"; load: NodeLoad | null };

/** `/nodes/{node}/status`: live figures read on the node itself. */
export type NodeStatus = NodeLoad & { loadAvg: number[] | null; cpuModel: string | null; pveVersion: string | null };
