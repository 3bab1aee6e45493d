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

export type MetricPoint = { time: number; cpu: number | undefined; memBytes: number | undefined; maxMemBytes: number | undefined };
