import { handle, json, visibleGameView } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { cp, caller, viewer } = await routeContext(request);
    assertCan(caller.actor, "games:view", cp.authz);
    return json(visibleGameView(cp.hub.view((await params).id), viewer));
  });
}
