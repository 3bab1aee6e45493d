import { handle, json, powerActionSchema, visibleGameView } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";
import { ArcadeError } from "@/lib/errors";

/** Admin power actions: start, shutdown (falls back to stop), stop (force), reboot. */
export function POST(request: Request, { params }: { params: Promise<{ id: string; action: string }> }) {
  return handle(async () => {
    const { id, action } = await params;
    const parsed = powerActionSchema.safeParse(action);
    if (!parsed.success) throw new ArcadeError("not_found:action", `There is no action "${action}"; use start, shutdown, stop or reboot.`);
    const { cp, caller, viewer } = await routeContext(request);
    assertCan(caller.actor, "games:power", cp.authz);
    await cp.limits.action(caller);
    cp.lifecycle.power(id, parsed.data, caller);
    return json(visibleGameView(cp.hub.view(id), viewer), 202);
  });
}
