import { readPortalEnv } from "../env";
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
  return holder[KEY];
}
