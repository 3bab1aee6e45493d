import type { ScheduledShutdown } from "../status/types";

type Entry = { plan: ScheduledShutdown; timer: ReturnType<typeof setTimeout> };

/**
 * At most one planned shutdown per CT, each with its timer. Several games may share a CT, so the plan belongs to
 * the CT; the games' statuses carry a copy for the players' pages.
 */
export class ShutdownTimers {
  private readonly entries = new Map<number, Entry>();

  get(vmid: number): ScheduledShutdown | undefined {
    return this.entries.get(vmid)?.plan;
  }

  /** Replaces the CT's plan; `due` runs at `plan.at` (at once when that has passed). */
  set(vmid: number, plan: ScheduledShutdown, due: () => void): void {
    this.clear(vmid);
    const timer = setTimeout(due, Math.max(0, plan.at - Date.now()));
    // A planned shutdown must not keep a test process or a stopping portal alive; a restarted portal picks it up.
    timer.unref?.();
    this.entries.set(vmid, { plan, timer });
  }

  /** Forgets the CT's plan and its timer; returns the plan there was. */
  clear(vmid: number): ScheduledShutdown | undefined {
    const entry = this.entries.get(vmid);
    if (!entry) return undefined;
    clearTimeout(entry.timer);
    this.entries.delete(vmid);
    return entry.plan;
  }

  clearAll(): void {
    for (const vmid of [...this.entries.keys()]) this.clear(vmid);
  }
}
