import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DeployConfigError } from "@/deploy/lib/deploy-config-error";
import { planDeploymentOrThrow, type DeploymentPlan } from "@/deploy/lib/plan-deployment";
import { renderCaddyfile } from "@/deploy/lib/render-caddyfile";
import { renderCloudflared } from "@/deploy/lib/render-cloudflared";
import { renderDeployment } from "@/deploy/lib/render-deployment";
import { renderGameHostNginx } from "@/deploy/lib/render-game-host-nginx";
import { renderGatewayNginx } from "@/deploy/lib/render-gateway-nginx";
import { renderStartingPage } from "@/deploy/lib/render-starting-page";
import { parseSiteSettings } from "@/deploy/lib/site-settings";
import { exampleNetwork, manifest, writeCatalogue } from "@/deploy/testing/fixtures";

const tmp = mkdtempSync(path.join(tmpdir(), "arcade-deploy-unit-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Two games share CT2000 (same address, told apart by hostname); a third has CT2201 to itself.
const catalogue = writeCatalogue([
  manifest("cartofia", 2000, "http://10.22.0.20:80"),
  manifest("snake", 2000, "http://10.22.0.20:80"),
  manifest("bomber", 2201, "http://10.22.0.31:8080"),
], tmp);

type Tls = "auto" | "cloudflare-tunnel" | "internal";

function siteFor(tls: Tls, mode: "caddy" | "nginx", webRoots: Record<string, string> = {}) {
  return parseSiteSettings(
    {
      portal: { hostname: "arcade.example.com", upstream: "http://10.22.0.21:3000" },
      mode,
      tls,
      acmeEmail: "owner@example.com",
      cloudflare: { tunnel: "arcade" },
      gameHosts: { webRoots },
      network: exampleNetwork,
    },
    "deploy/site.json",
  );
}

function planFor(tls: Tls, mode: "caddy" | "nginx" = "caddy"): DeploymentPlan {
  return planDeploymentOrThrow(catalogue.games, siteFor(tls, mode, { snake: "/srv/snake" }), catalogue.dir);
}

/** `server_name` → the lines of its server block, from a rendered nginx file. */
function serverBlocks(conf: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const part of conf.split(/\n\s*server \{/).slice(1)) {
    const name = /server_name ([^;]+);/.exec(part)?.[1] ?? "(default)";
    blocks.set(name, part);
  }
  return blocks;
}

/** Caddyfile site address → its block text. */
function caddySites(caddyfile: string): Map<string, string> {
  const sites = new Map<string, string>();
  for (const match of caddyfile.matchAll(/^(\S+) \{\n([\s\S]*?)^\}/gm)) sites.set(match[1]!, match[2]!);
  return sites;
}

describe("game-host configs", () => {
  it("writes one nginx.conf for the two games of CT2000 and one for CT2201", () => {
    const paths = renderDeployment(planFor("auto")).map((f) => f.path);
    expect(paths.filter((p) => p.startsWith("game-hosts/")).sort()).toEqual(["game-hosts/ct2000/nginx.conf", "game-hosts/ct2201/nginx.conf"]);
  });

  it("serves each game of a shared CT under its own hostname and web root", () => {
    const plan = planFor("auto");
    const blocks = serverBlocks(renderGameHostNginx(plan.hosts[0]!, plan));
    expect([...blocks.keys()]).toEqual(["cartofia.example.com", "snake.example.com"]);
    expect(blocks.get("cartofia.example.com")).toContain("root /var/www/games/cartofia;");
    expect(blocks.get("snake.example.com")).toContain("root /srv/snake;");
    // The first game answers the portal's probe by bare IP; only one server may claim the default.
    expect(blocks.get("cartofia.example.com")).toContain("listen 80 default_server;");
    expect(blocks.get("snake.example.com")).toContain("listen 80;");
  });

  it("listens on the game's own upstream port and follows the pygbag serving rules", () => {
    const plan = planFor("auto");
    const conf = renderGameHostNginx(plan.hosts[1]!, plan);
    expect(conf).toContain("listen 8080 default_server;");
    expect(conf).toContain("default_type application/octet-stream;");
    expect(conf).toMatch(/location ~\* \\\.\(apk\|tar\\\.gz\)\$ \{\n\s+types \{ \}\n\s+default_type application\/octet-stream;\n\s+gzip off;/);
    expect(conf).toContain("location = /healthz {");
    expect(conf).toContain("return 204;");
    expect(conf).toContain('add_header Content-Security-Policy "frame-ancestors https://arcade.example.com" always;');
    expect(conf).not.toMatch(/X-Frame-Options|Cross-Origin-(Opener|Embedder)-Policy/i);
    expect(conf).not.toMatch(/gzip_types[^;]*(octet-stream|text\/plain|\*)/);
  });

  it("lets tests move listen address, port and process paths without changing the served rules", () => {
    const plan = planFor("auto");
    const conf = renderGameHostNginx(plan.hosts[0]!, plan, { listen: { address: "127.0.0.1", port: 4321 }, user: null, pidFile: "/tmp/x/nginx.pid", tempDir: "/tmp/x/temp" });
    expect(conf).toContain("listen 127.0.0.1:4321 default_server;");
    expect(conf).toContain("pid /tmp/x/nginx.pid;");
    expect(conf).toContain("proxy_temp_path /tmp/x/temp/proxy;");
    expect(conf).not.toContain("user ");
    const production = renderGameHostNginx(plan.hosts[0]!, plan);
    const rules = (text: string) => text.slice(text.indexOf("    # Cartofia"));
    expect(rules(conf).replaceAll("127.0.0.1:4321", "80")).toBe(rules(production));
  });
});

describe("gateway configs", () => {
  it("routes every hostname in the Caddyfile to its CT, the portal with SSE flushing and HSTS", () => {
    const sites = caddySites(renderCaddyfile(planFor("auto")));
    expect([...sites.keys()]).toEqual(["arcade.example.com", "bomber.example.com", "cartofia.example.com", "snake.example.com", "http://"]);
    const portal = sites.get("arcade.example.com")!;
    expect(portal).toMatch(/handle \/api\/v1\/events\* \{\n\t\treverse_proxy 10\.22\.0\.21:3000 \{\n\t\t\tflush_interval -1/);
    expect(portal).toContain('header Strict-Transport-Security "max-age=31536000"');
    // A stopped game's starting page at once: a short dial timeout, and nothing that holds or remembers failures.
    expect(sites.get("bomber.example.com")).toContain("reverse_proxy 10.22.0.31:8080 {\n\t\ttransport http {\n\t\t\tdial_timeout 700ms\n\t\t\tkeepalive off\n\t\t}");
    expect(renderCaddyfile(planFor("auto"))).not.toMatch(/lb_try_duration|fail_duration|health_uri/);
    for (const site of sites.keys()) {
      if (site !== "http://") expect(sites.get(site), site).toContain("request_body {\n\t\tmax_size 64KiB\n\t}");
    }
    expect(sites.get("snake.example.com")).toContain("reverse_proxy 10.22.0.20:80 {");
    expect(sites.get("snake.example.com")).toContain("rewrite * /starting.html");
    expect(sites.get("snake.example.com")).not.toMatch(/Strict-Transport-Security|encode/);
    expect(sites.get("http://")).toContain('respond "Unknown site" 421');
  });

  it("uses ACME with the owner's e-mail, Caddy's own CA, or plain http:// sites behind the tunnel", () => {
    const auto = renderCaddyfile(planFor("auto"));
    expect(auto).toMatch(/^\{\n\temail owner@example\.com\n\}/m);
    expect(renderCaddyfile(planFor("internal"))).toContain("arcade.example.com {\n\ttls internal");
    const tunnel = renderCaddyfile(planFor("cloudflare-tunnel"));
    expect([...caddySites(tunnel).keys()]).toEqual(["http://arcade.example.com", "http://bomber.example.com", "http://cartofia.example.com", "http://snake.example.com", "http://"]);
    expect(tunnel).not.toContain("email ");
    expect(tunnel).toContain("trusted_proxies 127.0.0.1/32 ::1/128");
  });

  it("gives the nginx gateway the same routes, SSE without buffering, HTTPS redirects and a refusing default", () => {
    const blocks = serverBlocks(renderGatewayNginx(planFor("auto", "nginx")));
    expect(blocks.get("(default)")).toMatch(
      /listen 80 default_server;\n\s+listen \[::\]:80 default_server;\n\s+listen 443 ssl default_server;\n\s+listen \[::\]:443 ssl default_server;\n\s+ssl_reject_handshake on;\n\s+return 421;/,
    );
    const redirects = blocks.get("arcade.example.com bomber.example.com cartofia.example.com snake.example.com")!;
    expect(redirects).toMatch(/location \/ \{\n\s+return 308 https:\/\/\$host\$request_uri;/);
    // certbot --webroot renews through plain HTTP while nginx keeps serving.
    expect(redirects).toMatch(/location \/\.well-known\/acme-challenge\/ \{\n\s+root \/srv\/gateway\/acme;/);
    const portal = blocks.get("arcade.example.com")!;
    expect(portal).toMatch(/listen 443 ssl;\n\s+listen \[::\]:443 ssl;\n\s+http2 on;/);
    expect(portal).toContain("client_max_body_size 64k;");
    expect(blocks.get("cartofia.example.com")).toContain("client_max_body_size 64k;");
    expect(blocks.get("cartofia.example.com")).toContain("proxy_connect_timeout 700ms;");
    expect(portal).toContain("ssl_certificate /etc/letsencrypt/live/arcade.example.com/fullchain.pem;");
    expect(portal).toMatch(/location \/api\/v1\/events \{[^}]*proxy_buffering off;[^}]*proxy_read_timeout 1h;/);
    expect(portal).toContain('add_header Strict-Transport-Security "max-age=31536000" always;');
    expect(blocks.get("bomber.example.com")).toContain("proxy_pass http://10.22.0.31:8080;");
    expect(blocks.get("cartofia.example.com")).toContain("error_page 502 504 =503 @arcade_starting;");
    expect(blocks.get("cartofia.example.com")).not.toContain("Strict-Transport-Security");
    const tunnel = renderGatewayNginx(planFor("cloudflare-tunnel", "nginx"));
    expect(tunnel).not.toMatch(/ssl|443/);
  });

  it("writes the HTTP/2 form the gateway's nginx understands: `http2 on;` from 1.25.1, the listen flag before", () => {
    const withVersion = (version: string) =>
      renderGatewayNginx(planDeploymentOrThrow(catalogue.games, { ...siteFor("auto", "nginx"), nginx: { ...siteFor("auto", "nginx").nginx, version } }, catalogue.dir));
    for (const version of ["1.22", "1.22.1", "1.25.0"]) {
      expect(withVersion(version), version).toMatch(/listen 443 ssl http2;\n\s+listen \[::\]:443 ssl http2;/);
      expect(withVersion(version), version).not.toContain("http2 on;");
    }
    for (const version of ["1.25.1", "1.26", "1.26.3", "2.0"]) {
      expect(withVersion(version), version).toContain("http2 on;");
      expect(withVersion(version), version).not.toMatch(/ssl http2/);
    }
  });

  it("sends every hostname through the tunnel and ends with the mandatory catch-all", () => {
    const config = renderCloudflared(planFor("cloudflare-tunnel"));
    const hostnames = [...config.matchAll(/- hostname: (\S+)\n\s+service: http:\/\/127\.0\.0\.1:80/g)].map((m) => m[1]);
    expect(hostnames).toEqual(["arcade.example.com", "bomber.example.com", "cartofia.example.com", "snake.example.com"]);
    expect(config.trimEnd().split("\n").at(-1)).toBe("  - service: http_status:404");
    expect(config).toContain("credentials-file: /etc/cloudflared/arcade.json");
  });

  it("writes a starting page that reloads itself and links back to the portal outside the iframe", () => {
    const page = renderStartingPage(planFor("auto"));
    expect(page).toContain('<meta http-equiv="refresh" content="5">');
    expect(page).toContain('<a href="https://arcade.example.com/" target="_top">');
  });
});

describe("generated output", () => {
  it("writes only the chosen gateway, cloudflared only for the tunnel, and marks every file as generated", () => {
    const caddy = renderDeployment(planFor("auto")).map((f) => f.path);
    expect(caddy).toContain("gateway/Caddyfile");
    expect(caddy).not.toContain("gateway/nginx/arcade.conf");
    expect(caddy).not.toContain("cloudflared/config.yml");
    const files = renderDeployment(planFor("cloudflare-tunnel", "nginx"));
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(["gateway/nginx/arcade.conf", "gateway/starting.html", "cloudflared/config.yml", "README.md"]));
    for (const file of files) expect(file.content.split("\n")[0], file.path).toMatch(/^(#|<!--) Generated by deploy\/generate\.ts from the catalogue .* and deploy\/site\.json\./);
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining(["proxmox/firewall/1000.fw", "proxmox/firewall/1010.fw", "proxmox/firewall/2000.fw", "proxmox/firewall/2100.fw", "proxmox/firewall/2201.fw", "proxmox/vmbr2.interfaces", "proxmox/isolation-probes.tsv"]),
    );
    expect(caddy).not.toContain("gateway/nginx/acme-bootstrap.conf");
    expect(renderDeployment(planFor("auto", "nginx")).map((f) => f.path)).toContain("gateway/nginx/acme-bootstrap.conf");
    const readme = files.find((f) => f.path === "README.md")!.content;
    expect(readme).toContain("| game-hosts/ct2201/nginx.conf | CT2201 /etc/nginx/nginx.conf |");
    expect(readme).toContain("| Snake | https://snake.example.com/ | CT2000 | http://10.22.0.20:80 | /srv/snake |");
  });
});

describe("catalogue checks", () => {
  function problemsFor(manifests: Parameters<typeof writeCatalogue>[0]): string[] {
    const { games, dir } = writeCatalogue(manifests, tmp);
    const site = siteFor("auto", "caddy");
    try {
      planDeploymentOrThrow(games, site, dir);
    } catch (error) {
      if (error instanceof DeployConfigError) return error.problems;
      throw error;
    }
    return [];
  }

  it("refuses two CTs that claim one address, naming the manifest, the field and the fix", () => {
    const problems = problemsFor([manifest("one", 2000, "http://10.22.0.20:80"), manifest("two", 2001, "http://10.22.0.20:80")]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/two\/game\.json: field "upstream" http:\/\/10\.22\.0\.20:80 is also CT 2000's .*fix the vmid or the address/);
  });

  it("refuses game URLs the gateway cannot route by hostname, and every problem at once", () => {
    const problems = problemsFor([
      { ...manifest("pathy", 2000, "http://10.22.0.20:80"), url: "https://games.example.com/pathy/" },
      { ...manifest("portal", 2001, "http://10.22.0.21:80"), url: "https://arcade.example.com/" },
      manifest("proxied", 2002, "http://10.22.0.22:80/sub/"),
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/pathy\/game\.json: field "url" must be the root of the game's own hostname.*e\.g\. "url": "https:\/\/pathy\.example\.com\/"/),
      expect.stringMatching(/portal\/game\.json: field "url" uses the portal's hostname arcade\.example\.com: give the game its own subdomain/),
      expect.stringMatching(/proxied\/game\.json: field "upstream" .* must be an origin only .*set "upstream": "http:\/\/10\.22\.0\.20:80"/),
    ]);
  });

  it("refuses a web root for a game that is not in the catalogue", () => {
    const site = siteFor("internal", "caddy", { tetris: "/srv/tetris" });
    expect(() => planDeploymentOrThrow(catalogue.games, site, catalogue.dir)).toThrow(/deploy\/site\.json: field "gameHosts\.webRoots\.tetris" names no game in .* \(known: bomber, cartofia, snake\): remove it or fix the id/);
  });
});
