import { hashComment } from "./generated-header";
import type { DeploymentPlan } from "./plan-deployment";

/** A well-known public address that answers on 443: "can this CT reach the internet at all?". */
export const INTERNET_PROBE = "1.1.1.1";

/** One TCP connect that check-isolation.sh makes from inside a CT with `pct exec`. */
export type IsolationProbe = {
  from: number;
  /** The CT that owns `host`, when it is one of ours: a stopped target is reported as not checked, not as a failure. */
  to?: number;
  host: string;
  port: number;
  expect: "open" | "closed";
  what: string;
};

/**
 * What must answer and what must not once the firewall files are in place: every allowed flow of the design once,
 * and for each forbidden direction a target that really listens (so "closed" means the firewall, not a missing
 * server). check-isolation.sh runs them on the node.
 */
export function planIsolationProbes(plan: DeploymentPlan): IsolationProbe[] {
  const net = plan.site.network;
  const portalVmbr2 = plan.site.portal.upstream.host;
  const portalPort = plan.site.portal.upstream.port;
  const gw = net.gateway.vmid;
  const portal = net.portal.vmid;
  const bot = net.bot.vmid;
  const probes: IsolationProbe[] = [
    { from: gw, to: portal, host: portalVmbr2, port: portalPort, expect: "open", what: "gateway -> portal" },
    { from: bot, to: portal, host: net.portal.lan, port: portalPort, expect: "open", what: "bot -> portal API" },
    ...net.proxmox.map((host) => ({ from: portal, host, port: 8006, expect: "open" as const, what: "portal -> Proxmox API" })),
    ...net.proxmox.map((host) => ({ from: bot, host, port: 8006, expect: "closed" as const, what: "bot has no Proxmox access" })),
    ...net.proxmox.map((host) => ({ from: gw, host, port: 8006, expect: "closed" as const, what: "gateway has no Proxmox access" })),
  ];
  for (const host of plan.hosts) {
    const route = host.routes[0]!;
    const address = route.upstream.host;
    const port = route.upstream.port;
    const probe = new URL(route.game.probeUrl);
    probes.push({ from: gw, to: host.vmid, host: address, port, expect: "open", what: `gateway -> game CT${host.vmid}` });
    if (probe.protocol === "http:" && probe.hostname === address) {
      probes.push({ from: portal, to: host.vmid, host: address, port: probe.port === "" ? 80 : Number(probe.port), expect: "open", what: `portal probe -> game CT${host.vmid}` });
    }
    probes.push(
      { from: bot, to: host.vmid, host: address, port, expect: "closed", what: `LAN -> game CT${host.vmid} directly` },
      { from: host.vmid, to: portal, host: portalVmbr2, port: portalPort, expect: "closed", what: `game CT${host.vmid} -> portal on vmbr2` },
      { from: host.vmid, to: portal, host: net.portal.lan, port: portalPort, expect: "closed", what: `game CT${host.vmid} -> LAN (portal's LAN address)` },
      ...net.proxmox.map((node) => ({ from: host.vmid, host: node, port: 8006, expect: "closed" as const, what: `game CT${host.vmid} -> Proxmox API` })),
      {
        from: host.vmid,
        host: INTERNET_PROBE,
        port: 443,
        expect: plan.site.gameUpdates ? "open" : "closed",
        what: `game CT${host.vmid} -> internet${plan.site.gameUpdates ? " (gameUpdates: true)" : ""}`,
      },
    );
  }
  return probes;
}

/** The probe list as check-isolation.sh reads it: tab-separated from, to (CT or -), host, port, expect, what. */
export function renderIsolationProbes(plan: DeploymentPlan): string {
  const lines = planIsolationProbes(plan).map((p) => [p.from, p.to ?? "-", p.host, p.port, p.expect, p.what].join("\t"));
  return `${hashComment(plan, ["Read by deploy/proxmox/check-isolation.sh on the Proxmox node.", "from\tto\thost\tport\texpect\twhat"])}\n${lines.join("\n")}\n`;
}
