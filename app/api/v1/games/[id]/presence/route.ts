import { handle } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";
import { recordPresence } from "@/lib/control-plane/record-presence";

type Params = { params: Promise<{ id: string }> };

/** The play page's heartbeat (every 30 s while visible): who is playing, and what keeps the CT awake. */
export function POST(request: Request, { params }: Params) {
  return handle(async () => {
    const { cp, caller } = await routeContext(request);
    assertCan(caller.actor, "games:play", cp.authz);
    const { id } = await params;
    await cp.limits.beat(caller, id);
    recordPresence(cp, id, caller.actor, "beat");
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
