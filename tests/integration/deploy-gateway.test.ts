import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "@/lib/games";
import { planDeploymentOrThrow, type DeploymentPlan } from "@/deploy/lib/plan-deployment";
import { renderCaddyfile } from "@/deploy/lib/render-caddyfile";
import { renderGatewayNginx } from "@/deploy/lib/render-gateway-nginx";
import { renderStartingPage } from "@/deploy/lib/render-starting-page";
import { parseSiteSettings } from "@/deploy/lib/site-settings";
import { startFakeGame, startFakePortal, type FakeUpstream } from "@/deploy/testing/fake-upstreams";
import { exampleNetwork, manifest, writeCatalogue } from "@/deploy/testing/fixtures";
import { selfSignedCertificate } from "@/deploy/testing/self-signed";
import {
  CADDY,
  collectEvents,
  findFreePort,
  installedNginxVersion,
  NGINX,
  nginxMainConf,
  requireBinaryOrThrow,
  runToEnd,
  send,
  startServer,
  stopServer,
  type RunningServer,
} from "@/deploy/testing/loopback";

const tmp = mkdtempSync(path.join(tmpdir(), "arcade-gateway-"));
let portal: FakeUpstream | undefined;
let game: FakeUpstream | undefined;
let plan: DeploymentPlan;
let asleepPort = 0;

function tunnelSite(raw: Record<string, unknown> = {}) {
  return parseSiteSettings(
    {
      portal: { hostname: "arcade.example.com", upstream: `http://127.0.0.1:${portal!.port}` },
      mode: "caddy",
      tls: "cloudflare-tunnel",
      cloudflare: { tunnel: "arcade" },
      gateway: { bind: "127.0.0.1", staticDir: tmp },
      network: exampleNetwork,
      ...raw,
    },
    "test-site.json",
  );
}

function writeNginx(name: string, site: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "arcade.conf"), site);
  mkdirSync(path.join(dir, "temp"), { recursive: true });
  writeFileSync(path.join(dir, "nginx.conf"), nginxMainConf(dir, path.join(dir, "arcade.conf")));
  return dir;
}

describe("test prerequisites", () => {
  it("finds caddy and nginx installed (these tests never skip)", () => {
    requireBinaryOrThrow(CADDY);
    requireBinaryOrThrow(NGINX);
  });
});

beforeAll(async () => {
  [portal, game] = await Promise.all([startFakePortal(), startFakeGame()]);
  asleepPort = await findFreePort();
  const { dir, games } = writeCatalogue([manifest("cartofia", 2000, `http://127.0.0.1:${game.port}`), manifest("sleepy", 2201, `http://127.0.0.1:${asleepPort}`)], tmp);
  plan = planDeploymentOrThrow(games, tunnelSite(), dir);
  writeFileSync(path.join(tmp, "starting.html"), renderStartingPage(plan));
});

afterAll(async () => {
  await Promise.all([portal?.close(), game?.close()]);
  rmSync(tmp, { recursive: true, force: true });
});

/** The behaviour both gateway flavours must show to players, the portal and the bot. */
function describeGateway(start: (port: number) => Promise<RunningServer>) {
  let port = 0;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    requireBinaryOrThrow(CADDY);
    requireBinaryOrThrow(NGINX);
    port = await findFreePort();
    server = await start(port);
  });
  afterAll(() => stopServer(server));

  it("forwards the portal's hostname to the portal with X-Forwarded-Proto and -Host", async () => {
    const reply = await send(port, "arcade.example.com", "/games?x=1");
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe("portal");
    const seen = portal!.seen.findLast((r) => r.url === "/games?x=1");
    expect(seen?.headers.host).toMatch(/^arcade\.example\.com/);
    expect(seen?.headers["x-forwarded-proto"]).toBe("http");
    expect(seen?.headers["x-forwarded-host"]).toMatch(/^arcade\.example\.com/);
    expect(seen?.headers["x-forwarded-for"]).toContain("127.0.0.1");
    expect(reply.headers["strict-transport-security"]).toBe("max-age=31536000");
  });

  it("keeps https as the scheme when the trusted tunnel on loopback reports it", async () => {
    await send(port, "arcade.example.com", "/via-tunnel", { headers: { "x-forwarded-proto": "https" } });
    expect(portal!.seen.findLast((r) => r.url === "/via-tunnel")?.headers["x-forwarded-proto"]).toBe("https");
  });

  it("passes the portal's server-sent events through one by one, not buffered", async () => {
    const sent = Date.now();
    const events = await collectEvents(port, "arcade.example.com", "/api/v1/events", 4);
    expect(events.map((e) => e.data)).toEqual(["1", "2", "3", "4"]);
    expect(events[0]!.at - sent).toBeLessThan(1_000);
    // Four events 100 ms apart: delivered as they happen, they span about 300 ms; buffered, they arrive together.
    expect(events[3]!.at - events[0]!.at).toBeGreaterThanOrEqual(200);
  });

  it("sends a game's hostname to its game host with the Host header unchanged", async () => {
    const reply = await send(port, "cartofia.example.com", "/index.html");
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe("game");
    expect(game!.seen.findLast((r) => r.url === "/index.html")?.headers.host).toMatch(/^cartofia\.example\.com/);
    expect(reply.headers["strict-transport-security"]).toBeUndefined();
  });

  it("shows the self-refreshing starting page within a second while a game's CT does not answer, and the game once it does", async () => {
    const asked = Date.now();
    const reply = await send(port, "sleepy.example.com", "/");
    expect(Date.now() - asked).toBeLessThan(1_000);
    expect([502, 503]).toContain(reply.status);
    expect(reply.headers["content-type"]).toMatch(/^text\/html/);
    expect(reply.headers["cache-control"]).toBe("no-store");
    const body = reply.body.toString();
    expect(body).toContain("The game is starting");
    expect(body).toContain('http-equiv="refresh"');
    expect(body).toContain('href="https://arcade.example.com/"');

    // The game comes up on its address: the very next request (the page reloads itself) reaches it.
    const booted = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("booted game"));
    await new Promise<void>((resolve) => booted.listen(asleepPort, "127.0.0.1", resolve));
    try {
      const after = await send(port, "sleepy.example.com", "/");
      expect(after.status).toBe(200);
      expect(after.body.toString()).toBe("booted game");
    } finally {
      booted.closeAllConnections();
      await new Promise((resolve) => booted.close(resolve));
    }
  });

  it("refuses a request body above bodyLimitKb with 413 before it reaches the portal", async () => {
    const before = portal!.seen.length;
    const big = await send(port, "arcade.example.com", "/api/v1/big", { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(65 * 1024) });
    expect(big.status).toBe(413);
    expect(portal!.seen.length).toBe(before);
    const small = await send(port, "arcade.example.com", "/api/v1/small", { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(1024) });
    expect(small.status).toBe(200);
  });

  it("refuses a hostname it does not serve without asking any upstream", async () => {
    const before = portal!.seen.length + game!.seen.length;
    const reply = await send(port, "evil.example.net", "/");
    expect(reply.status).toBe(421);
    expect(portal!.seen.length + game!.seen.length).toBe(before);
  });
}

describe("Caddy gateway behind a Cloudflare Tunnel", () => {
  describeGateway(async (port) => {
    const file = path.join(tmp, "Caddyfile");
    writeFileSync(file, renderCaddyfile(plan, { httpPort: port, admin: "off" }));
    const env = { ...process.env, HOME: tmp, XDG_DATA_HOME: path.join(tmp, "data"), XDG_CONFIG_HOME: path.join(tmp, "config") };
    return startServer(CADDY, ["run", "--config", file, "--adapter", "caddyfile"], port, env);
  });
});

describe("nginx gateway behind a Cloudflare Tunnel", () => {
  describeGateway(async (port) => {
    const dir = writeNginx("live", renderGatewayNginx(plan, { httpPort: port }));
    return startServer(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], port);
  });

  it("passes nginx -t in production form, for the tunnel and with certificates on 443", () => {
    const cert = selfSignedCertificate(tmp, ["arcade.example.com"]);
    const auto = tunnelSite({ tls: "auto", acmeEmail: "you@example.com", gateway: {}, nginx: { certificate: cert.cert, certificateKey: cert.key, version: installedNginxVersion() } });
    const internal = { ...auto, tls: "internal" as const };
    const games = loadCatalogue(plan.sources.games).games;
    for (const [name, site] of Object.entries({ tunnel: tunnelSite({ gateway: {} }), auto, internal })) {
      const dir = writeNginx(`prod-${name}`, renderGatewayNginx(planDeploymentOrThrow(games, site)));
      const result = runToEnd(NGINX, ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")]);
      expect(result.output, name).toContain("test is successful");
      expect(result.status).toBe(0);
    }
  });

  it("writes `http2 on;` for nginx 1.26 (Debian 13) in a config that is otherwise what this nginx accepts", () => {
    // Only nginx 1.22 is installed here, which predates the directive: check the 1.26 form without its
    // `http2 on;` lines, and that those lines are the only difference to the 1.22 form besides the listen flag.
    const cert = selfSignedCertificate(tmp, ["arcade.example.com"]);
    const games = loadCatalogue(plan.sources.games).games;
    const siteFor = (version: string) => tunnelSite({ tls: "auto", acmeEmail: "you@example.com", gateway: {}, nginx: { certificate: cert.cert, certificateKey: cert.key, version } });
    const modern = renderGatewayNginx(planDeploymentOrThrow(games, siteFor("1.26.3")));
    const legacy = renderGatewayNginx(planDeploymentOrThrow(games, siteFor("1.22.1")));
    expect(modern).toContain("http2 on;");
    const withoutDirective = modern.replace(/\n\s*http2 on;/g, "");
    expect(withoutDirective).toBe(legacy.replaceAll(" ssl http2;", " ssl;"));
    const dir = writeNginx("prod-1.26", withoutDirective);
    expect(runToEnd(NGINX, ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")]).status).toBe(0);
  });
});
