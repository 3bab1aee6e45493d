import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getGameMetrics } from "@/lib/control-plane/get-game-metrics";
import { getNodeSummaries, SYS_AUDIT_NOTE } from "@/lib/control-plane/get-node-summaries";
import { ControlPlaneHarness } from "../support/control-plane-harness";

const GAME_CTS = { path: "/vms", privs: ["VM.Audit", "VM.PowerMgmt"] };
const NODES_NAMES = { path: "/nodes", privs: ["Sys.Audit"] };

describe("the admin's charts and node summary against sim/proxmox", () => {
  let h: ControlPlaneHarness;
  beforeAll(async () => {
    h = await ControlPlaneHarness.start({
      nodes: [{ name: "pve1" }, { name: "pve2", online: false }],
      containers: [{ vmid: 2201, node: "pve1", status: "running" }, { vmid: 2202, node: "pve2" }],
      games: [{ id: "snake", vmid: 2201 }, { id: "tetris", vmid: 2202 }],
      acl: [GAME_CTS, NODES_NAMES],
    });
    await h.waitForState("snake", "ready");
  });
  afterAll(() => h.close());

  it("shares one rrddata call between many admins asking at once", async () => {
    const key = "GET /api2/json/nodes/pve1/lxc/2201/rrddata";
    const before = h.requests(key);
    await Promise.all(Array.from({ length: 8 }, () => getGameMetrics(h.cp, "snake", "hour")));
    expect(h.requests(key)).toBe(before + 1);
  });

  it("charts the last hour of a running CT without the unfinished minute, network in bytes per second", async () => {
    const series = await getGameMetrics(h.cp, "snake", "hour");
    const nowSec = Date.now() / 1000;
    expect(series.stepSec).toBe(60);
    expect(series.time).toHaveLength(59);
    expect(series.time.at(-1)! + 60).toBeLessThanOrEqual(nowSec);
    for (const column of [series.cpu, series.memBytes, series.netInBps, series.netOutBps]) {
      expect(column.every((v) => typeof v === "number" && v > 0)).toBe(true);
    }
    expect(series.maxMemBytes).toBe(512 * 1024 * 1024);
  });

  it("charts the last day at Proxmox 9's one-minute steps", async () => {
    const series = await getGameMetrics(h.cp, "snake", "day");
    expect(series.stepSec).toBe(60);
    expect(series.time).toHaveLength(1439);
    // Before the CT started (about an hour ago) it was stopped: 0, not a gap.
    expect(series.cpu[0]).toBe(0);
    expect(series.netInBps.at(-1)).toBeGreaterThan(0);
  });

  it("summarises every node: live CPU, memory and load where online, a sentence where not", async () => {
    const [pve1, pve2] = await getNodeSummaries(h.cp);
    expect(pve1).toMatchObject({ node: "pve1", status: "online", games: ["snake"], note: null, cpuModel: expect.stringMatching(/\w/) });
    expect(pve1!.load).toMatchObject({ cpus: 8, maxMemBytes: 32 * 1024 ** 3 });
    expect(pve1!.load!.cpu).toBeGreaterThan(0);
    expect(pve1!.load!.memBytes).toBeGreaterThan(0);
    expect(pve1!.loadAvg).toHaveLength(3);
    expect(pve1!.pveVersion).toMatch(/^pve-manager\/9\.1\.5\//);
    expect(pve2).toMatchObject({ node: "pve2", status: "offline", load: null, games: ["tetris"], note: "Offline: the cluster cannot reach this node." });
    expect(h.requests("GET /api2/json/nodes/pve2/status")).toBe(0);
  });
});

describe("the node summary with the least-privilege token (no Sys.Audit)", () => {
  let h: ControlPlaneHarness;
  beforeAll(async () => {
    h = await ControlPlaneHarness.start({ containers: [{ vmid: 2201, node: "pve" }], games: [{ id: "snake", vmid: 2201 }], acl: [GAME_CTS] });
  });
  afterAll(() => h.close());

  it("still says which nodes are online, and names the privilege the figures need", async () => {
    const [pve] = await getNodeSummaries(h.cp);
    expect(pve).toMatchObject({ node: "pve", status: "online", load: null, note: SYS_AUDIT_NOTE });
    expect(h.requests("GET /api2/json/nodes/pve/status")).toBe(1);
  });
});

describe("rrddata of a Proxmox 8 node", () => {
  let h: ControlPlaneHarness;
  beforeAll(async () => {
    h = await ControlPlaneHarness.start({ version: "8.4.17", containers: [{ vmid: 2201, node: "pve", status: "running" }], games: [{ id: "snake", vmid: 2201 }] });
  });
  afterAll(() => h.close());

  it("reads the day at half-hour steps and drops the open one, which comes with its time only", async () => {
    const raw = await h.cp.proxmox.getMetrics!("pve", 2201, "day");
    expect(raw.at(-1)).toEqual({ time: raw.at(-1)!.time, cpu: undefined, memBytes: undefined, maxMemBytes: undefined, netInBps: undefined, netOutBps: undefined });
    const series = await getGameMetrics(h.cp, "snake", "day");
    expect(series.stepSec).toBe(1800);
    expect(series.time.at(-1)).toBe(raw.at(-2)!.time);
    expect(series.time.length).toBeLessThanOrEqual(49);
    expect(series.netInBps.at(-1)).toBeGreaterThan(0);
  });
});
