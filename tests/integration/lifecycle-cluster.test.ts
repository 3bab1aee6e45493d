import { afterEach, describe, expect, it } from "vitest";
import { admin, ControlPlaneHarness, member } from "../support/control-plane-harness";

const POWER = (node: string, vmid: number, action: string) => `POST /api2/json/nodes/${node}/lxc/${vmid}/status/${action}`;
let harness: ControlPlaneHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

type SimCt = { vmid: number; node: string; status: string; ha: { state: string } | null };
const simCt = (h: ControlPlaneHarness, vmid: number) => (h.sim.state() as { containers: SimCt[] }).containers.find((ct) => ct.vmid === vmid)!;

describe("a CT that moves to another node between two polls", () => {
  it("is started where it is now, even when game.json and the last poll still name the old node", async () => {
    harness = await ControlPlaneHarness.start({
      nodes: [{ name: "pve1" }, { name: "pve2" }],
      containers: [{ vmid: 2201, node: "pve1" }],
      games: [{ id: "snake", vmid: 2201, node: "pve1" }],
    });
    expect((await harness.waitForState("snake", "stopped")).node).toBe("pve1");
    harness.sim.migrate(2201, "pve2");
    harness.cp.lifecycle.play("snake", member);
    const ready = await harness.waitForState("snake", "ready");
    expect(ready.node).toBe("pve2");
    expect(harness.requests(POWER("pve2", 2201, "start"))).toBe(1);
    expect(harness.requests(POWER("pve1", 2201, "start"))).toBe(0);
  });

  it("is shut down where it is now, and the watcher shows the new node", async () => {
    harness = await ControlPlaneHarness.start({
      nodes: [{ name: "pve1" }, { name: "pve2" }],
      containers: [{ vmid: 2201, node: "pve1", status: "running" }],
      games: [{ id: "snake", vmid: 2201 }],
    });
    await harness.waitForState("snake", "ready");
    harness.sim.migrate(2201, "pve2");
    // Before the next poll: today's node is known only to Proxmox.
    harness.cp.lifecycle.power("snake", "shutdown", admin);
    const stopped = await harness.waitForState("snake", "stopped");
    expect(stopped.node).toBe("pve2");
    expect(simCt(harness, 2201).status).toBe("stopped");
    expect(harness.requests(POWER("pve2", 2201, "shutdown"))).toBe(1);
    expect(harness.cp.events.query({ types: ["game.failed", "game.stopped_externally"] })).toHaveLength(0);
  });

  it("keeps a running game ready while the watcher follows it to its new node", async () => {
    harness = await ControlPlaneHarness.start({
      nodes: [{ name: "pve1" }, { name: "pve2" }],
      containers: [{ vmid: 2201, node: "pve1", status: "running" }],
      games: [{ id: "snake", vmid: 2201 }],
    });
    await harness.waitForState("snake", "ready");
    // A CT found running at the first start of a new database is recorded once as started outside: not news here.
    const outsideNews = () => harness!.cp.events.query({ types: ["game.unknown", "game.stopped_externally", "game.started_externally"] }).length;
    const newsBefore = outsideNews();
    const polls = harness.cp.watcher.pollCount;
    harness.sim.migrate(2201, "pve2");
    while (harness.cp.lifecycle.board.get("snake")?.node !== "pve2") {
      if (harness.cp.watcher.pollCount > polls + 10) throw new Error("the watcher never showed the new node");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(harness.state("snake")).toBe("ready");
    expect(outsideNews()).toBe(newsBefore);
  });
});

describe("an HA-managed CT", () => {
  const HA_DELAY_MS = 2_500;

  it("is ready only once the HA manager has really started it and the game answers, not when hastart says OK", async () => {
    harness = await ControlPlaneHarness.start({
      nodes: [{ name: "pve1" }],
      containers: [{ vmid: 2201, node: "pve1", ha: {} }],
      games: [{ id: "snake", vmid: 2201 }],
      timing: { haDelayMs: HA_DELAY_MS },
    });
    await harness.waitForState("snake", "stopped");
    const pressed = Date.now();
    const seenWhileStarting: string[] = [];
    // What the CT really was at the moment the game turned ready (later updates of a ready game do not count).
    let previous: string | undefined;
    const unsubscribe = harness.cp.lifecycle.board.subscribe((status) => {
      if (status.state === "ready" && previous !== "ready") seenWhileStarting.push(`${simCt(harness!, 2201).status}`);
      previous = status.state;
    });
    harness.cp.lifecycle.play("snake", member);
    const ready = await harness.waitForState("snake", "ready");
    unsubscribe();
    expect(ready.upid).toMatch(/:hastart:2201:/);
    expect(Date.now() - pressed).toBeGreaterThanOrEqual(HA_DELAY_MS);
    expect(seenWhileStarting).toEqual(["running"]);
    expect((await fetch(harness.sim.webUrl(2201))).status).toBe(200);
  });

  it("is stopped only once the HA manager has really stopped it, with no phantom outside start afterwards", async () => {
    harness = await ControlPlaneHarness.start({
      nodes: [{ name: "pve1" }],
      containers: [{ vmid: 2201, node: "pve1", status: "running", ha: {} }],
      games: [{ id: "snake", vmid: 2201 }],
      timing: { haDelayMs: HA_DELAY_MS },
    });
    await harness.waitForState("snake", "ready");
    const phantoms = () => harness!.cp.events.query({ types: ["game.started_externally", "game.failed"] }).length;
    const phantomsBefore = phantoms();
    harness.cp.lifecycle.power("snake", "shutdown", admin);
    await harness.waitForState("snake", "stopped", 15_000);
    expect(simCt(harness, 2201)).toMatchObject({ status: "stopped", ha: { state: "stopped" } });
    const polls = harness.cp.watcher.pollCount;
    while (harness.cp.watcher.pollCount < polls + 3) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(harness.state("snake")).toBe("stopped");
    expect(phantoms()).toBe(phantomsBefore);
    expect(harness.requests(POWER("pve1", 2201, "shutdown"))).toBe(1);
  });
});
