import { handle, json } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";
import { getNodeSummaries } from "@/lib/control-plane/get-node-summaries";

/** Admins: every Proxmox node, online or not, with its CPU, memory and load where the token may read them. */
export function GET(request: Request) {
  return handle(async () => {
    const { cp, caller } = await routeContext(request);
    assertCan(caller.actor, "load:view", cp.authz);
    return json({ nodes: await getNodeSummaries(cp) });
  });
}
