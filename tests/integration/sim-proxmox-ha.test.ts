import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProxmoxSim, type ProxmoxSim } from "@/sim/proxmox";
import { createSimClient, type SimClient } from "@/sim/proxmox/sim-client";

const TOKEN = { id: "arcade@pve!portal", secret: "5f0c8a7e-3b1d-4c2a-9e6f-0a1b2c3d4e5f" };
const HA_DELAY_MS = 600;

let sim: ProxmoxSim;
let api: SimClient;

beforeAll(async () => {
  sim = await startProxmoxSim({
    nodes: [{ name: "pve1" }, { name: "pve2" }],
    containers: [{ vmid: 2300, node: "pve2", hostname: "ha-game", ha: {} }],
    tokens: [TOKEN],
    timing: { startMs: 100, stopMs: 30, guestShutdownMs: 100, authFailDelayMs: 0, resourcesRefreshMs: 0, haDelayMs: HA_DELAY_MS },
  });
  api = createSimClient({ url: sim.url, caPem: sim.caPem, token: TOKEN });
});
afterAll(async () => {
  await api.close();
  await sim.close();
});

type Current = { status: string; ha: { managed: number; state?: string } };
const current = async () => ((await api.get("/nodes/pve2/lxc/2300/status/current")).body as { data: Current }).data;
const hastate = async () => ((await api.get("/cluster/resources", { type: "vm" })).body as { data: Array<{ hastate?: string }> }).data[0]?.hastate;

async function until(check: () => Promise<boolean>, what: string): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 5_000) throw new Error(`${what} did not happen within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

describe("an HA-managed CT in sim/proxmox", () => {
  it("answers start with an hastart task that is over before the HA manager starts the CT with its own vzstart", async () => {
    expect(await current()).toMatchObject({ status: "stopped", ha: { managed: 1, state: "stopped" } });
    const upid = ((await api.post("/nodes/pve2/lxc/2300/status/start")).body as { data: string }).data;
    expect(upid).toMatch(/^UPID:pve2:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8}:hastart:2300:arcade@pve!portal:$/);
    const done = await api.waitForTask("pve2", upid);
    expect(done.exitstatus).toBe("OK");
    const log = (await api.get(`/nodes/pve2/tasks/${encodeURIComponent(upid)}/log`)).body as { data: Array<{ t: string }> };
    expect(log.data.map((l) => l.t)).toEqual(["Requesting HA start for CT 2300", "TASK OK"]);
    // The task said OK; the CT is still down until the CRM and LRM have had their rounds.
    expect((await current()).status).toBe("stopped");
    const waited = await until(async () => (await current()).status === "running", "the HA start");
    expect(waited).toBeGreaterThanOrEqual(HA_DELAY_MS / 2);
    expect(await current()).toMatchObject({ ha: { managed: 1, state: "started" } });
    expect(await hastate()).toBe("started");
    const tasks = (await api.get("/nodes/pve2/tasks", { vmid: "2300", typefilter: "vzstart" })).body as { data: Array<{ upid: string; user: string }> };
    expect(tasks.data[0]?.user).toBe("root@pam");
    const agentLog = (await api.get(`/nodes/pve2/tasks/${encodeURIComponent(tasks.data[0]!.upid)}/log`)).body as { data: Array<{ t: string }> };
    expect(agentLog.data[0]?.t).toBe("task started by HA resource agent");
  });

  it("answers shutdown with an hastop task, and the CT goes down only when the HA stack acts", async () => {
    const upid = ((await api.post("/nodes/pve2/lxc/2300/status/shutdown", { timeout: "30" })).body as { data: string }).data;
    expect(upid).toContain(":hastop:2300:");
    expect((await api.waitForTask("pve2", upid)).exitstatus).toBe("OK");
    expect((await current()).status).toBe("running");
    await until(async () => (await current()).status === "stopped", "the HA stop");
    expect(await current()).toMatchObject({ ha: { managed: 1, state: "stopped" } });
    expect(await hastate()).toBe("stopped");
  });

  it("still refuses a start of a running CT and a stop of a stopped one synchronously, as check_running comes first", async () => {
    const stop = await api.post("/nodes/pve2/lxc/2300/status/stop");
    expect([stop.status, stop.statusText]).toEqual([500, "CT 2300 not running"]);
  });
});
