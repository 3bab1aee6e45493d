import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DeployConfigError } from "@/deploy/lib/deploy-config-error";
import { parseSiteSettings, readSiteSettingsOrThrow } from "@/deploy/lib/site-settings";
import { exampleNetwork } from "@/deploy/testing/fixtures";

const good = {
  portal: { hostname: "arcade.example.com", upstream: "http://10.22.0.21:3000" },
  mode: "caddy",
  tls: "auto",
  acmeEmail: "you@example.com",
  network: exampleNetwork,
};

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DeployConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected the settings to be refused");
}

describe("site settings", () => {
  it("accepts deploy/site.example.json and fills in the defaults", () => {
    const site = readSiteSettingsOrThrow("deploy/site.example.json");
    expect(site.portal).toMatchObject({ hostname: "arcade.example.com", origin: "https://arcade.example.com" });
    expect(site.portal.upstream).toMatchObject({ origin: "http://10.22.0.21:3000", dial: "10.22.0.21:3000" });
    expect(site.gateway).toEqual({ staticDir: "/srv/gateway", trustedProxies: [] });
    expect(site).toMatchObject({ bodyLimitKb: 64, gameUpdates: false, nginx: { version: "1.26" } });
    expect(site.network).toEqual({
      proxmox: ["192.168.1.2"],
      dns: ["192.168.1.1"],
      uplink: "vmbr0",
      vmbr2Address: "10.22.0.1/24",
      gateway: { vmid: 1010, address: "10.22.0.10" },
      portal: { vmid: 2100, lan: "192.168.1.21" },
      bot: { vmid: 1000, lan: "192.168.1.20" },
    });
    expect(site.gameHosts).toEqual({ webRootBase: "/var/www/games", webRoots: {} });
  });

  it("trusts cloudflared on loopback by default behind a tunnel, and names its credentials file", () => {
    const site = parseSiteSettings({ ...good, tls: "cloudflare-tunnel", acmeEmail: undefined, cloudflare: { tunnel: "arcade" } }, "site.json");
    expect(site.gateway.trustedProxies).toEqual(["127.0.0.1/32", "::1/128"]);
    expect(site.cloudflare).toEqual({ tunnel: "arcade", credentialsFile: "/etc/cloudflared/arcade.json", service: "http://127.0.0.1:80" });
  });

  it("names the file, the field and a fix for every bad value at once", () => {
    const problems = problemsOf(() =>
      parseSiteSettings(
        {
          portal: { hostname: "https://arcade.example.com/", upstream: "http://10.22.0.21:3000/portal" },
          mode: "apache",
          tls: "auto",
          gateway: { bootWaitSec: 15 },
          bodyLimitKb: 0,
          network: { ...exampleNetwork, dns: [], bot: { lan: "cartofia.lan" } },
        },
        "deploy/site.json",
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^deploy\/site\.json: field "portal\.hostname" must be a bare lower-case hostname .*e\.g\. "hostname": "arcade\.example\.com"/),
        expect.stringMatching(/^deploy\/site\.json: field "portal\.upstream" must be an origin only .*e\.g\. "upstream": "http:\/\/10\.22\.0\.21:3000"/),
        expect.stringMatching(/^deploy\/site\.json: field "mode" must be "caddy" or "nginx"/),
        expect.stringMatching(/^deploy\/site\.json: field "bodyLimitKb" must be from 1 to 1048576 KiB/),
        expect.stringMatching(/^deploy\/site\.json: field "network\.dns" needs at least one address: .*"dns": \["192\.168\.1\.1"\]/),
        expect.stringMatching(/^deploy\/site\.json: field "network\.bot\.lan" must be an IPv4 address: CT1000's address on the LAN/),
        expect.stringMatching(/^deploy\/site\.json: field "gateway\.bootWaitSec" is no longer used: the gateway now shows the starting page at once.*remove it/),
        'deploy/site.json: field "acmeEmail" is required when "tls" is "auto": e.g. "acmeEmail": "you@example.com"',
      ]),
    );
    expect(problems).toHaveLength(8);
  });

  it("asks for what each TLS mode needs: an ACME e-mail, or the tunnel", () => {
    expect(problemsOf(() => parseSiteSettings({ ...good, acmeEmail: undefined }, "site.json"))).toEqual([
      'site.json: field "acmeEmail" is required when "tls" is "auto": e.g. "acmeEmail": "you@example.com"',
    ]);
    expect(problemsOf(() => parseSiteSettings({ ...good, tls: "cloudflare-tunnel" }, "site.json"))).toEqual([
      expect.stringMatching(/^site\.json: field "cloudflare" is required when "tls" is "cloudflare-tunnel": e\.g\. "cloudflare": \{ "tunnel": /),
    ]);
  });

  it("says which required field is missing and what to put there", () => {
    expect(problemsOf(() => parseSiteSettings({ mode: "nginx", tls: "internal" }, "site.json"))).toEqual([
      expect.stringMatching(/^site\.json: field "portal" is required: e\.g\. "portal": \{ "hostname": "arcade\.example\.com"/),
      expect.stringMatching(/^site\.json: field "network" is required \(the Proxmox firewall files are generated from it\): e\.g\. "network": \{ "proxmox": \["192\.168\.1\.2"\]/),
    ]);
    expect(problemsOf(() => parseSiteSettings({ ...good, portal: { upstream: "http://10.22.0.21:3000" } }, "site.json"))).toEqual([
      expect.stringMatching(/^site\.json: field "portal\.hostname" is required: the portal's public name/),
    ]);
  });

  it("points out misspelt fields instead of ignoring them", () => {
    expect(problemsOf(() => parseSiteSettings({ ...good, gateway: { staticdir: "/srv/gateway" } }, "site.json"))).toEqual([
      'site.json: unknown field "staticdir" in "gateway": remove it or check the spelling against deploy/site.example.json',
    ]);
  });

  it("refuses values that could break out of a generated config line", () => {
    const problems = problemsOf(() => parseSiteSettings({ ...good, gameHosts: { webRoots: { cartofia: "/var/www/x; include /etc/shadow" } } }, "site.json"));
    expect(problems).toEqual([expect.stringMatching(/^site\.json: field "gameHosts\.webRoots\.cartofia" must be an absolute path/)]);
  });

  it("explains a missing file and broken JSON", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arcade-site-"));
    expect(problemsOf(() => readSiteSettingsOrThrow(path.join(dir, "site.json")))).toEqual([
      `${path.join(dir, "site.json")}: does not exist: copy deploy/site.example.json to ${path.join(dir, "site.json")} and set your hostnames, upstreams and TLS mode`,
    ]);
    writeFileSync(path.join(dir, "broken.json"), '{ "mode": "caddy", }');
    expect(problemsOf(() => readSiteSettingsOrThrow(path.join(dir, "broken.json")))).toEqual([
      expect.stringMatching(/broken\.json: is not valid JSON \(.*\): fix the syntax, compare with deploy\/site\.example\.json$/),
    ]);
  });
});
