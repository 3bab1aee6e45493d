import { auditQuerySchema, handle, json } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";

/** Admins: recent events, newest first, filtered by game and by person; page with `before`. */
export function GET(request: Request) {
  return handle(async () => {
    const { cp, caller } = await routeContext(request);
    assertCan(caller.actor, "audit:view", cp.authz);
    const query = auditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return json(cp.events.page({ gameId: query.game, actorId: query.actor, beforeId: query.before, limit: query.limit ?? 100 }));
  });
}
