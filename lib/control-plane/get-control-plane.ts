import { readPortalEnv } from "../env";
import { ArcadeError } from "../errors";
import { createControlPlane, type ControlPlane } from "./create-control-plane";

const KEY = Symbol.for("cartofia-arcade.control-plane");
type Holder = { [KEY]?: ControlPlane };

/**
 * The process-wide control plane. Next.js bundles route handlers, pages and instrumentation separately, so a
 * module-level variable would exist once per bundle; globalThis makes it exist once per process.
 */
export function getControlPlane(): ControlPlane {
  const holder = globalThis as Holder;
  holder[KEY] ??= createControlPlane({ env: readPortalEnv() });
  if (holder[KEY].closing) throw new ArcadeError("unavailable:restarting", "The portal is restarting; try again in a moment.");
  return holder[KEY];
}
