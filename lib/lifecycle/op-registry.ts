export type OpKind = "start" | "adopt" | "reboot" | "shutdown" | "stop";

export type RunningOp = {
  vmid: number;
  kind: OpKind;
  controller: AbortController;
  done: Promise<void>;
};

/**
 * At most one operation per container. Several games may share a CT, and Play may come from many browsers and
 * the bot at once: a second start joins the first instead of sending Proxmox another start (which would answer
 * "CT already running" or queue on the config lock). Registration is synchronous, so callers that arrive in the
 * same tick see each other.
 */
export class OpRegistry {
  private readonly ops = new Map<number, RunningOp>();

  current(vmid: number): RunningOp | undefined {
    return this.ops.get(vmid);
  }

  isBusy(): boolean {
    return this.ops.size > 0;
  }

  /**
   * Registers `work` as the CT's operation. With "after" it waits for the previous operation to finish; with
   * "replace" it first stops waiting on it (its Proxmox task runs on; only our watching ends).
   */
  run(vmid: number, kind: OpKind, work: (signal: AbortSignal) => Promise<void>, mode: "after" | "replace" = "after"): RunningOp {
    const previous = this.ops.get(vmid);
    if (previous && mode === "replace") previous.controller.abort(new Error(`superseded by ${kind} on CT ${vmid}`));
    const controller = new AbortController();
    const op: RunningOp = { vmid, kind, controller, done: Promise.resolve() };
    op.done = (async () => {
      try {
        if (previous) await previous.done;
        if (!controller.signal.aborted) await work(controller.signal);
      } catch (error) {
        if (!controller.signal.aborted) console.error(`operation ${kind} on CT ${vmid} failed unexpectedly`, error);
      } finally {
        if (this.ops.get(vmid) === op) this.ops.delete(vmid);
      }
    })();
    this.ops.set(vmid, op);
    return op;
  }

  /** Stops watching every operation and waits for them to let go (on shutdown of the process). */
  async abortAll(): Promise<void> {
    const all = [...this.ops.values()];
    for (const op of all) op.controller.abort(new Error("the portal is shutting down"));
    await Promise.all(all.map((op) => op.done));
  }
}
