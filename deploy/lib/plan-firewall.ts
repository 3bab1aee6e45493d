import { isIP } from "node:net";
import path from "node:path";
import { DeployConfigError } from "./deploy-config-error";
import type { DeploymentPlan } from "./plan-deployment";

/** One line of a PVE guest firewall's [RULES]: first match wins, after established/related traffic is let through. */
export type FirewallRule = {
  direction: "IN" | "OUT";
  action: "ACCEPT" | "DROP";
  /** The guest's NIC as PVE names it (net0, net1). */
  iface: string;
  source?: string;
  dest?: string;
  proto?: "tcp" | "udp";
  dport?: string;
  comment: string;
};

/** Which bridge each of a guest's NICs is on; the pct create lines in docs/deploy.md use the same layout. */
export type GuestNic = { name: string; bridge: string };

/** The firewall of one CT: /etc/pve/firewall/<vmid>.fw. */
export type GuestFirewall = { vmid: number; role: string; nics: GuestNic[]; rules: FirewallRule[] };

/** Address ranges that are never "the internet": the LAN, vmbr2, the node, link-local and CGNAT. */
export const PRIVATE_V4 = "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,169.254.0.0/16,100.64.0.0/10";
export const PRIVATE_V6 = "fc00::/7";

const accept = (direction: "IN" | "OUT", iface: string, fields: Omit<FirewallRule, "direction" | "action" | "iface">): FirewallRule => ({
  direction,
  action: "ACCEPT",
  iface,
  ...fields,
});

function dnsRules(plan: DeploymentPlan, iface: string, why: string): FirewallRule[] {
  const dest = plan.site.network.dns.join(",");
  return (["udp", "tcp"] as const).map((proto) => accept("OUT", iface, { dest, proto, dport: "53", comment: `DNS (${why})` }));
}

/** DNS, then nothing else private, then HTTP(S) out: what a CT needs from the internet and no more of the LAN. */
function internetRules(plan: DeploymentPlan, iface: string, why: string, extra: FirewallRule[] = []): FirewallRule[] {
  return [
    ...dnsRules(plan, iface, why),
    { direction: "OUT", action: "DROP", iface, dest: PRIVATE_V4, comment: "nothing else on private networks (LAN, vmbr2, the node)" },
    { direction: "OUT", action: "DROP", iface, dest: PRIVATE_V6, comment: "nor on IPv6 unique-local networks" },
    accept("OUT", iface, { proto: "tcp", dport: "80,443", comment: `HTTP(S) to the internet: ${why}` }),
    ...extra,
  ];
}

function ipv4OrProblem(value: string, where: string, problems: string[]): string {
  if (isIP(value) !== 4) problems.push(`${where} must use an IPv4 address for the Proxmox firewall rules (got ${value}), e.g. http://10.22.0.20:80`);
  return value;
}

/** Guest firewalls for every game CT, the gateway, the portal and the bot; throws DeployConfigError on addresses it cannot express. */
export function planFirewallOrThrow(plan: DeploymentPlan): GuestFirewall[] {
  const net = plan.site.network;
  const problems: string[] = [];
  const portalVmbr2 = ipv4OrProblem(plan.site.portal.upstream.host, `${plan.site.file}: field "portal.upstream"`, problems);
  const portalPort = String(plan.site.portal.upstream.port);
  const gatewayVmbr2 = net.gateway.address;
  const games: GuestFirewall[] = [];
  const gatewayOut: FirewallRule[] = [];
  const portalOut: FirewallRule[] = [];
  for (const host of plan.hosts) {
    const manifests = host.routes.map((r) => path.join(r.game.dir, "game.json")).join(", ");
    const address = ipv4OrProblem(host.routes[0]!.upstream.host, `${manifests}: field "upstream"`, problems);
    const names = host.routes.map((r) => r.game.name).join(", ");
    const ports = [...new Set(host.routes.map((r) => r.upstream.port))].join(",");
    const probePorts = [
      ...new Set(
        host.routes.flatMap((r) => {
          const probe = new URL(r.game.probeUrl);
          return probe.protocol === "http:" && probe.hostname === address ? [probe.port === "" ? 80 : Number(probe.port)] : [];
        }),
      ),
    ].join(",");
    if ([net.gateway.vmid, net.portal.vmid, net.bot.vmid].includes(host.vmid)) {
      problems.push(`${manifests}: field "vmid" ${host.vmid} is the gateway's, portal's or bot's CT in ${plan.site.file} "network": give games their own CTs`);
    }
    const rules = [accept("IN", "net0", { source: gatewayVmbr2, proto: "tcp", dport: ports, comment: `gateway CT${net.gateway.vmid} -> ${names}` })];
    gatewayOut.push(accept("OUT", "net1", { dest: address, proto: "tcp", dport: ports, comment: `-> game CT${host.vmid} (${names})` }));
    if (probePorts !== "") {
      rules.push(accept("IN", "net0", { source: portalVmbr2, proto: "tcp", dport: probePorts, comment: `portal CT${net.portal.vmid}: readiness probe` }));
      portalOut.push(accept("OUT", "net1", { dest: address, proto: "tcp", dport: probePorts, comment: `readiness probe -> game CT${host.vmid} (${names})` }));
    }
    if (plan.site.gameUpdates) rules.push(...internetRules(plan, "net0", 'package updates, "gameUpdates": true (NAT on the node)'));
    games.push({ vmid: host.vmid, role: `game host (${names})`, nics: [{ name: "net0", bridge: "vmbr2" }], rules });
  }
  if (problems.length > 0) throw new DeployConfigError(problems);

  const tunnel = plan.site.tls === "cloudflare-tunnel";
  const tunnelOnGateway = tunnel && /^http:\/\/(127\.\d+\.\d+\.\d+|\[::1\]|localhost)(:\d+)?$/.test(plan.site.cloudflare!.service);
  const gatewayIn = tunnelOnGateway
    ? []
    : [accept("IN", "net0", { proto: "tcp", dport: tunnel ? "80" : "80,443", comment: tunnel ? "cloudflared elsewhere -> gateway" : "the internet and the LAN -> gateway" })];
  const tunnelOut = tunnel
    ? (["tcp", "udp"] as const).map((proto) => accept("OUT", "net0", { proto, dport: "7844", comment: "cloudflared -> Cloudflare's edge" }))
    : [];
  // The gateway and the portal: net0 on the LAN with the default route, net1 on vmbr2 (docs/deploy.md §5).
  const dualHomed: GuestNic[] = [
    { name: "net0", bridge: net.uplink },
    { name: "net1", bridge: "vmbr2" },
  ];
  const gateway: GuestFirewall = {
    vmid: net.gateway.vmid,
    role: "gateway",
    nics: dualHomed,
    rules: [
      ...gatewayIn,
      ...gatewayOut,
      accept("OUT", "net1", { dest: portalVmbr2, proto: "tcp", dport: portalPort, comment: `-> portal CT${net.portal.vmid}` }),
      ...internetRules(plan, "net0", tunnel ? "the tunnel, package updates" : "ACME certificates, package updates", tunnelOut),
    ],
  };
  const portal: GuestFirewall = {
    vmid: net.portal.vmid,
    role: "portal",
    nics: dualHomed,
    rules: [
      accept("IN", "net1", { source: gatewayVmbr2, proto: "tcp", dport: portalPort, comment: `gateway CT${net.gateway.vmid} -> portal` }),
      accept("IN", "net0", { source: net.bot.lan, proto: "tcp", dport: portalPort, comment: `bot CT${net.bot.vmid} -> portal API` }),
      ...portalOut,
      accept("OUT", "net0", { dest: net.proxmox.join(","), proto: "tcp", dport: "8006", comment: "-> Proxmox API" }),
      ...internetRules(plan, "net0", "Discord, package updates"),
    ],
  };
  const bot: GuestFirewall = {
    vmid: net.bot.vmid,
    role: "bot",
    nics: [{ name: "net0", bridge: net.uplink }],
    rules: [
      accept("OUT", "net0", { dest: net.portal.lan, proto: "tcp", dport: portalPort, comment: `-> portal CT${net.portal.vmid} API` }),
      ...internetRules(plan, "net0", "Discord, package updates"),
    ],
  };
  return [bot, gateway, ...games, portal].sort((a, b) => a.vmid - b.vmid);
}
