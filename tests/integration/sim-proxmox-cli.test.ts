import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Agent, fetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimClient, type SimClient } from "@/sim/proxmox/sim-client";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const CLI = path.join(REPO, "sim/proxmox/cli.ts");
const TOKEN = { id: "arcade@pve!portal", secret: "5f0c8a7e-3b1d-4c2a-9e6f-0a1b2c3d4e5f" };
const run = promisify(execFile);

type Ready = { url: string; caFile: string; fingerprint: string; webUrls: Record<string, string> };

let dir: string;
let child: ChildProcess;
let ready: Ready;
let api: SimClient;
let exited: Promise<number | null>;

/** Runs the CLI with node + tsx directly: npm exec would not pass SIGTERM on to it. */
function cliArgs(...args: string[]): string[] {
  return ["--import", "tsx", CLI, ...args];
}

async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text) return text;
    if (Date.now() > deadline) throw new Error(`${file} did not appear within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sim-cli-"));
  await mkdir(path.join(dir, "site"));
  await writeFile(path.join(dir, "site", "index.html"), "<title>from the scenario folder</title>");
  const scenario = {
    nodes: [{ name: "pve1" }, { name: "pve2" }],
    containers: [
      { vmid: 2000, node: "pve1", hostname: "cartofia", web: { root: "site" } },
      { vmid: 2201, node: "pve2", hostname: "snake" },
    ],
    tokens: [TOKEN],
    timing: { startMs: 50, stopMs: 20, webDelayMs: 0, authFailDelayMs: 0, resourcesRefreshMs: 0 },
  };
  await writeFile(path.join(dir, "scenario.json"), JSON.stringify(scenario));
  const readyFile = path.join(dir, "ready.json");
  child = spawn(
    process.execPath,
    cliArgs("serve", "--scenario", path.join(dir, "scenario.json"), "--port", "0", "--ready-file", readyFile, "--write-ca", path.join(dir, "ca.pem")),
    { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] },
  );
  exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  ready = JSON.parse(await waitForFile(readyFile, 30_000)) as Ready;
  api = createSimClient({ url: ready.url, caPem: await readFile(ready.caFile, "utf8"), token: TOKEN });
});

afterAll(async () => {
  await api?.close();
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

describe("Proxmox sim CLI and control plane", () => {
  it("announces an HTTPS URL, the CA it wrote and the leaf fingerprint in the ready file", async () => {
    expect(ready.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.caFile).toBe(path.join(dir, "ca.pem"));
    expect(ready.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect((await api.get("/version")).status).toBe(200);
  });

  it("powers a CT from another process through the control endpoint, with --ca", async () => {
    await run(process.execPath, cliArgs("power", "2000", "running", "--url", ready.url, "--ca", ready.caFile), { cwd: REPO });
    const current = (await api.get("/nodes/pve1/lxc/2000/status/current")).body as { data: { status: string } };
    expect(current.data.status).toBe("running");
    const page = await fetch(ready.webUrls["2000"]!);
    expect(await page.text()).toContain("from the scenario folder");
  });

  it("injects a start failure from another process without --ca (loopback)", async () => {
    await run(process.execPath, cliArgs("fault", "startFails", "2201", "startup for container '2201' failed", "--url", ready.url), { cwd: REPO });
    const upid = ((await api.post("/nodes/pve2/lxc/2201/status/start")).body as { data: string }).data;
    expect((await api.waitForTask("pve2", upid)).exitstatus).toBe("startup for container '2201' failed");
  });

  it("reports an unknown fault as a failed command", async () => {
    await expect(run(process.execPath, cliArgs("fault", "meteor", "--url", ready.url), { cwd: REPO })).rejects.toMatchObject({ code: 1 });
  });

  it("takes the API down for a while through POST /__sim/faults and brings it back", async () => {
    const agent = new Agent({ connect: { ca: await readFile(ready.caFile, "utf8") } });
    const state = await fetch(`${ready.url}/__sim/state`, { dispatcher: agent });
    expect(((await state.json()) as { containers: unknown[] }).containers).toHaveLength(2);
    const down = await fetch(`${ready.url}/__sim/faults`, {
      method: "POST",
      dispatcher: agent,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fault: "apiDown", down: true, forMs: 600 }),
    });
    expect(down.status).toBe(200);
    await down.arrayBuffer();
    await agent.close();
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(api.get("/version")).rejects.toMatchObject({ cause: { code: "ECONNREFUSED" } });
    const downSince = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - downSince < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await api.get("/version").then((reply) => reply.status, () => 0);
    }
    expect(status).toBe(200);
  });

  it("closes cleanly on SIGTERM and removes its ready file", async () => {
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect(stat(path.join(dir, "ready.json"))).rejects.toMatchObject({ code: "ENOENT" });
    await expect(fetch(ready.webUrls["2000"]!)).rejects.toThrow();
  });
});
