import { handle, visibleGameView } from "@/lib/api";
import { createEventStream, eventStreamHeaders, readLastEventId } from "@/lib/api/event-stream";
import { routeContext } from "@/lib/auth/route-context";
import { RECHECK_AFTER_MS } from "@/lib/auth/session-claims";
import { assertCan } from "@/lib/authz";

/**
 * SSE of status changes and lifecycle events, resumable with Last-Event-ID. Who did what is audit data: callers
 * without audit:view get events reduced to their ids. A browser session's stream ends after the membership
 * re-check interval, so the reconnect checks the session again and a removed friend stops receiving.
 */
export function GET(request: Request) {
  return handle(async () => {
    const { cp, caller, viewer } = await routeContext(request);
    assertCan(caller.actor, "games:view", cp.authz);
    const stream = createEventStream(cp.hub, cp.events, {
      cursor: readLastEventId(request),
      signal: request.signal,
      redact: !viewer.full,
      present: (view) => visibleGameView(view, viewer),
      maxDurationMs: caller.source === "web" ? RECHECK_AFTER_MS : undefined,
    });
    return new Response(stream, { headers: eventStreamHeaders });
  });
}
