export { createLifecycle, type Lifecycle } from "./create-lifecycle";
export { defaultTiming, type LifecycleTiming, type ProxmoxPort, type Request } from "./context";
export { type PowerRequest } from "./power-game";
export { probeUrl, type ProbeResult } from "./probe-url";
