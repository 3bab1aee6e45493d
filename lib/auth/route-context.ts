import { getControlPlane, type ControlPlane } from "../control-plane";
import type { Caller } from "../api/authenticate-bearer";
import { viewerFor, type Viewer } from "../api/game-visibility";
import { assertBodyWithinLimit } from "../api/request-body";
import { getCallerOrThrow } from "./get-caller";

/**
 * The control plane, the authenticated caller and what that caller may see of a game: what every API route starts
 * with. A body announced larger than ARCADE_BODY_LIMIT_KB is refused first, before anyone is looked up and before
 * a byte of it is read.
 */
export async function routeContext(request: Request): Promise<{ cp: ControlPlane; caller: Caller; viewer: Viewer }> {
  const cp = getControlPlane();
  assertBodyWithinLimit(request, cp.env.bodyLimitBytes);
  const caller = await getCallerOrThrow(request, cp.env);
  return { cp, caller, viewer: viewerFor(caller.actor, cp.authz) };
}
