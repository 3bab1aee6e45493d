import type { ControlPlane } from "./create-control-plane";

export type ShutdownTiming = {
  /** The retry hint streams end with: how soon clients come back to look for the next portal. */
  retryMs: number;
  /** How long operations may take to let go of an outstanding Proxmox answer. */
  graceMs: number;
  /** After the control plane closed: time for the streams' last frames to reach their sockets. */
  drainMs: number;
  /** Whatever still runs, the process is gone by then (systemd's stop has to be quick, not just eventual). */
  deadlineMs: number;
};

export const defaultShutdownTiming: ShutdownTiming = { retryMs: 1_000, graceMs: 2_500, drainMs: 300, deadlineMs: 4_500 };

/**
 * Ends the process quickly on SIGTERM/SIGINT, whatever clients are attached. Next's own handler closes the
 * listening socket and then waits for every connection to end, and an SSE response never ends by itself: with
 * a browser or the bot attached the old process lived on for minutes, still polling Proxmox and holding the
 * bot's stream. So: every stream ends with a retry hint, requests that still arrive get a 503 sentence, the
 * watcher, timers and operations stop (pending operations stay in the database for the next portal), and the
 * process exits 0.
 */
export function shutdownOnSignal(cp: ControlPlane, log: (line: string) => void = console.log, timing: ShutdownTiming = defaultShutdownTiming): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    const deadline = setTimeout(() => process.exit(0), timing.deadlineMs);
    deadline.unref();
    log(`${signal}: closing ${cp.hub.subscriberCount} event stream(s) and stopping the control plane`);
    cp.hub.closeStreams(timing.retryMs);
    cp.closing = true;
    void cp.close(timing.graceMs).then(
      (closed) => {
        if (!closed) log(`an answer from Proxmox was still outstanding after ${timing.graceMs} ms; exiting without it`);
        setTimeout(() => process.exit(0), timing.drainMs).unref();
      },
      (error: unknown) => {
        console.error("stopping the control plane failed", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
