import { PveError } from "../../errors";
import { rrdPoints, TIMEFRAMES, type Timeframe } from "../../world/rrd";
import { NODE_PARAM, reply, VMID_PARAM, type Route } from "../route-types";

export const rrdRoutes: Route[] = [
  {
    method: "GET",
    // Not proxied: the contacted node answers from its own copy of the cluster-wide RRD data.
    path: "/nodes/{node}/lxc/{vmid}/rrddata",
    permission: { path: "/vms/{vmid}", privs: ["VM.Audit"] },
    params: {
      node: NODE_PARAM,
      vmid: VMID_PARAM,
      timeframe: { type: "string", enum: TIMEFRAMES },
      cf: { type: "string", optional: true, enum: ["AVERAGE", "MAX"] },
    },
    handle: (input) => {
      const vmid = Number(input.params.vmid);
      const ct = input.world.containers.get(vmid);
      const file = `/var/lib/rrdcached/db/${input.traits.pve9 ? "pve-vm-9.0" : "pve2-vm"}/${vmid}`;
      if (!ct) throw new PveError(500, `RRD error: opening '${file}': No such file or directory`);
      const cf = input.params.cf === "MAX" ? "MAX" : "AVERAGE";
      return reply(rrdPoints(ct, input.params.timeframe as Timeframe, cf, input.traits));
    },
  },
];
