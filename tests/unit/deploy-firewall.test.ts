import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DeployConfigError } from "@/deploy/lib/deploy-config-error";
import { planDeploymentOrThrow } from "@/deploy/lib/plan-deployment";
import { renderDeployment } from "@/deploy/lib/render-deployment";
import { parseSiteSettings } from "@/deploy/lib/site-settings";
import { exampleNetwork, manifest, writeCatalogue } from "@/deploy/testing/fixtures";
import { type ParsedFirewall, type ParsedRule, parsePveFirewall, verdict } from "@/deploy/testing/pve-firewall";

const tmp = mkdtempSync(path.join(tmpdir(), "arcade-firewall-unit-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Cartofia and Snake share CT2000 (Cartofia is probed on its internal address); Bomber on CT2201 is probed through
// its public URL, so the portal needs no path to it.
const catalogue = writeCatalogue(
  [
    { ...manifest("cartofia", 2000, "http://10.22.0.20:80"), probeUrl: "http://10.22.0.20/index.html" },
    manifest("snake", 2000, "http://10.22.0.20:80"),
    manifest("bomber", 2201, "http://10.22.0.31:8080"),
  ],
  tmp,
);

function firewallsFor(settings: Record<string, unknown> = {}): Map<number, ParsedFirewall> {
  const site = parseSiteSettings(
    { portal: { hostname: "arcade.example.com", upstream: "http://10.22.0.21:3000" }, mode: "caddy", tls: "auto", acmeEmail: "you@example.com", network: exampleNetwork, ...settings },
    "deploy/site.json",
  );
  const files = renderDeployment(planDeploymentOrThrow(catalogue.games, site, catalogue.dir));
  return new Map(files.filter((f) => f.path.startsWith("proxmox/firewall/")).map((f) => [Number(/(\d+)\.fw$/.exec(f.path)![1]), parsePveFirewall(f.content)]));
}

// Where each CT sits: NIC → bridge and address (the gateway's LAN address is the owner's; any will do here).
const cts: Record<number, { nics: Record<string, string> }> = {
  1000: { nics: { net0: "192.168.1.20" } },
  1010: { nics: { net0: "192.168.1.10", net1: "10.22.0.10" } },
  2000: { nics: { net0: "10.22.0.20" } },
  2100: { nics: { net0: "192.168.1.21", net1: "10.22.0.21" } },
  2201: { nics: { net0: "10.22.0.31" } },
};
const onVmbr2 = (ip: string) => ip.startsWith("10.22.0.");

function ctOwning(ip: string): { vmid: number; nic: string } | undefined {
  for (const [vmid, ct] of Object.entries(cts)) {
    for (const [nic, address] of Object.entries(ct.nics)) if (address === ip) return { vmid: Number(vmid), nic };
  }
  return undefined;
}

/** A new connection from a CT (or an outside host) to an address: both ends' firewalls must let it through. */
function connect(fws: Map<number, ParsedFirewall>, from: number | string, to: string, port: number, proto: "tcp" | "udp" = "tcp", used?: Set<ParsedRule>) {
  let source: string;
  if (typeof from === "number") {
    const nics = cts[from]!.nics;
    // A dual-homed CT reaches vmbr2 through its vmbr2 NIC and everything else through net0 (its default route).
    const nic = Object.keys(nics).find((n) => onVmbr2(nics[n]!) === onVmbr2(to)) ?? "net0";
    source = nics[nic]!;
    const out = verdict(fws.get(from)!, "OUT", { iface: nic, source, dest: to, proto, dport: port });
    if (out.rule && out.action === "ACCEPT") used?.add(out.rule);
    if (out.action !== "ACCEPT") return false;
  } else {
    source = from;
  }
  const target = ctOwning(to);
  if (target === undefined) return true;
  const into = verdict(fws.get(target.vmid)!, "IN", { iface: target.nic, source, dest: to, proto, dport: port });
  if (into.rule && into.action === "ACCEPT") used?.add(into.rule);
  return into.action === "ACCEPT";
}

const internetHost = "203.0.113.7";
const discord = "162.159.135.232";
const lanHost = "192.168.1.50";

describe("Proxmox firewall files", () => {
  it("writes one file per CT: on, DROP both ways, anti-spoofing on", () => {
    const fws = firewallsFor();
    expect([...fws.keys()]).toEqual([1000, 1010, 2000, 2100, 2201]);
    for (const [vmid, fw] of fws) expect(fw.options, `CT${vmid}`).toEqual({ enable: "1", policy_in: "DROP", policy_out: "DROP", ipfilter: "1", macfilter: "1" });
  });

  it("lets exactly the design's flows through, and every ACCEPT rule serves one of them", () => {
    const fws = firewallsFor();
    const used = new Set<ParsedRule>();
    const allowed: [number | string, string, number, ("tcp" | "udp")?][] = [
      [internetHost, "192.168.1.10", 443],
      [lanHost, "192.168.1.10", 80],
      [1010, "10.22.0.20", 80],
      [1010, "10.22.0.31", 8080],
      [1010, "10.22.0.21", 3000],
      [1000, "192.168.1.21", 3000],
      [2100, "10.22.0.20", 80],
      [2100, "192.168.1.2", 8006],
      [2100, discord, 443],
      [1000, discord, 443],
      [1010, internetHost, 443],
      [1010, internetHost, 80],
      ...[1000, 1010, 2100].flatMap((ct) => [[ct, "192.168.1.1", 53, "udp"], [ct, "192.168.1.1", 53, "tcp"]] as [number, string, number, "tcp" | "udp"][]),
    ];
    for (const [from, to, port, proto] of allowed) expect(connect(fws, from, to, port, proto, used), `${from} -> ${to}:${port}`).toBe(true);
    for (const [vmid, fw] of fws) {
      for (const rule of fw.rules.filter((r) => r.action === "ACCEPT")) expect(used.has(rule), `CT${vmid}: "${rule.text}" serves no flow of the design`).toBe(true);
    }
  });

  it("keeps the LAN off vmbr2 and the game CTs off everything", () => {
    const fws = firewallsFor();
    const denied: [number | string, string, number, ("tcp" | "udp")?][] = [
      [lanHost, "10.22.0.20", 80],
      [internetHost, "10.22.0.31", 8080],
      [lanHost, "192.168.1.21", 3000],
      [lanHost, "10.22.0.21", 3000],
      [internetHost, "192.168.1.20", 22],
      [1010, "10.22.0.20", 22],
      [1010, "192.168.1.2", 8006],
      [1010, "192.168.1.21", 3000],
      [1000, "192.168.1.2", 8006],
      [1000, "10.22.0.20", 80],
      [1000, lanHost, 445],
      [2100, "10.22.0.31", 8080],
      [2100, lanHost, 22],
      [2000, lanHost, 445],
      [2000, "10.22.0.21", 3000],
      [2000, "10.22.0.10", 80],
      [2000, "192.168.1.2", 8006],
      [2000, "192.168.1.1", 53, "udp"],
      [2000, "1.1.1.1", 443],
      [2201, "10.22.0.20", 80],
    ];
    for (const [from, to, port, proto] of denied) expect(connect(fws, from, to, port, proto), `${from} -> ${to}:${port}`).toBe(false);
  });

  it('gives game CTs DNS and HTTP(S) to the internet only with "gameUpdates": true, still nothing on the LAN', () => {
    const fws = firewallsFor({ gameUpdates: true });
    expect(connect(fws, 2000, "1.1.1.1", 443)).toBe(true);
    expect(connect(fws, 2201, "151.101.2.132", 80)).toBe(true);
    expect(connect(fws, 2000, "192.168.1.1", 53, "udp")).toBe(true);
    for (const [to, port] of [[lanHost, 80], ["192.168.1.2", 8006], ["10.22.0.1", 22], ["10.22.0.21", 3000], ["192.168.1.21", 3000]] as const) {
      expect(connect(fws, 2000, to, port), `2000 -> ${to}:${port}`).toBe(false);
    }
    expect(connect(fws, lanHost, "10.22.0.20", 80)).toBe(false);
  });

  it("refuses a catalogue the firewall cannot express, naming the manifest and field", () => {
    const bad = writeCatalogue([manifest("named", 2002, "http://games.lan:80"), manifest("clash", 1010, "http://10.22.0.40:80")], tmp);
    const site = parseSiteSettings({ portal: { hostname: "arcade.example.com", upstream: "http://10.22.0.21:3000" }, mode: "caddy", tls: "internal", network: exampleNetwork }, "deploy/site.json");
    let problems: string[] = [];
    try {
      renderDeployment(planDeploymentOrThrow(bad.games, site, bad.dir));
    } catch (error) {
      if (!(error instanceof DeployConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(/clash\/game\.json: field "vmid" 1010 is the gateway's, portal's or bot's CT in deploy\/site\.json "network": give games their own CTs/),
      expect.stringMatching(/named\/game\.json: field "upstream" must use an IPv4 address for the Proxmox firewall rules \(got games\.lan\)/),
    ]);
  });
});
