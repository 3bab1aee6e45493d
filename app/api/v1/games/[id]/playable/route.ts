import { handle, json, readJson } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";
import { recordPlayable } from "@/lib/control-plane/record-playable";
import { getGameOrThrow } from "@/lib/games";

/** Admins: medians of the latest time-to-playable samples, `{ cold, warm }` (what the admin page shows). */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { cp, caller } = await routeContext(request);
    assertCan(caller.actor, "audit:view", cp.authz);
    return json(cp.playable.summary(getGameOrThrow(cp.catalogue, (await params).id).id));
  });
}

/** The play page: `{ ms }` from pressing Play to the game's own `ready` message (time to playable). */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { cp, caller } = await routeContext(request);
    await cp.limits.action(caller);
    recordPlayable(cp, (await params).id, caller, await readJson(request, cp.env.bodyLimitBytes));
    return new Response(null, { status: 204 });
  });
}
