import { handle, json, visibleGameView } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";

/** Ensure ready: 202 while it boots (or at once if it already is). Idempotent; concurrent calls share one start. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { cp, caller, viewer } = await routeContext(request);
    assertCan(caller.actor, "games:play", cp.authz);
    await cp.limits.action(caller);
    const { id } = await params;
    cp.lifecycle.play(id, caller);
    const view = cp.hub.view(id);
    return json(visibleGameView(view, viewer), view.state === "ready" ? 200 : 202);
  });
}
