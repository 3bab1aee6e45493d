import { configMissingMessage, PveError } from "../../errors";
import { configObject, guestAddress } from "../../world/config-file";
import { currentStatusOf, vmstatusOf } from "../../world/vmstatus";
import type { CtRecord } from "../../world/world";
import { hasPrivilege } from "../acl";
import { NODE_PARAM, reply, VMID_PARAM, type HandlerInput, type Route } from "../route-types";

const AUDIT = { path: "/vms/{vmid}", privs: ["VM.Audit"] };

function loadConfigOrThrow(input: HandlerInput): CtRecord {
  const node = String(input.params.node);
  const ct = input.world.findOnNode(Number(input.params.vmid), node);
  if (!ct) throw new PveError(500, configMissingMessage(node, input.params.vmid!));
  return ct;
}

/** pve-container get_interfaces: `ip --json a` inside the CT, lo included; nothing while stopped. */
function interfacesOf(ct: CtRecord): unknown {
  if (ct.status !== "running") return null;
  const { address, prefix } = guestAddress(ct);
  const suffix = ct.hwaddr.toLowerCase().split(":").slice(3).join("");
  const linkLocal = `fe80::be24:11ff:fe${suffix.slice(0, 2)}:${suffix.slice(2)}`;
  return [
    {
      name: "lo",
      hwaddr: "00:00:00:00:00:00",
      "hardware-address": "00:00:00:00:00:00",
      inet: "127.0.0.1/8",
      inet6: "::1/128",
      "ip-addresses": [
        { "ip-address-type": "inet", "ip-address": "127.0.0.1", prefix: 8 },
        { "ip-address-type": "inet6", "ip-address": "::1", prefix: 128 },
      ],
    },
    {
      name: "eth0",
      hwaddr: ct.hwaddr.toLowerCase(),
      "hardware-address": ct.hwaddr.toLowerCase(),
      inet: `${address}/${prefix}`,
      inet6: `${linkLocal}/64`,
      "ip-addresses": [
        { "ip-address-type": "inet", "ip-address": address, prefix },
        { "ip-address-type": "inet6", "ip-address": linkLocal, prefix: 64 },
      ],
    },
  ];
}

export const lxcReadRoutes: Route[] = [
  {
    method: "GET",
    path: "/nodes/{node}/lxc",
    proxyToNode: true,
    params: { node: NODE_PARAM },
    handle: (input) => {
      const list = [...input.world.containers.values()]
        .filter((ct) => ct.node === input.params.node && hasPrivilege(input.identity, `/vms/${ct.vmid}`, "VM.Audit"))
        .map((ct) => vmstatusOf(ct, input.traits))
        .map((entry) => (input.traits.vmidStringInList ? { ...entry, vmid: String(entry.vmid) } : entry));
      return reply(list);
    },
  },
  {
    method: "GET",
    path: "/nodes/{node}/lxc/{vmid}/status/current",
    permission: AUDIT,
    proxyToNode: true,
    params: { node: NODE_PARAM, vmid: VMID_PARAM },
    handle: (input) => reply(currentStatusOf(loadConfigOrThrow(input), input.traits)),
  },
  {
    method: "GET",
    path: "/nodes/{node}/lxc/{vmid}/config",
    permission: AUDIT,
    proxyToNode: true,
    params: { node: NODE_PARAM, vmid: VMID_PARAM, current: { type: "boolean", optional: true }, snapshot: { type: "string", optional: true } },
    handle: (input) => {
      const ct = loadConfigOrThrow(input);
      if (input.params.snapshot !== undefined) throw new PveError(500, `snapshot '${input.params.snapshot}' does not exist`);
      return reply(configObject(ct));
    },
  },
  {
    method: "GET",
    path: "/nodes/{node}/lxc/{vmid}/interfaces",
    permission: AUDIT,
    proxyToNode: true,
    params: { node: NODE_PARAM, vmid: VMID_PARAM },
    handle: (input) => reply(interfacesOf(loadConfigOrThrow(input))),
  },
];
