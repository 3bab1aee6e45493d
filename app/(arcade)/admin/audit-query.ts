import type { ArcadeEventView } from "@/lib/api/schemas";
import type { ControlPlane } from "@/lib/control-plane";

export const AUDIT_PAGE_SIZE = 25;
// People to filter by are the ones seen in this many recent events; older ones can still be typed into the URL.
const PEOPLE_WINDOW = 500;

export type AuditFilters = { game: string; actor: string; before: number | undefined };

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 40) ?? "";

/** The audit filters from the page's query string; anything malformed is ignored rather than an error page. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const before = Number(text(params.before));
  return { game: text(params.game), actor: text(params.actor), before: Number.isInteger(before) && before > 0 ? before : undefined };
}

/** One page of the timeline, newest first, and the id to continue from (null on the last page). */
export function auditPage(cp: ControlPlane, filters: AuditFilters): { events: ArcadeEventView[]; nextBefore: number | null } {
  const events = cp.events.query({ gameId: filters.game || undefined, actorId: filters.actor || undefined, beforeId: filters.before, limit: AUDIT_PAGE_SIZE });
  return { events, nextBefore: events.length === AUDIT_PAGE_SIZE ? events.at(-1)!.id : null };
}

/** Everyone with an id who appears in the recent log, for the person filter. */
export function listPeople(cp: ControlPlane): Array<{ value: string; label: string }> {
  const people = new Map<string, string>();
  for (const event of cp.events.query({ limit: PEOPLE_WINDOW })) {
    if (event.actor.id && !people.has(event.actor.id)) people.set(event.actor.id, event.actor.name);
  }
  return [...people].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}
