import type { SimContainer, SimScenario, SimTiming, CtStatus } from "../types";
import { TaskStore, type TaskNode } from "./tasks";

export type CtRecord = {
  vmid: number;
  node: string;
  hostname?: string;
  status: CtStatus;
  startedAtMs?: number;
  pid?: number;
  memoryMiB: number;
  cores: number;
  lock?: string;
  template: boolean;
  tags?: string;
  ip?: string;
  hwaddr: string;
  startFails?: string;
  /** HA-managed: what was last requested (ha-manager set / crm-command) and the manager's service state. */
  ha?: { requested: "started" | "stopped"; state: string; pending?: NodeJS.Timeout };
};

export type NodeRecord = TaskNode & { online: boolean };

type StatusListener = (ct: CtRecord) => void;

function hwaddrFor(vmid: number): string {
  // BC:24:11 is the OUI Proxmox uses for generated MAC addresses.
  const bytes = [(vmid >> 16) & 0xff, (vmid >> 8) & 0xff, vmid & 0xff];
  return ["BC", "24", "11", ...bytes.map((b) => b.toString(16).toUpperCase().padStart(2, "0"))].join(":");
}

function toRecord(ct: SimContainer, now: number): CtRecord {
  const running = ct.status === "running";
  return {
    vmid: ct.vmid,
    node: ct.node,
    hostname: ct.hostname,
    status: running ? "running" : "stopped",
    // A CT that is already running when the sim starts has been up for a while.
    startedAtMs: running ? now - 3600_000 - (ct.vmid % 600) * 1000 : undefined,
    pid: running ? 100_000 + ((ct.vmid * 7919) % 800_000) : undefined,
    memoryMiB: ct.memoryMiB ?? 512,
    cores: ct.cores ?? 1,
    lock: ct.lock,
    template: ct.template ?? false,
    tags: ct.tags,
    ip: ct.ip,
    hwaddr: hwaddrFor(ct.vmid),
    ha: ct.ha ? { requested: ct.ha.state ?? (running ? "started" : "stopped"), state: ct.ha.state ?? (running ? "started" : "stopped") } : undefined,
  };
}

/** The simulated cluster: nodes, containers, tasks, timing and the timers that move them. */
export class SimWorld {
  readonly nodes = new Map<string, NodeRecord>();
  readonly containers = new Map<number, CtRecord>();
  readonly tasks = new TaskStore();
  readonly configLocks = new Map<number, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly listeners: StatusListener[] = [];
  private closed = false;

  constructor(
    scenario: SimScenario,
    public timing: SimTiming,
    readonly version: string,
  ) {
    const now = Date.now();
    for (const [index, node] of (scenario.nodes ?? [{ name: "pve" }]).entries()) {
      const bootedAtMs = now - (12 + index * 3) * 86_400_000;
      this.nodes.set(node.name, { name: node.name, online: node.online ?? true, bootedAtMs, nextPid: 200_000 + index * 50_000 });
    }
    for (const ct of scenario.containers) this.containers.set(ct.vmid, toRecord(ct, now));
  }

  /** Resolves after ms; never resolves once the sim is closed, so pending workers simply stop. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.schedule(ms, resolve));
  }

  schedule(ms: number, fn: () => void): NodeJS.Timeout | undefined {
    if (this.closed) return undefined;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  cancel(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  onStatusChange(listener: StatusListener): void {
    this.listeners.push(listener);
  }

  setStatus(ct: CtRecord, status: CtStatus): void {
    if (ct.status === status) return;
    ct.status = status;
    ct.startedAtMs = status === "running" ? Date.now() : undefined;
    ct.pid = status === "running" ? 100_000 + Math.floor(Math.random() * 3_000_000) : undefined;
    for (const listener of this.listeners) listener(ct);
  }

  /** The CT if its config lives on that node (what load_config would find), else undefined. */
  findOnNode(vmid: number, node: string): CtRecord | undefined {
    const ct = this.containers.get(vmid);
    return ct?.node === node ? ct : undefined;
  }

  containerOrThrow(vmid: number): CtRecord {
    const ct = this.containers.get(vmid);
    if (!ct) throw new Error(`Proxmox sim: no container ${vmid} in the scenario`);
    return ct;
  }

  nodeOrThrow(name: string): NodeRecord {
    const node = this.nodes.get(name);
    if (!node) throw new Error(`Proxmox sim: no node '${name}' in the scenario`);
    return node;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
