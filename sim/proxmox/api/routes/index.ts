import type { Route } from "../route-types";
import { clusterRoutes } from "./cluster";
import { lxcPowerRoutes } from "./lxc-power";
import { lxcReadRoutes } from "./lxc-read";
import { nodeStatusRoutes } from "./node-status";
import { rrdRoutes } from "./rrddata";
import { taskRoutes } from "./tasks";

/** Every implemented method; anything else answers 501 like an unknown path on a real node. */
export const ROUTES: readonly Route[] = [...clusterRoutes, ...lxcReadRoutes, ...lxcPowerRoutes, ...rrdRoutes, ...taskRoutes, ...nodeStatusRoutes];
