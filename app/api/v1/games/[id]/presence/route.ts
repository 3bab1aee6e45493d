import { handle, readJson } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";
import { recordPresence } from "@/lib/control-plane/record-presence";
import { presenceBodySchema } from "@/lib/scores";

type Params = { params: Promise<{ id: string }> };

/**
 * The play page's heartbeat (every 30 s while visible): who is playing, and what keeps the CT awake. An optional
 * JSON body `{ "status": "Level 3" }` carries the game's status line (null clears it); without one it is kept.
 */
export function POST(request: Request, { params }: Params) {
  return handle(async () => {
    const { cp, caller } = await routeContext(request);
    assertCan(caller.actor, "games:play", cp.authz);
    const { id } = await params;
    const body = request.headers.get("content-type") ? presenceBodySchema.parse(await readJson(request, cp.env.bodyLimitBytes)) : undefined;
    if (body?.status === undefined) await cp.limits.beat(caller, id);
    else await cp.limits.status(caller, id);
    recordPresence(cp, id, caller.actor, "beat", body?.status);
    return new Response(null, { status: 204 });
  });
}

/** The play page was closed. */
export function DELETE(request: Request, { params }: Params) {
  return handle(async () => {
    const { cp, caller } = await routeContext(request);
    recordPresence(cp, (await params).id, caller.actor, "leave");
    return new Response(null, { status: 204 });
  });
}
