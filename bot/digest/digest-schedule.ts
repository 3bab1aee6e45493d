import type { WeeklyAt } from "@/lib/env";

/** The most recent digest time at or before `now`, in the process's local time zone (TZ). */
export function latestSlot(now: Date, at: WeeklyAt): Date {
  const slot = new Date(now);
  slot.setHours(at.hour, at.minute, 0, 0);
  // Calendar days, not 24 h steps: a week across a daylight-saving change is still Sunday 18:00 to Sunday 18:00.
  slot.setDate(slot.getDate() - ((slot.getDay() - at.day + 7) % 7));
  if (slot.getTime() > now.getTime()) slot.setDate(slot.getDate() - 7);
  return slot;
}

/** The week a digest at `slot` covers: the seven calendar days before it. */
export function weekBefore(slot: Date): { since: Date; until: Date } {
  const since = new Date(slot);
  since.setDate(since.getDate() - 7);
  return { since, until: slot };
}

/** The next digest time after `now`. */
export function nextSlot(now: Date, at: WeeklyAt): Date {
  const next = latestSlot(now, at);
  next.setDate(next.getDate() + 7);
  return next;
}
