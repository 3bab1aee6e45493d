import { paramError } from "../../errors";
import { rebootContainer, shutdownContainer, startContainer, stopContainer, type PowerCall } from "../../world/power";
import { NODE_PARAM, reply, VMID_PARAM, type HandlerInput, type ParamSpec, type Route } from "../route-types";

const POWER = { path: "/vms/{vmid}", privs: ["VM.PowerMgmt"] };
const BOOL: ParamSpec = { type: "boolean", optional: true };
const TIMEOUT: ParamSpec = { type: "integer", optional: true, minimum: 0 };
const TARGET = { node: NODE_PARAM, vmid: VMID_PARAM };

function callOf(input: HandlerInput): PowerCall {
  // Tasks started by a token carry the full token id as the UPID user.
  return { node: String(input.params.node), vmid: Number(input.params.vmid), user: input.identity.tokenId };
}

/** Status.pm: skiplock is for root@pam only, and a token's authuser is never plain root@pam. */
function skiplockOf(input: HandlerInput): boolean {
  if (input.params.skiplock !== 1) return false;
  if (input.identity.tokenId !== "root@pam") throw paramError({ skiplock: "Only root may use this option." });
  return true;
}

export const lxcPowerRoutes: Route[] = [
  {
    method: "POST",
    path: "/nodes/{node}/lxc/{vmid}/status/start",
    permission: POWER,
    proxyToNode: true,
    params: { ...TARGET, skiplock: BOOL, debug: BOOL },
    handle: (input) => reply(startContainer(input.world, callOf(input), skiplockOf(input))),
  },
  {
    method: "POST",
    path: "/nodes/{node}/lxc/{vmid}/status/stop",
    permission: POWER,
    proxyToNode: true,
    params: { ...TARGET, skiplock: BOOL, "overrule-shutdown": BOOL },
    handle: (input) =>
      reply(stopContainer(input.world, callOf(input), { skiplock: skiplockOf(input), overruleShutdown: input.params["overrule-shutdown"] === 1 })),
  },
  {
    method: "POST",
    path: "/nodes/{node}/lxc/{vmid}/status/shutdown",
    permission: POWER,
    proxyToNode: true,
    params: { ...TARGET, timeout: TIMEOUT, forceStop: BOOL },
    handle: (input) =>
      reply(
        shutdownContainer(input.world, callOf(input), {
          timeoutSec: input.params.timeout === undefined ? undefined : Number(input.params.timeout),
          forceStop: input.params.forceStop === 1,
        }),
      ),
  },
  {
    method: "POST",
    path: "/nodes/{node}/lxc/{vmid}/status/reboot",
    permission: POWER,
    proxyToNode: true,
    params: { ...TARGET, timeout: TIMEOUT },
    handle: (input) => reply(rebootContainer(input.world, callOf(input), input.params.timeout === undefined ? undefined : Number(input.params.timeout))),
  },
];
