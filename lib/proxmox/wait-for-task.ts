import { isProxmoxError } from "./errors";
import type { TaskStatus } from "./types";
import { isTaskSuccess } from "./upid";

export type TaskReader = { getTaskStatus(node: string, upid: string): Promise<TaskStatus> };

export type TaskOutcome = { ok: true; exitStatus: string; durationMs: number } | { ok: false; exitStatus: string; durationMs: number };

/** Resolves after `ms`, or rejects with the signal's reason when aborted first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Polls a task until it stops. Network blips while polling are retried (the task keeps running on the node
 * whether or not we can see it); the signal ends the wait, never the task.
 */
export async function waitForTask(
  reader: TaskReader,
  node: string,
  upid: string,
  options: { pollMs?: number; signal?: AbortSignal } = {},
): Promise<TaskOutcome> {
  const pollMs = options.pollMs ?? 500;
  for (;;) {
    try {
      const task = await reader.getTaskStatus(node, upid);
      if (!task.running) {
        const exitStatus = task.exitStatus ?? "unknown";
        const durationMs = Math.max(0, Date.now() - task.startedAt.getTime());
        return { ok: isTaskSuccess(exitStatus), exitStatus, durationMs };
      }
    } catch (error) {
      if (!isProxmoxError(error) || !error.isUnreachable) throw error;
    }
    await sleep(pollMs, options.signal);
  }
}
