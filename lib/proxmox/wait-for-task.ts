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
 * How long to wait before asking again about something that began `elapsedMs` ago: a `share` (a tenth unless
 * said) of the time it has taken so far, at least `minMs` and at most `maxMs`. A fixed interval notices an end
 * half an interval late on average; this notices a quick end within a few tens of milliseconds, and asks about a
 * slow one no more often than every `maxMs` (a 2 s start task at 100-500 ms is asked ~17 times instead of 4; a
 * 30 s one about as often as before).
 */
export function pollDelay(elapsedMs: number, maxMs: number, minMs: number, share = 0.1): number {
  return Math.min(maxMs, Math.max(Math.min(minMs, maxMs), elapsedMs * share));
}

// Proxmox's own start and shutdown tasks take a second or more: no need to ask more often than this.
const TASK_FIRST_POLL_MS = 100;

/**
 * Polls a task until it stops, at a short interval that grows with the wait (`pollDelay`, up to `pollMs`).
 * Network blips while polling are retried (the task keeps running on the node whether or not we can see it); the
 * signal ends the wait, never the task.
 */
export async function waitForTask(
  reader: TaskReader,
  node: string,
  upid: string,
  options: { pollMs?: number; signal?: AbortSignal } = {},
): Promise<TaskOutcome> {
  const pollMs = options.pollMs ?? 500;
  const began = Date.now();
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
    await sleep(pollDelay(Date.now() - began, pollMs, TASK_FIRST_POLL_MS), options.signal);
  }
}
