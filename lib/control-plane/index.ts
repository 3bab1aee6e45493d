export { createControlPlane, type ControlPlane, type ControlPlaneOptions } from "./create-control-plane";
export { getControlPlane } from "./get-control-plane";
export { ViewHub, type HubListener } from "./view-hub";
