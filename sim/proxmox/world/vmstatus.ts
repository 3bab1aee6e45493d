import type { VersionTraits } from "../version";
import { measureContainer, pressureFields } from "./metrics";
import type { CtRecord } from "./world";

/** PVE::LXC::vmstatus() for one CT: the element of GET /nodes/{node}/lxc (status/current adds `ha`). */
export function vmstatusOf(ct: CtRecord, traits: VersionTraits, now = Date.now()): Record<string, unknown> {
  const m = measureContainer(ct, now);
  const running = ct.status === "running";
  return {
    vmid: ct.vmid,
    type: "lxc",
    status: ct.status,
    name: (ct.hostname ?? `CT${ct.vmid}`).replace(/\s/g, ""),
    cpus: ct.cores,
    ...(ct.tags ? { tags: ct.tags } : {}),
    ...(ct.template ? { template: 1 } : {}),
    ...(ct.lock ? { lock: ct.lock } : {}),
    ...m,
    ...(running ? { pid: ct.pid } : {}),
    ...(running && traits.pve9 ? pressureFields(ct, now) : {}),
  };
}

/** GET status/current: vmstatus plus the HA service status (pve-ha-manager Config.pm get_service_status). */
export function currentStatusOf(ct: CtRecord, traits: VersionTraits): Record<string, unknown> {
  return { ...vmstatusOf(ct, traits), ha: ct.ha ? { managed: 1, state: ct.ha.state } : { managed: 0 } };
}
