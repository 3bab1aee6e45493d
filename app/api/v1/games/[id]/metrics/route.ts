import { handle, json, metricsQuerySchema, type MetricsResponse } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";
import { getGameMetrics } from "@/lib/control-plane/get-game-metrics";

/** Admins: the CT's CPU, memory and network over the last hour or day (Proxmox rrddata), for the charts. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { cp, caller } = await routeContext(request);
    assertCan(caller.actor, "load:view", cp.authz);
    const { window } = metricsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const body: MetricsResponse = { window, series: await getGameMetrics(cp, (await params).id, window) };
    return json(body);
  });
}
