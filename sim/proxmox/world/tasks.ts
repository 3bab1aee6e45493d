import { encodeUpid, type UpidFields } from "./upid";

export type SimTask = UpidFields & {
  upid: string;
  lines: string[];
  running: boolean;
  exitstatus?: string;
  endtime?: number;
};

export type TaskNode = { name: string; bootedAtMs: number; nextPid: number };

// Real nodes rotate their task index; a bound keeps long benchmark runs from growing without limit.
const MAX_TASKS_PER_NODE = 5000;

/** Task log and index per node, like /var/log/pve/tasks on each host. */
export class TaskStore {
  private readonly byNode = new Map<string, SimTask[]>();

  /** Forks a "worker": allocates pid/pstart like a real process and returns the running task. */
  create(node: TaskNode, type: string, id: string, user: string): SimTask {
    const now = Date.now();
    node.nextPid += 1 + Math.floor(Math.random() * 40);
    const fields: UpidFields = {
      node: node.name,
      pid: node.nextPid,
      // clock ticks (USER_HZ = 100) since boot, as read from /proc/<pid>/stat
      pstart: Math.floor((now - node.bootedAtMs) / 10),
      starttime: Math.floor(now / 1000),
      type,
      id,
      user,
    };
    const task: SimTask = { ...fields, upid: encodeUpid(fields), lines: [], running: true };
    const list = this.byNode.get(node.name) ?? [];
    list.push(task);
    if (list.length > MAX_TASKS_PER_NODE) list.splice(0, list.length - MAX_TASKS_PER_NODE);
    this.byNode.set(node.name, list);
    return task;
  }

  /** Ends a task with the final line fork_worker writes: TASK OK or TASK ERROR: <message>. */
  finish(task: SimTask, error?: string): void {
    if (!task.running) return;
    task.running = false;
    task.endtime = Math.floor(Date.now() / 1000);
    if (error === undefined) {
      task.exitstatus = "OK";
      task.lines.push("TASK OK");
      return;
    }
    const message = error.trim().replace(/\n/g, " ");
    task.exitstatus = message;
    task.lines.push(`TASK ERROR: ${message}`);
  }

  find(node: string, upid: string): SimTask | undefined {
    return this.byNode.get(node)?.find((task) => task.upid === upid);
  }

  list(node: string): SimTask[] {
    return [...(this.byNode.get(node) ?? [])];
  }

  runningFor(vmid: number, type: string): SimTask[] {
    return [...this.byNode.values()].flat().filter((t) => t.running && t.id === String(vmid) && t.type === type);
  }

  count(): { total: number; running: number } {
    const all = [...this.byNode.values()].flat();
    return { total: all.length, running: all.filter((t) => t.running).length };
  }
}
