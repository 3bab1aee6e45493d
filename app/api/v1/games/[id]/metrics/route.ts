import { handle, json } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";
import { getGameMetrics } from "@/lib/control-plane/get-game-metrics";

/** Admins: the CT's CPU and memory over the last hour (Proxmox rrddata), for the small graphs. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { cp, caller } = await routeContext(request);
    assertCan(caller.actor, "audit:view", cp.authz);
    return json({ points: await getGameMetrics(cp, (await params).id) });
  });
}
