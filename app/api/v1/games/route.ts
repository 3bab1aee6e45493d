import { handle, json, visibleGameView } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";

export function GET(request: Request) {
  return handle(async () => {
    const { cp, caller, viewer } = await routeContext(request);
    assertCan(caller.actor, "games:view", cp.authz);
    return json({ games: cp.hub.views().map((view) => visibleGameView(view, viewer)) });
  });
}
