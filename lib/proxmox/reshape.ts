import type { RawClusterVm, RawContainerStatus, RawTaskStatus } from "./raw-schemas";
import type { ClusterContainer, ContainerStatus, MetricPoint, TaskStatus } from "./types";

function runState(status: string | undefined): "running" | "stopped" | "unknown" {
  return status === "running" || status === "stopped" ? status : "unknown";
}

export function reshapeClusterVm(raw: RawClusterVm): ClusterContainer {
  return {
    vmid: raw.vmid,
    node: raw.node,
    name: raw.name ?? `CT${raw.vmid}`,
    status: runState(raw.status),
    lock: raw.lock,
    template: raw.template === 1,
    uptimeSec: raw.uptime ?? 0,
    cpu: raw.cpu ?? 0,
    cpus: raw.maxcpu ?? 0,
    memBytes: raw.mem ?? 0,
    maxMemBytes: raw.maxmem ?? 0,
  };
}

export function reshapeContainerStatus(raw: RawContainerStatus, node: string): ContainerStatus {
  return {
    vmid: raw.vmid,
    node,
    status: raw.status === "running" ? "running" : "stopped",
    lock: raw.lock,
    haManaged: raw.ha?.managed === 1,
    uptimeSec: raw.uptime ?? 0,
    cpu: raw.cpu ?? 0,
    cpus: raw.cpus ?? 0,
    memBytes: raw.mem ?? 0,
    maxMemBytes: raw.maxmem ?? 0,
  };
}

export function reshapeTaskStatus(raw: RawTaskStatus): TaskStatus {
  return {
    upid: raw.upid,
    node: raw.node,
    type: raw.type,
    running: raw.status === "running",
    exitStatus: raw.status === "running" ? undefined : raw.exitstatus,
    startedAt: new Date(raw.starttime * 1000),
  };
}

export function reshapeRrdPoint(raw: { time: number; cpu?: number; mem?: number; maxmem?: number; netin?: number; netout?: number }): MetricPoint {
  return { time: raw.time, cpu: raw.cpu, memBytes: raw.mem, maxMemBytes: raw.maxmem, netInBps: raw.netin, netOutBps: raw.netout };
}
