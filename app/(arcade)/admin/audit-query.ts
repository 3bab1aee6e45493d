import type { ArcadeEventView } from "@/lib/api/schemas";
import type { ControlPlane } from "@/lib/control-plane";

const AUDIT_PAGE_SIZE = 25;

export type AuditFilters = { game: string; actor: string; before: number | undefined };

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 40) ?? "";

/** The audit filters from the page's query string; anything malformed is ignored rather than an error page. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const before = Number(text(params.before));
  return { game: text(params.game), actor: text(params.actor), before: Number.isInteger(before) && before > 0 ? before : undefined };
}

/** One page of the timeline, newest first, and the id to continue from (null on the last page). */
export function auditPage(cp: ControlPlane, filters: AuditFilters): { events: ArcadeEventView[]; nextBefore: number | null } {
  return cp.events.page({ gameId: filters.game, actorId: filters.actor, beforeId: filters.before, limit: AUDIT_PAGE_SIZE });
}

/** Everyone with an id in the log, for the person filter, by name. */
export function listPeople(cp: ControlPlane): Array<{ value: string; label: string }> {
  return cp.events
    .actors()
    .map(({ id, name }) => ({ value: id, label: name }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
