import { handle } from "@/lib/api";
import { createEventStream, eventStreamHeaders, readLastEventId } from "@/lib/api/event-stream";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";

/** SSE of status changes and lifecycle events, resumable with Last-Event-ID. */
export function GET(request: Request) {
  return handle(async () => {
    const { cp, caller } = await routeContext(request);
    assertCan(caller.actor, "games:view", cp.authz);
    const stream = createEventStream(cp.hub, cp.events, { lastEventId: readLastEventId(request), signal: request.signal });
    return new Response(stream, { headers: eventStreamHeaders });
  });
}
