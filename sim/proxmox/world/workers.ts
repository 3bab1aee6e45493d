import type { SimTask } from "./tasks";
import type { SimWorld } from "./world";

/** A task failure: the message becomes `TASK ERROR: <message>` and the task's exitstatus. */
export class TaskFailure extends Error {}

/** Runs `work` as a task on that node (like RPCEnvironment fork_worker) and returns its UPID at once. */
export function forkWorker(world: SimWorld, node: string, type: string, id: string, user: string, work: (task: SimTask) => Promise<void>): string {
  const task = world.tasks.create(world.nodeOrThrow(node), type, id, user);
  work(task).then(
    () => world.tasks.finish(task),
    (error: unknown) => world.tasks.finish(task, error instanceof Error ? error.message : String(error)),
  );
  return task.upid;
}

/** Waits ms inside a worker; throws if the task was ended meanwhile (overruled), so it has no further effect. */
export async function pause(world: SimWorld, task: SimTask, ms: number): Promise<void> {
  await world.sleep(ms);
  if (!task.running) throw new TaskFailure("received interrupt");
}

const CONFIG_LOCK_TIMEOUT_MS = 10_000;

/** Serialises workers on one CT like lock_config's flock, with its 10 s timeout. */
export async function withConfigLock(world: SimWorld, vmid: number, work: () => Promise<void>): Promise<void> {
  const previous = world.configLocks.get(vmid) ?? Promise.resolve();
  let release = (): void => {};
  const mine = new Promise<void>((resolve) => (release = resolve));
  const chain = previous.then(() => mine);
  world.configLocks.set(vmid, chain);
  try {
    const acquired = await Promise.race([previous.then(() => true), world.sleep(CONFIG_LOCK_TIMEOUT_MS).then(() => false)]);
    if (!acquired) throw new TaskFailure(`can't lock file '/run/lock/lxc/pve-config-${vmid}.lock' - got timeout`);
    await work();
  } finally {
    release();
    if (world.configLocks.get(vmid) === chain) world.configLocks.delete(vmid);
  }
}
