import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProxmoxSim, type ProxmoxSim } from "@/sim/proxmox";
import { createSimClient, type SimClient } from "@/sim/proxmox/sim-client";

const TOKEN = { id: "arcade@pve!portal", secret: "5f0c8a7e-3b1d-4c2a-9e6f-0a1b2c3d4e5f" };
const UPID = /^UPID:([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-F]{8}):([0-9A-F]{8,9}):([0-9A-F]{8}):([^:\s/]+):([^:\s/]*):([^:\s/]+):$/;

let sim: ProxmoxSim;
let api: SimClient;

beforeAll(async () => {
  sim = await startProxmoxSim({
    containers: [
      { vmid: 2000, node: "pve", hostname: "cartofia" },
      { vmid: 2001, node: "pve", status: "running" },
      { vmid: 2002, node: "pve", status: "running" },
      { vmid: 2003, node: "pve" },
      { vmid: 2004, node: "pve" },
      { vmid: 2005, node: "pve", status: "running" },
      { vmid: 2006, node: "pve", status: "running" },
      { vmid: 2007, node: "pve" },
    ],
    tokens: [TOKEN],
    timing: { startMs: 150, stopMs: 30, guestShutdownMs: 150, webDelayMs: 0, authFailDelayMs: 0, resourcesRefreshMs: 0 },
  });
  api = createSimClient({ url: sim.url, caPem: sim.caPem, token: TOKEN });
});

afterAll(async () => {
  await api.close();
  await sim.close();
});

async function postUpid(path: string, form?: Record<string, string>): Promise<string> {
  const reply = await api.post(path, form);
  expect(reply.status).toBe(200);
  return (reply.body as { data: string }).data;
}

async function statusOf(vmid: number): Promise<string> {
  return ((await api.get(`/nodes/pve/lxc/${vmid}/status/current`)).body as { data: { status: string } }).data.status;
}

describe("Proxmox sim power tasks", () => {
  it("starts a CT through a vzstart task owned by the token, running first and then OK", async () => {
    // A boot long enough that a busy machine cannot finish it before the first look at the task.
    sim.setTiming({ startMs: 1_500 });
    const upid = await postUpid("/nodes/pve/lxc/2000/status/start");
    const m = UPID.exec(upid);
    expect(m?.[1]).toBe("pve");
    expect(m?.[6]).toBe("vzstart");
    expect(m?.[7]).toBe("2000");
    expect(m?.[8]).toBe("arcade@pve!portal");

    const first = (await api.get(`/nodes/pve/tasks/${encodeURIComponent(upid)}/status`)).body as { data: Record<string, unknown> };
    expect(first.data).toMatchObject({ status: "running", user: "arcade@pve", tokenid: "portal", type: "vzstart", id: "2000", node: "pve" });
    expect(first.data).not.toHaveProperty("exitstatus");
    expect(await statusOf(2000)).toBe("stopped");

    const done = await api.waitForTask("pve", upid);
    sim.setTiming({ startMs: 150 });
    expect(done.exitstatus).toBe("OK");
    expect(typeof done.pid).toBe("number");
    expect(await statusOf(2000)).toBe("running");

    const log = (await api.get(`/nodes/pve/tasks/${encodeURIComponent(upid)}/log`)).body as { data: Array<{ n: number; t: string }>; total: number };
    expect(log.data.at(-1)).toEqual({ n: log.total, t: "TASK OK" });
  });

  it("refuses to start a running CT with a synchronous 500", async () => {
    const reply = await api.post("/nodes/pve/lxc/2001/status/start");
    expect(reply.status).toBe(500);
    expect(reply.statusText).toBe("CT 2001 already running");
  });

  it("accepts JSON bodies with real booleans", async () => {
    const reply = await api.request("POST", "/nodes/pve/lxc/2002/status/shutdown", { json: { timeout: 5, forceStop: true } });
    expect(reply.status).toBe(200);
    expect((await api.waitForTask("pve", (reply.body as { data: string }).data)).exitstatus).toBe("OK");
    expect(await statusOf(2002)).toBe("stopped");
  });

  it("answers 500 for stop and reboot of a stopped CT, with the reference's wording", async () => {
    const stop = await api.post("/nodes/pve/lxc/2003/status/stop");
    expect(stop.statusText).toBe("CT 2003 not running");
    const reboot = await api.post("/nodes/pve/lxc/2003/status/reboot");
    expect(reboot.status).toBe(500);
    expect(reboot.statusText).toBe("VM 2003 not running");
  });

  it("fails the task of a locked CT with 'CT is locked (backup)'", async () => {
    sim.faults.lock(2003, "backup");
    const upid = await postUpid("/nodes/pve/lxc/2003/status/start");
    const done = await api.waitForTask("pve", upid);
    sim.faults.lock(2003, null);
    expect(done.exitstatus).toBe("CT is locked (backup)");
    expect(await statusOf(2003)).toBe("stopped");
  });

  it("fails start tasks with the injected message and lxc's lines in the log", async () => {
    sim.faults.startFails(2004, "startup for container '2004' failed");
    const upid = await postUpid("/nodes/pve/lxc/2004/status/start");
    const done = await api.waitForTask("pve", upid);
    sim.faults.startFails(2004, null);
    expect(done.exitstatus).toBe("startup for container '2004' failed");
    const log = (await api.get(`/nodes/pve/tasks/${encodeURIComponent(upid)}/log`)).body as { data: Array<{ t: string }> };
    expect(log.data.at(-1)?.t).toBe("TASK ERROR: startup for container '2004' failed");
    expect(log.data.length).toBeGreaterThan(1);
  });

  it("gives up a shutdown the guest cannot finish within timeout, unless forceStop", async () => {
    sim.setTiming({ guestShutdownMs: 5_000 });
    const polite = await postUpid("/nodes/pve/lxc/2005/status/shutdown", { timeout: "1" });
    const politeDone = await api.waitForTask("pve", polite);
    expect(politeDone.exitstatus).toBe("container did not stop");
    expect(await statusOf(2005)).toBe("running");

    const forced = await postUpid("/nodes/pve/lxc/2005/status/shutdown", { timeout: "1", forceStop: "1" });
    const forcedDone = await api.waitForTask("pve", forced);
    sim.setTiming({ guestShutdownMs: 150 });
    expect(forcedDone.exitstatus).toBe("OK");
    expect(await statusOf(2005)).toBe("stopped");
  });

  it("starts a CT named on the wrong node with a UPID whose task fails on the missing config", async () => {
    const upid = await postUpid("/nodes/pve/lxc/7777/status/start");
    const done = await api.waitForTask("pve", upid);
    expect(done.exitstatus).toBe("Configuration file 'nodes/pve/lxc/7777.conf' does not exist");
  });

  it("reports 'no such task' for a task asked on another node and rejects garbage UPIDs", async () => {
    const garbage = await api.get("/nodes/pve/tasks/not-a-upid/status");
    expect(garbage.status).toBe(400);
    expect((garbage.body as { errors: unknown }).errors).toEqual({ upid: "unable to parse worker upid" });
    const foreign = await api.get(`/nodes/pve/tasks/${encodeURIComponent("UPID:other:00001234:00005678:6000AAAA:vzstart:2000:root@pam:")}/status`);
    expect((foreign.body as { errors: unknown }).errors).toEqual({ upid: "no such task" });
  });

  it("records changes made outside the arcade as finished root@pam tasks in the task list", async () => {
    sim.power(2003, "running");
    expect(await statusOf(2003)).toBe("running");
    const list = (await api.get("/nodes/pve/tasks", { vmid: "2003", typefilter: "vzstart" })).body as { data: Array<Record<string, unknown>> };
    expect(list.data[0]).toMatchObject({ user: "root@pam", status: "OK", type: "vzstart", id: "2003" });
  });

  it("reboots a running CT as one vzreboot task that ends with the CT freshly up", async () => {
    const before = ((await api.get("/nodes/pve/lxc/2006/status/current")).body as { data: { uptime: number } }).data.uptime;
    const upid = await postUpid("/nodes/pve/lxc/2006/status/reboot", { timeout: "10" });
    expect(upid).toContain(":vzreboot:2006:");
    expect((await api.waitForTask("pve", upid)).exitstatus).toBe("OK");
    const after = ((await api.get("/nodes/pve/lxc/2006/status/current")).body as { data: { status: string; uptime: number } }).data;
    expect(after.status).toBe("running");
    expect(after.uptime).toBeLessThan(before);
  });

  it("queues a second start behind the first one and fails it as already running", async () => {
    const [first, second] = await Promise.all([postUpid("/nodes/pve/lxc/2007/status/start"), postUpid("/nodes/pve/lxc/2007/status/start")]);
    expect(first).not.toBe(second);
    expect((await api.waitForTask("pve", first)).exitstatus).toBe("OK");
    expect((await api.waitForTask("pve", second)).exitstatus).toBe("CT 2007 already running");
  });

  it("counts uptime while running", async () => {
    const before = ((await api.get("/nodes/pve/lxc/2001/status/current")).body as { data: { uptime: number } }).data.uptime;
    expect(before).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = ((await api.get("/nodes/pve/lxc/2001/status/current")).body as { data: { uptime: number } }).data.uptime;
    expect(after).toBeGreaterThan(before);
  });
});
