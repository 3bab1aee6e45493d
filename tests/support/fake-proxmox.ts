import type { ProxmoxPort } from "@/lib/lifecycle";
import { ProxmoxError, type ClusterContainer, type ContainerStatus, type TaskStatus } from "@/lib/proxmox";

type Ct = { vmid: number; node: string; status: "running" | "stopped"; lock?: string; guestShutdownMs?: number };

/**
 * An in-memory Proxmox for unit tests of the state machine: tasks end after `taskMs`, the cluster view can lag
 * behind the live status like pvestatd's, and every call is counted.
 */
export class FakeProxmox implements ProxmoxPort {
  readonly calls: string[] = [];
  readonly cts = new Map<number, Ct>();
  private readonly tasks = new Map<string, { done: number; exit: string; apply?: () => void }>();
  private taskSeq = 0;
  /** What /cluster/resources reports; `null` means "live". */
  clusterView: Map<number, "running" | "stopped"> | null = null;
  unreachable = false;

  constructor(cts: Ct[], private readonly taskMs = 20) {
    for (const ct of cts) this.cts.set(ct.vmid, { ...ct });
  }

  private ct(vmid: number): Ct {
    const ct = this.cts.get(vmid);
    if (!ct) throw new ProxmoxError({ kind: "http", status: 500, method: "GET", path: `/lxc/${vmid}`, reason: "no such CT", message: "no such CT" });
    return ct;
  }

  private check(): void {
    // Tasks finish whether or not anyone watches them.
    for (const task of this.tasks.values()) {
      if (task.apply && task.done <= Date.now()) {
        task.apply();
        task.apply = undefined;
      }
    }
    if (this.unreachable) throw new ProxmoxError({ kind: "network", method: "GET", path: "/", message: "Proxmox at https://fake is not reachable (ECONNREFUSED)." });
  }

  private task(node: string, type: string, vmid: number, exit: string, delayMs: number, apply?: () => void): string {
    const upid = `UPID:${node}:0000${(++this.taskSeq).toString(16).padStart(4, "0")}:00000001:65000000:${type}:${vmid}:arcade@pve!portal:`;
    this.tasks.set(upid, { done: Date.now() + delayMs, exit, apply });
    return upid;
  }

  async listClusterContainers(): Promise<ClusterContainer[]> {
    this.check();
    this.calls.push("resources");
    return [...this.cts.values()].map((ct) => ({
      vmid: ct.vmid, node: ct.node, name: `ct${ct.vmid}`, status: this.clusterView?.get(ct.vmid) ?? ct.status,
      lock: ct.lock, template: false, uptimeSec: 0, cpu: 0, cpus: 1, memBytes: 0, maxMemBytes: 0,
    }));
  }

  async getContainerStatus(node: string, vmid: number): Promise<ContainerStatus> {
    this.check();
    this.calls.push(`current ${vmid}`);
    const ct = this.ct(vmid);
    return { vmid, node, status: ct.status, lock: ct.lock, haManaged: false, uptimeSec: 0, cpu: 0, cpus: 1, memBytes: 0, maxMemBytes: 0 };
  }

  async powerContainer(node: string, vmid: number, action: "start" | "stop" | "shutdown" | "reboot", options: { timeoutSec?: number } = {}): Promise<string> {
    this.check();
    this.calls.push(`${action} ${vmid}`);
    const ct = this.ct(vmid);
    const fail = (reason: string) => new ProxmoxError({ kind: "http", status: 500, method: "POST", path: `/status/${action}`, reason, message: `Proxmox answered 500 ${reason}.` });
    if (action === "start") {
      if (ct.status === "running") throw fail(`CT ${vmid} already running`);
      if (ct.lock) return this.task(node, "vzstart", vmid, `CT is locked (${ct.lock})`, this.taskMs);
      // A second start while one is in flight waits for the CT's lock, then finds it running, as on a real node.
      const inFlight = [...this.tasks.entries()].find(([upid, t]) => upid.includes(`:vzstart:${vmid}:`) && t.apply && t.done > Date.now());
      if (inFlight) return this.task(node, "vzstart", vmid, `CT ${vmid} already running`, inFlight[1].done - Date.now() + this.taskMs);
      return this.task(node, "vzstart", vmid, "OK", this.taskMs, () => (ct.status = "running"));
    }
    if (ct.status === "stopped") throw fail(action === "reboot" ? `VM ${vmid} not running` : `CT ${vmid} not running`);
    if (action === "shutdown" && (ct.guestShutdownMs ?? 0) > (options.timeoutSec ?? 60) * 1000) {
      return this.task(node, "vzshutdown", vmid, "container did not stop", this.taskMs);
    }
    if (action === "reboot") return this.task(node, "vzreboot", vmid, "OK", this.taskMs);
    return this.task(node, action === "stop" ? "vzstop" : "vzshutdown", vmid, "OK", this.taskMs, () => (ct.status = "stopped"));
  }

  async getTaskStatus(node: string, upid: string): Promise<TaskStatus> {
    this.check();
    const task = this.tasks.get(upid)!;
    const running = Date.now() < task.done;
    return { upid, node, type: upid.split(":")[5]!, running, exitStatus: running ? undefined : task.exit, startedAt: new Date(task.done - this.taskMs) };
  }

  count(prefix: string): number {
    return this.calls.filter((c) => c.startsWith(prefix)).length;
  }
}
