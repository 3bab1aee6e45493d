import { getControlPlane, type ControlPlane } from "../control-plane";
import type { Caller } from "../api/authenticate-bearer";
import { getCallerOrThrow } from "./get-caller";

/** The control plane and the authenticated caller: what every API route starts with. */
export async function routeContext(request: Request): Promise<{ cp: ControlPlane; caller: Caller }> {
  const cp = getControlPlane();
  const caller = await getCallerOrThrow(request, { apiToken: cp.env.apiToken, publicUrl: cp.env.auth.url });
  return { cp, caller };
}
