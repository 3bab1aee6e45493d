import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProxmoxSim, type ProxmoxSim } from "@/sim/proxmox";
import { createSimClient, type SimClient } from "@/sim/proxmox/sim-client";

const TOKEN = { id: "arcade@pve!portal", secret: "5f0c8a7e-3b1d-4c2a-9e6f-0a1b2c3d4e5f" };
const ONE_GAME = { id: "games@pve!snake", secret: "0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70" };

type Guest = { id: string; vmid: number; node: string; status: string; uptime?: number; name?: string };

let sim: ProxmoxSim;
let api: SimClient;
let restricted: SimClient;

beforeAll(async () => {
  sim = await startProxmoxSim({
    nodes: [{ name: "pve1" }, { name: "pve2" }],
    containers: [
      { vmid: 2000, node: "pve1", hostname: "cartofia" },
      { vmid: 2201, node: "pve2", hostname: "snake" },
      { vmid: 2202, node: "pve2", hostname: "tetris", status: "running" },
    ],
    tokens: [TOKEN, { ...ONE_GAME, acl: [{ path: "/vms/2201", privs: ["VM.Audit", "VM.PowerMgmt"] }] }],
    timing: { startMs: 50, stopMs: 20, webDelayMs: 0, authFailDelayMs: 0, resourcesRefreshMs: 0 },
  });
  api = createSimClient({ url: sim.url, caPem: sim.caPem, token: TOKEN });
  restricted = createSimClient({ url: sim.url, caPem: sim.caPem, token: ONE_GAME });
});

afterAll(async () => {
  await Promise.all([api.close(), restricted.close()]);
  await sim.close();
});

async function guests(client: SimClient = api): Promise<Guest[]> {
  return ((await client.get("/cluster/resources", { type: "vm" })).body as { data: Guest[] }).data;
}

describe("Proxmox sim cluster view", () => {
  it("lists guests of every node in /cluster/resources with their node", async () => {
    const list = await guests();
    expect(list.map((g) => [g.id, g.node])).toEqual([
      ["lxc/2000", "pve1"],
      ["lxc/2201", "pve2"],
      ["lxc/2202", "pve2"],
    ]);
    expect(list[2]).toMatchObject({ vmid: 2202, status: "running", name: "tetris", type: "lxc", template: 0 });
    expect(list[2]).not.toHaveProperty("hastate");
  });

  it("filters resources and the /lxc list by VM.Audit", async () => {
    expect((await guests(restricted)).map((g) => g.vmid)).toEqual([2201]);
    const lxc = (await restricted.get("/nodes/pve2/lxc")).body as { data: Array<{ vmid: number }> };
    expect(lxc.data.map((ct) => ct.vmid)).toEqual([2201]);
  });

  it("starts a CT on the second node with a task that lives on that node", async () => {
    const upid = ((await restricted.post("/nodes/pve2/lxc/2201/status/start")).body as { data: string }).data;
    expect(upid.startsWith("UPID:pve2:")).toBe(true);
    expect((await restricted.waitForTask("pve2", upid)).exitstatus).toBe("OK");
    const wrongNode = await restricted.get(`/nodes/pve1/tasks/${encodeURIComponent(upid)}/status`);
    expect((wrongNode.body as { errors: unknown }).errors).toEqual({ upid: "no such task" });
    const onPve1 = await api.get("/nodes/pve1/lxc/2201/status/current");
    expect(onPve1.statusText).toBe("Configuration file 'nodes/pve1/lxc/2201.conf' does not exist");
  });

  it("hides other tokens' tasks from a token without Sys.Audit", async () => {
    const upid = ((await api.post("/nodes/pve2/lxc/2202/status/stop")).body as { data: string }).data;
    await api.waitForTask("pve2", upid);
    const denied = await restricted.get(`/nodes/pve2/tasks/${encodeURIComponent(upid)}/status`);
    expect(denied.status).toBe(403);
    expect(denied.statusText).toBe("Permission check failed (/nodes/pve2, Sys.Audit)");
    const list = (await restricted.get("/nodes/pve2/tasks")).body as { data: Array<{ user: string; tokenid?: string }> };
    expect(list.data.every((t) => t.user === "games@pve" && t.tokenid === "snake")).toBe(true);
  });

  it("answers 595 with an empty body for an offline node and shows its guests as unknown", async () => {
    sim.faults.nodeOffline("pve2", true);
    try {
      const proxied = await api.get("/nodes/pve2/lxc/2202/status/current");
      expect(proxied.status).toBe(595);
      expect(proxied.text).toBe("");
      const list = await guests();
      expect(list.find((g) => g.vmid === 2202)).toEqual({ id: "lxc/2202", type: "lxc", vmid: 2202, node: "pve2", status: "unknown" });
      expect(list.find((g) => g.vmid === 2000)?.status).toBe("stopped");
      const nodes = (await api.get("/nodes")).body as { data: Array<{ node: string; status: string }> };
      expect(nodes.data.map((n) => [n.node, n.status])).toEqual([
        ["pve1", "online"],
        ["pve2", "offline"],
      ]);
      // rrddata is answered by the contacted node, not proxied.
      expect((await api.get("/nodes/pve2/lxc/2202/rrddata", { timeframe: "hour" })).status).toBe(200);
    } finally {
      sim.faults.nodeOffline("pve2", false);
    }
    expect((await api.get("/nodes/pve2/lxc/2202/status/current")).status).toBe(200);
  });

  it("answers 500 hostname lookup for a node that does not exist", async () => {
    const reply = await api.get("/nodes/nowhere/lxc");
    expect(reply.status).toBe(500);
    expect(reply.statusText).toMatch(/^hostname lookup 'nowhere' failed/);
  });

  it("lags /cluster/resources behind status/current until the next pvestatd tick", async () => {
    sim.setTiming({ resourcesRefreshMs: 800 });
    const tickPlanned = Date.now();
    try {
      const upid = ((await api.post("/nodes/pve1/lxc/2000/status/start")).body as { data: string }).data;
      await api.waitForTask("pve1", upid);
      const live = ((await api.get("/nodes/pve1/lxc/2000/status/current")).body as { data: { status: string } }).data.status;
      expect(live).toBe("running");
      expect((await guests()).find((g) => g.vmid === 2000)?.status).toBe("stopped");
      while ((await guests()).find((g) => g.vmid === 2000)?.status !== "running") {
        expect(Date.now() - tickPlanned).toBeLessThan(3000);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(Date.now() - tickPlanned).toBeGreaterThanOrEqual(780);
    } finally {
      sim.setTiming({ resourcesRefreshMs: 0 });
    }
  });

  it("moves a CT to another node on migrate, which /cluster/resources shows at once", async () => {
    sim.migrate(2000, "pve2");
    expect((await guests()).find((g) => g.vmid === 2000)?.node).toBe("pve2");
    expect((await api.get("/nodes/pve2/lxc/2000/status/current")).status).toBe(200);
    expect((await api.get("/nodes/pve1/lxc/2000/status/current")).status).toBe(500);
  });
});
