import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProxmoxSim, type ProxmoxSim } from "@/sim/proxmox";
import { createSimClient, type SimClient } from "@/sim/proxmox/sim-client";
import { planDeploymentOrThrow } from "@/deploy/lib/plan-deployment";
import { renderGameHostNginx } from "@/deploy/lib/render-game-host-nginx";
import { readSiteSettingsOrThrow } from "@/deploy/lib/site-settings";
import { manifest, writeCatalogue } from "@/deploy/testing/fixtures";

const TOKEN = { id: "arcade@pve!portal", secret: "5f0c8a7e-3b1d-4c2a-9e6f-0a1b2c3d4e5f" };
const WEB_DELAY_MS = 250;

let sim: ProxmoxSim;
let api: SimClient;
let root: string;
let library: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sim-web-"));
  await mkdir(path.join(root, "assets"));
  await writeFile(path.join(root, "index.html"), "<!doctype html><title>Cartofia</title>");
  await writeFile(path.join(root, "assets", "app.js"), "console.log('hi')");
  await writeFile(path.join(root, "cartofia.apk"), Buffer.alloc(4096, 7));
  await writeFile(path.join(root, "cartofia.tar.gz"), Buffer.alloc(2048, 1));
  library = await mkdtemp(path.join(tmpdir(), "sim-web-lib-"));
  await mkdir(path.join(library, "assets"));
  await writeFile(path.join(library, "assets", "app.js"), "the library's copy");
  await writeFile(path.join(library, "assets", "shell.js"), "shared shell");
  sim = await startProxmoxSim({
    containers: [
      { vmid: 2000, node: "pve", hostname: "cartofia", web: { root } },
      { vmid: 2201, node: "pve", hostname: "snake", status: "running", web: {} },
      { vmid: 2202, node: "pve", hostname: "layers", status: "running", web: { root: [root, library] } },
    ],
    tokens: [TOKEN],
    timing: { startMs: 50, stopMs: 20, webDelayMs: WEB_DELAY_MS, authFailDelayMs: 0, resourcesRefreshMs: 0 },
  });
  api = createSimClient({ url: sim.url, caPem: sim.caPem, token: TOKEN });
});

afterAll(async () => {
  await api.close();
  await sim.close();
  await rm(root, { recursive: true, force: true });
  await rm(library, { recursive: true, force: true });
});

async function connectError(url: string, timeoutMs = 2000): Promise<string | undefined> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return undefined;
  } catch (error) {
    return ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name) as string;
  }
}

async function power(action: "start" | "stop"): Promise<void> {
  const upid = ((await api.post(`/nodes/pve/lxc/2000/status/${action}`)).body as { data: string }).data;
  expect((await api.waitForTask("pve", upid)).exitstatus).toBe("OK");
}

async function waitUntilServing(url: string): Promise<number> {
  const started = Date.now();
  while ((await connectError(url)) !== undefined) {
    if (Date.now() - started > 5000) throw new Error(`${url} never started serving`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

describe("Proxmox sim game web servers", () => {
  it("refuses connections while the CT is stopped", async () => {
    expect(await connectError(sim.webUrl(2000))).toBe("ECONNREFUSED");
  });

  it("listens only some time after the start task is OK, then serves the root folder", async () => {
    await power("start");
    expect(await connectError(sim.webUrl(2000))).toBe("ECONNREFUSED");
    await waitUntilServing(sim.webUrl(2000));

    const index = await fetch(sim.webUrl(2000), { headers: { "accept-encoding": "gzip, br" } });
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(index.headers.get("cache-control")).toBe("no-cache");
    expect(await index.text()).toContain("<title>Cartofia</title>");

    const js = await fetch(new URL("assets/app.js", sim.webUrl(2000)));
    expect(js.headers.get("content-type")).toMatch(/^text\/javascript/);
    await js.arrayBuffer();
  });

  it("serves pygbag archives untouched as application/octet-stream, and answers HEAD", async () => {
    for (const name of ["cartofia.apk", "cartofia.tar.gz"]) {
      const head = await fetch(new URL(name, sim.webUrl(2000)), { method: "HEAD", headers: { "accept-encoding": "gzip" } });
      expect(head.status).toBe(200);
      expect(head.headers.get("content-type")).toBe("application/octet-stream");
      expect(head.headers.get("content-encoding")).toBeNull();
      expect(Number(head.headers.get("content-length"))).toBeGreaterThan(0);
    }
    const apk = await fetch(new URL("cartofia.apk", sim.webUrl(2000)));
    expect((await apk.arrayBuffer()).byteLength).toBe(4096);
    expect((await fetch(new URL("missing.png", sim.webUrl(2000)))).status).toBe(404);
  });

  it("closes the port when the CT stops and reopens the same URL at the next start", async () => {
    const url = sim.webUrl(2000);
    await power("stop");
    expect(await connectError(url)).toBe("ECONNREFUSED");
    await power("start");
    expect(sim.webUrl(2000)).toBe(url);
    expect(await waitUntilServing(url)).toBeGreaterThan(WEB_DELAY_MS / 2);
  });

  it("answers 503, hangs or refuses on command, and recovers", async () => {
    const url = sim.webUrl(2000);
    await waitUntilServing(url);
    sim.faults.web(2000, "error");
    expect((await fetch(url)).status).toBe(503);
    sim.faults.web(2000, "hang");
    expect(await connectError(url, 300)).toBe("TimeoutError");
    sim.faults.web(2000, "refuse");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await connectError(url)).toBe("ECONNREFUSED");
    sim.faults.web(2000, "ok");
    await waitUntilServing(url);
    expect((await fetch(url)).status).toBe(200);
  });

  it("serves a placeholder naming the CT when no root folder is given", async () => {
    const page = await fetch(sim.webUrl(2201));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("CT 2201");
  });

  it("serves layered roots in order: the game's own files first, then a shared library", async () => {
    await waitUntilServing(sim.webUrl(2202));
    expect(await (await fetch(`${sim.webUrl(2202)}assets/app.js`)).text()).toBe("console.log('hi')");
    expect(await (await fetch(`${sim.webUrl(2202)}assets/shell.js`)).text()).toBe("shared shell");
    expect((await fetch(`${sim.webUrl(2202)}assets/missing.js`)).status).toBe(404);
  });

  it("lets only the portal frame a game, with the very headers the generated game-host nginx sends", async () => {
    const { dir, games } = writeCatalogue([manifest("snake", 2201, "http://10.22.0.31/")]);
    try {
      const plan = planDeploymentOrThrow(games, readSiteSettingsOrThrow("deploy/site.example.json"), dir);
      const nginx = renderGameHostNginx(plan.hosts[0]!, plan);
      const added = (name: string) => new RegExp(`add_header ${name} "?([^";]+)"? always;`).exec(nginx)?.[1];
      const framed = await startProxmoxSim({ containers: [{ vmid: 2201, node: "pve", status: "running", web: { root } }], tokens: [], portalOrigin: plan.site.portal.origin, timing: { webDelayMs: 0 } });
      try {
        for (const file of ["", "cartofia.apk", "missing.html"]) {
          const response = await fetch(`${framed.webUrl(2201)}${file}`);
          expect(response.headers.get("content-security-policy")).toBe(added("Content-Security-Policy"));
          expect(response.headers.get("content-security-policy")).toBe(`frame-ancestors ${plan.site.portal.origin}`);
          expect(response.headers.get("x-content-type-options")).toBe(added("X-Content-Type-Options"));
          expect(response.headers.get("x-frame-options")).toBeNull();
        }
        expect((await fetch(`${framed.webUrl(2201)}healthz`)).status).toBe(204);
      } finally {
        await framed.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
