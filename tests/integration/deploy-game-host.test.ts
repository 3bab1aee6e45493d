import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "@/lib/games";
import { planDeploymentOrThrow, type DeploymentPlan } from "@/deploy/lib/plan-deployment";
import { renderGameHostNginx, type GameHostRuntime } from "@/deploy/lib/render-game-host-nginx";
import { parseSiteSettings, readSiteSettingsOrThrow } from "@/deploy/lib/site-settings";
import { exampleNetwork, manifest, writeCatalogue } from "@/deploy/testing/fixtures";
import { findFreePort, NGINX, requireBinaryOrThrow, runToEnd, send, startServer, stopServer, type RunningServer } from "@/deploy/testing/loopback";

const tmp = mkdtempSync(path.join(tmpdir(), "arcade-game-host-"));
const build = path.join(tmp, "web");
const files = {
  "index.html": Buffer.from(
    '<script src="https://pygame-web.github.io/archives/0.9/pythons.js" type=module id=site data-python=python3.12 async defer>#<!--\nprint("pygbag")\n# --></script>\n<html><head><meta charset="UTF-8"></head><body><canvas id="canvas"></canvas></body></html>\n',
  ),
  "game.apk": randomBytes(300_000),
  "game.tar.gz": gzipSync(Buffer.from("assets/main.py\0import asyncio\n".repeat(20_000))),
  "favicon.png": Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(512)]),
};
let port = 0;
let nginx: RunningServer | undefined;

/** Every nginx process path inside the temp folder, so nothing touches /run or /var. */
function testPaths(name: string): GameHostRuntime {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, "temp"), { recursive: true });
  return {
    pidFile: path.join(dir, "nginx.pid"),
    errorLog: path.join(dir, "error.log"),
    accessLog: path.join(dir, "access.log"),
    tempDir: path.join(dir, "temp"),
  };
}

function checkConfig(name: string, content: string): { status: number | null; output: string } {
  const conf = path.join(tmp, name, "nginx.conf");
  writeFileSync(conf, content);
  return runToEnd(NGINX, ["-t", "-p", path.join(tmp, name), "-c", conf]);
}

function productionPlan(gamesDir: string, games = loadCatalogue(gamesDir).games): DeploymentPlan {
  return planDeploymentOrThrow(games, readSiteSettingsOrThrow("deploy/site.example.json"), gamesDir);
}

afterAll(async () => {
  await stopServer(nginx);
  rmSync(tmp, { recursive: true, force: true });
});

const get = (p: string, headers: Record<string, string> = {}, method = "GET") => send(port, "pyg.example.com", p, { headers, method });

describe("test prerequisites", () => {
  it("finds nginx installed (these tests never skip)", () => requireBinaryOrThrow(NGINX));
});

describe("a game CT's nginx serving a pygbag build", () => {
  beforeAll(async () => {
    requireBinaryOrThrow(NGINX);
    mkdirSync(build);
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(build, name), bytes);
    const { dir, games } = writeCatalogue([manifest("pyg", 2000, "http://10.22.0.20:80")], tmp);
    const site = parseSiteSettings(
      { portal: { hostname: "arcade.example.com", upstream: "http://10.22.0.21:3000" }, mode: "nginx", tls: "internal", gameHosts: { webRoots: { pyg: build } }, network: exampleNetwork },
      "test-site.json",
    );
    const plan = planDeploymentOrThrow(games, site, dir);
    port = await findFreePort();
    // `user root` only because the test files live in a 0700 temp dir that nginx workers (nobody) could not read.
    const runtime = { ...testPaths("live"), listen: { address: "127.0.0.1", port }, user: process.getuid?.() === 0 ? "root" : null };
    const conf = path.join(tmp, "live", "nginx.conf");
    writeFileSync(conf, renderGameHostNginx(plan.hosts[0]!, plan, runtime));
    nginx = await startServer(NGINX, ["-p", path.join(tmp, "live"), "-c", conf, "-g", "daemon off;"], port);
  });

  it.each(["game.apk", "game.tar.gz"] as const)("serves %s byte for byte as application/octet-stream, never compressed", async (name) => {
    const reply = await get(`/${name}`, { "accept-encoding": "gzip, br, zstd" });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("application/octet-stream");
    expect(reply.headers["content-encoding"]).toBeUndefined();
    expect(reply.headers["content-length"]).toBe(String(files[name].length));
    expect(reply.headers["cache-control"]).toBe("no-cache");
    expect(reply.body.equals(files[name])).toBe(true);
  });

  it("serves index.html as text/html that browsers revalidate on every visit", async () => {
    for (const p of ["/", "/index.html"]) {
      const reply = await get(p, { "accept-encoding": "gzip" });
      expect(reply.status).toBe(200);
      expect(reply.headers["content-type"]).toMatch(/^text\/html/);
      expect(reply.headers["cache-control"]).toBe("no-cache");
    }
    const plain = await get("/index.html");
    expect(plain.body.equals(files["index.html"])).toBe(true);
  });

  it("answers the readiness probe on /healthz with 204", async () => {
    const reply = await get("/healthz");
    expect(reply.status).toBe(204);
    expect(reply.body.length).toBe(0);
  });

  it("lets only the portal frame the game and sends no cross-origin isolation headers", async () => {
    for (const p of ["/", "/game.apk", "/favicon.png"]) {
      const reply = await get(p);
      expect(reply.headers["x-frame-options"]).toBeUndefined();
      expect(reply.headers["content-security-policy"]).toBe("frame-ancestors https://arcade.example.com");
      expect(reply.headers["cross-origin-opener-policy"]).toBeUndefined();
      expect(reply.headers["cross-origin-embedder-policy"]).toBeUndefined();
    }
  });

  it("answers HEAD for the archive with its length and no body, as the portal's probe expects", async () => {
    const reply = await get("/game.tar.gz", {}, "HEAD");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-length"]).toBe(String(files["game.tar.gz"].length));
    expect(reply.body.length).toBe(0);
  });

  it("serves the favicon as an image and a missing file as 404", async () => {
    expect((await get("/favicon.png")).headers["content-type"]).toBe("image/png");
    expect((await get("/nope.js")).status).toBe(404);
  });
});

describe("production game-host configs", () => {
  beforeAll(() => requireBinaryOrThrow(NGINX));

  it("pass nginx -t for the production catalogue with only the process paths moved", () => {
    const plan = productionPlan("games");
    expect(plan.hosts.length).toBeGreaterThan(0);
    for (const host of plan.hosts) {
      const result = checkConfig(`prod-${host.name}`, renderGameHostNginx(host, plan, testPaths(`prod-${host.name}`)));
      expect(result.output).toContain("test is successful");
      expect(result.status).toBe(0);
      expect(readFileSync(path.join(tmp, `prod-${host.name}`, "nginx.conf"), "utf8")).toContain("listen 80 default_server;");
    }
  });

  it("pass nginx -t when two games share one CT", () => {
    const { dir, games } = writeCatalogue([manifest("alpha", 2000, "http://10.22.0.20:80"), manifest("beta", 2000, "http://10.22.0.20:80")], tmp);
    const plan = productionPlan(dir, games);
    const result = checkConfig("shared", renderGameHostNginx(plan.hosts[0]!, plan, testPaths("shared")));
    expect(result.output).toContain("test is successful");
    expect(result.status).toBe(0);
  });
});
