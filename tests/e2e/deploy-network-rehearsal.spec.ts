import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./support/test";
import { planDeploymentOrThrow, type DeploymentPlan } from "../../deploy/lib/plan-deployment";
import { renderCaddyfile } from "../../deploy/lib/render-caddyfile";
import { renderDeployment } from "../../deploy/lib/render-deployment";
import { renderGameHostNginx } from "../../deploy/lib/render-game-host-nginx";
import { renderGatewayNginx } from "../../deploy/lib/render-gateway-nginx";
import { INTERNET_PROBE } from "../../deploy/lib/render-isolation-probes";
import { parseSiteSettings } from "../../deploy/lib/site-settings";
import { manifest, writeCatalogue } from "../../deploy/testing/fixtures";
import { CADDY, installedNginxVersion, NGINX, nginxMainConf } from "../../deploy/testing/loopback";
import { createRehearsal, inNamespace, type Rehearsal, tryInNamespace } from "../../deploy/testing/netns";
import { nftRulesetFor } from "../../deploy/testing/nft-from-pve";
import { parsePveFirewall } from "../../deploy/testing/pve-firewall";
import { selfSignedCertificate } from "../../deploy/testing/self-signed";
import { startUnitSandboxed, type SandboxedUnit } from "../../deploy/testing/unit-sandbox";
import { stackEnv } from "./support/stack-client";

// The network design rehearsed with the generated files: network namespaces for the LAN client, the bot (CT1000),
// the gateway (CT1010), the portal (CT2100) and a game host (CT2000), veths on Linux bridges vmbr0 and vmbr2 in a
// "node" namespace. The node routes between its bridges (as with "gameUpdates": true), so only the generated
// firewall keeps the LAN and the game host apart: the first test proves the paths exist without it. Each CT's
// generated /etc/pve/firewall/<vmid>.fw is parsed and loaded into its namespace as nftables rules. Nothing here is
// connected to the machine's own network.

const LAN = { node: "192.168.77.2", client: "192.168.77.50", bot: "192.168.77.20", gateway: "192.168.77.10", portal: "192.168.77.21" };
const nics: Record<number, Record<string, string>> = { 1000: { net0: "eth0" }, 1010: { net0: "eth0", net1: "eth1" }, 2000: { net0: "eth0" }, 2100: { net0: "eth0", net1: "eth1" } };
const repoRoot = path.resolve(".");

let r: Rehearsal | undefined;
let tmp = "";
let plan: DeploymentPlan;
let files: Map<string, string>;
let portal: SandboxedUnit | undefined;
const servers: ChildProcess[] = [];

function serve(ns: string, command: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn("ip", ["netns", "exec", ns, ...command], { env, stdio: ["ignore", "pipe", "pipe"] });
  servers.push(child);
  return child;
}

/** One request from inside a namespace with curl: status, body and seconds taken (status 0: no connection). */
function curl(role: string | number, url: string, extra: string[] = [], maxSeconds = 4): { status: number; body: string; seconds: number } {
  const { output } = tryInNamespace(r!.ns(role), ["curl", "-sk", "--max-time", String(maxSeconds), "-o", "-", "-w", "\n%{http_code} %{time_total}", ...extra, url]);
  const lines = output.trimEnd().split("\n");
  const [code = "0", seconds = "0"] = (lines.pop() ?? "").split(" ");
  return { status: Number(code), body: lines.join("\n"), seconds: Number(seconds) };
}

const viaGateway = (hostname: string) => ["--resolve", `${hostname}:443:${LAN.gateway}`, "--resolve", `${hostname}:80:${LAN.gateway}`];

async function until<T>(what: string, probe: () => T, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = probe();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = probe();
  }
  return last;
}

function loadFirewall(vmid: number): void {
  const ruleset = nftRulesetFor(parsePveFirewall(files.get(`proxmox/firewall/${vmid}.fw`)!), nics[vmid]!);
  inNamespace(r!.ns(vmid), ["nft", "-f", "-"], `flush ruleset\n${ruleset}`);
}

function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  return exited;
}

test.describe.configure({ mode: "serial" });
test.describe("network rehearsal: LAN, gateway, portal and game host in namespaces", () => {
  test.setTimeout(90_000);

  test.beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), "arcade-rehearsal-"));
    r = createRehearsal();
    const node = r.ns("node");
    inNamespace(node, ["ip", "addr", "add", `${LAN.node}/24`, "dev", "vmbr0"]);
    inNamespace(node, ["ip", "addr", "add", "10.22.0.1/24", "dev", "vmbr2"]);
    inNamespace(node, ["sysctl", "-qw", "net.ipv4.ip_forward=1"]);
    r.attach("lan", "vmbr0", "eth0", `${LAN.client}/24`);
    r.attach(1000, "vmbr0", "eth0", `${LAN.bot}/24`);
    r.attach(1010, "vmbr0", "eth0", `${LAN.gateway}/24`);
    r.attach(1010, "vmbr2", "eth1", "10.22.0.10/24");
    r.attach(2100, "vmbr0", "eth0", `${LAN.portal}/24`);
    r.attach(2100, "vmbr2", "eth1", "10.22.0.21/24");
    r.attach(2000, "vmbr2", "eth0", "10.22.0.20/24");
    for (const role of ["lan", 1000, 1010, 2100]) r.route(role, LAN.node);
    r.route(2000, "10.22.0.1");

    const cert = selfSignedCertificate(tmp, ["arcade.example.com", "cartofia.example.com"]);
    const catalogue = writeCatalogue([{ ...manifest("cartofia", 2000, "http://10.22.0.20:80"), probeUrl: "http://10.22.0.20/index.html" }], tmp);
    const site = parseSiteSettings(
      {
        portal: { hostname: "arcade.example.com", upstream: "http://10.22.0.21:3000" },
        mode: "caddy",
        tls: "internal",
        gateway: { staticDir: path.join(tmp, "gateway") },
        gameHosts: { webRoots: { cartofia: path.join(repoRoot, "games-demo/snake/web") } },
        nginx: { version: installedNginxVersion(), certificate: cert.cert, certificateKey: cert.key },
        network: { proxmox: [LAN.node], dns: [LAN.node], portal: { lan: LAN.portal }, bot: { lan: LAN.bot } },
      },
      "rehearsal-site.json",
    );
    plan = planDeploymentOrThrow(catalogue.games, site, catalogue.dir);
    files = new Map(renderDeployment(plan).map((f) => [f.path, f.content]));
    mkdirSync(path.join(tmp, "gateway"));
    writeFileSync(path.join(tmp, "gateway/starting.html"), files.get("gateway/starting.html")!);

    // The game host: its generated nginx.conf on port 80, process files in the temp folder.
    const game = path.join(tmp, "game");
    mkdirSync(path.join(game, "temp"), { recursive: true });
    const gameConf = renderGameHostNginx(plan.hosts[0]!, plan, {
      user: "root",
      pidFile: `${game}/nginx.pid`,
      errorLog: `${game}/error.log`,
      accessLog: `${game}/access.log`,
      tempDir: `${game}/temp`,
    });
    writeFileSync(path.join(game, "nginx.conf"), gameConf);
    serve(r.ns(2000), [NGINX, "-p", game, "-c", path.join(game, "nginx.conf"), "-g", "daemon off;"]);
    // Stand-ins that listen where the probes knock: pveproxy on the node, a file share on the LAN client.
    const listener = (host: string, port: number) => ["node", "-e", `require("http").createServer((q,s)=>s.end("ok")).listen(${port},"${host}")`];
    serve(node, listener(LAN.node, 8006));
    serve(r.ns("lan"), listener(LAN.client, 8080));

    // The portal exactly as its unit runs it, inside CT2100's namespace, on its production port.
    const environmentFile = { ...stackEnv().portalEnv, PORT: "3000", AUTH_URL: "https://arcade.example.com", ARCADE_DB: path.join(tmp, "portal.db") };
    portal = startUnitSandboxed(path.join(repoRoot, "deploy/systemd/cartofia-portal.service"), environmentFile, repoRoot, ["ip", "netns", "exec", r.ns(2100)]);
    await until("the portal's health in CT2100", () => curl(2100, "http://127.0.0.1:3000/api/health").status, (s) => s === 200, 60_000);
    await until("the game host's nginx", () => curl(2000, "http://127.0.0.1/healthz").status, (s) => s === 204);
  });

  test.afterAll(async () => {
    await portal?.stop();
    await Promise.all(servers.map(stopServer));
    r?.cleanup();
    rmSync(tmp, { recursive: true, force: true });
  });

  test("without the generated firewall the node's routing would join the LAN and the game host", () => {
    expect(curl("lan", "http://10.22.0.20/index.html").status).toBe(200);
    expect(curl(2000, `http://${LAN.client}:8080/`).status).toBe(200);
    for (const vmid of [1000, 1010, 2000, 2100]) loadFirewall(vmid);
  });

  test("with it, the LAN cannot reach the game host directly and the game host cannot reach the LAN", () => {
    // Dropped, not refused: nothing answers within the 2 s each try gets.
    expect(curl("lan", "http://10.22.0.20/index.html", [], 2).status).toBe(0);
    expect(curl("lan", `http://${LAN.portal}:3000/api/health`, [], 2).status).toBe(0);
    expect(curl(2000, `http://${LAN.client}:8080/`, [], 2).status).toBe(0);
    expect(curl(2000, `http://${LAN.node}:8006/`, [], 2).status).toBe(0);
    expect(curl(2000, "http://10.22.0.21:3000/api/health", [], 2).status).toBe(0);
  });

  for (const mode of ["caddy", "nginx"] as const) {
    test(`${mode}: a LAN client reaches the portal and the game through the gateway; a stopped game shows the starting page within a second`, async () => {
      const gw = path.join(tmp, `gw-${mode}`);
      mkdirSync(path.join(gw, "temp"), { recursive: true });
      let server: ChildProcess;
      if (mode === "caddy") {
        writeFileSync(path.join(gw, "Caddyfile"), renderCaddyfile(plan, { admin: "off", skipInstallTrust: true }));
        const env = { ...process.env, HOME: gw, XDG_DATA_HOME: path.join(gw, "data"), XDG_CONFIG_HOME: path.join(gw, "config") };
        server = serve(r!.ns(1010), [CADDY, "run", "--config", path.join(gw, "Caddyfile"), "--adapter", "caddyfile"], env);
      } else {
        writeFileSync(path.join(gw, "arcade.conf"), renderGatewayNginx(plan));
        writeFileSync(path.join(gw, "nginx.conf"), nginxMainConf(gw, path.join(gw, "arcade.conf")));
        server = serve(r!.ns(1010), [NGINX, "-p", gw, "-c", path.join(gw, "nginx.conf"), "-g", "daemon off;"]);
      }
      try {
        const health = await until("the portal through the gateway", () => curl("lan", "https://arcade.example.com/api/health", viaGateway("arcade.example.com")), (c) => c.status === 200);
        expect(JSON.parse(health.body)).toMatchObject({ ok: true });
        // Pages stay at the public name the gateway forwards; asked at its own address, the portal sends the browser
        // there before a sign-in could start on a host whose cookies Discord's return never sees.
        expect(curl("lan", "https://arcade.example.com/signin", viaGateway("arcade.example.com")).status).toBe(200);
        const direct = curl(2100, "http://127.0.0.1:3000/play/snake", ["-D", "-"]);
        expect(direct.status).toBe(307);
        expect(direct.body).toMatch(/^location: https:\/\/arcade\.example\.com\/play\/snake\r?$/im);
        const game = curl("lan", "https://cartofia.example.com/", viaGateway("cartofia.example.com"));
        expect(game.status).toBe(200);
        expect(game.body).toBe(readFileSync(path.join(repoRoot, "games-demo/snake/web/index.html"), "utf8"));

        // The game CT stops: its address is gone from vmbr2, so connects are never answered, only time out.
        inNamespace(r!.ns(2000), ["ip", "link", "set", "eth0", "down"]);
        const starting = curl("lan", "https://cartofia.example.com/", viaGateway("cartofia.example.com"));
        expect([502, 503]).toContain(starting.status);
        expect(starting.body).toContain("The game is starting");
        expect(starting.seconds).toBeLessThan(1);

        // It boots again: the next reload of the starting page gets the game.
        inNamespace(r!.ns(2000), ["ip", "link", "set", "eth0", "up"]);
        inNamespace(r!.ns(2000), ["ip", "route", "replace", "default", "via", "10.22.0.1"]);
        await until("the game after boot", () => curl("lan", "https://cartofia.example.com/", viaGateway("cartofia.example.com")).status, (s) => s === 200, 10_000);
      } finally {
        await stopServer(server);
      }
    });
  }

  test("check-isolation.sh agrees with the design on every probe, and notices a CT without its firewall", () => {
    const bin = path.join(tmp, "bin");
    mkdirSync(bin, { recursive: true });
    // A stand-in for Proxmox's pct: `pct status VMID` and `pct exec VMID -- cmd` in that CT's namespace.
    writeFileSync(
      path.join(bin, "pct"),
      `#!/usr/bin/env bash
set -euo pipefail
ns="${r!.ns("")}$2"
case "$1" in
  status) if ip netns list | awk '{print $1}' | grep -qx "$ns"; then echo "status: running"; else echo "status: stopped"; fi ;;
  exec) shift 3; exec ip netns exec "$ns" "$@" ;;
  *) echo "stand-in pct: $1 is not supported" >&2; exit 2 ;;
esac
`,
    );
    chmodSync(path.join(bin, "pct"), 0o755);
    // Everything but the internet probe, which has nowhere to go from here.
    const probes = path.join(tmp, "isolation-probes.tsv");
    writeFileSync(probes, files.get("proxmox/isolation-probes.tsv")!.split("\n").filter((line) => !line.includes(`\t${INTERNET_PROBE}\t`)).join("\n"));
    const run = () =>
      spawnSync("bash", [path.join(repoRoot, "deploy/proxmox/check-isolation.sh"), probes], {
        encoding: "utf8",
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, PROBE_TIMEOUT: "1" },
      });

    const good = run();
    expect(good.stdout).toContain("Every probe agrees with the design.");
    expect(good.stdout).not.toContain("FAIL");
    expect(good.stdout).toMatch(/CT1010\s+CT2000\s+10\.22\.0\.20:80\s+open\s+open\s+ok/);
    expect(good.stdout).toMatch(/CT1000\s+CT2000\s+10\.22\.0\.20:80\s+closed\s+closed\s+ok/);
    expect(good.status).toBe(0);

    inNamespace(r!.ns(2000), ["nft", "flush", "ruleset"]);
    try {
      const bad = run();
      expect(bad.stdout).toMatch(/CT2000\s+-\s+192\.168\.77\.2:8006\s+closed\s+open\s+FAIL\s+game CT2000 -> Proxmox API/);
      expect(bad.status).toBe(1);
    } finally {
      loadFirewall(2000);
    }
  });
});
