import { afterEach, describe, expect, it } from "vitest";
import { ControlPlaneHarness, member, TOKEN_ID } from "../support/control-plane-harness";

const START = (node: string, vmid: number) => `POST /api2/json/nodes/${node}/lxc/${vmid}/status/start`;
let harness: ControlPlaneHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("starting games against sim/proxmox over HTTPS", () => {
  it("shares one start task between 20 concurrent plays, and every player reaches ready", async () => {
    harness = await ControlPlaneHarness.start({ nodes: [{ name: "pve1" }], containers: [{ vmid: 2201, node: "pve1" }], games: [{ id: "snake", vmid: 2201 }] });
    await harness.waitForState("snake", "stopped");
    const answers = await Promise.all(Array.from({ length: 20 }, async () => harness!.cp.lifecycle.play("snake", member).state));
    expect(new Set(answers)).toEqual(new Set(["starting"]));
    const ready = await harness.waitForState("snake", "ready");
    expect(harness.requests(START("pve1", 2201))).toBe(1);
    expect(ready.upid).toMatch(new RegExp(`^UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8}:vzstart:2201:${TOKEN_ID.replace("!", "\\!")}:$`));
    const response = await fetch(harness.sim.webUrl(2201));
    expect(response.status).toBe(200);
  });

  it("treats a play on a CT that is already running as ready, without sending start", async () => {
    harness = await ControlPlaneHarness.start({ nodes: [{ name: "pve1" }], containers: [{ vmid: 2201, node: "pve1", status: "running" }], games: [{ id: "snake", vmid: 2201 }] });
    await harness.waitForState("snake", "ready");
    expect(harness.cp.lifecycle.play("snake", member).state).toBe("ready");
    expect(harness.requests(START("pve1", 2201))).toBe(0);
  });

  it("reports a locked CT's failed task with Proxmox's own text", async () => {
    harness = await ControlPlaneHarness.start({ nodes: [{ name: "pve1" }], containers: [{ vmid: 2201, node: "pve1", lock: "backup" }], games: [{ id: "snake", vmid: 2201 }] });
    await harness.waitForState("snake", "stopped");
    harness.cp.lifecycle.play("snake", member);
    const failed = await harness.waitForState("snake", "failed");
    expect(failed.reason).toBe("Proxmox could not start CT 2201: CT is locked (backup)");
    const event = harness.cp.events.query({ types: ["game.failed"] })[0];
    expect(event).toMatchObject({ gameId: "snake", result: "error", actor: { name: "Alex" }, source: "web" });
  });

  it("finds and starts a CT that lives on the second node", async () => {
    harness = await ControlPlaneHarness.start({
      nodes: [{ name: "pve1" }, { name: "pve2" }],
      containers: [{ vmid: 2202, node: "pve2" }],
      games: [{ id: "brick-blitz", vmid: 2202 }],
    });
    await harness.waitForState("brick-blitz", "stopped");
    harness.cp.lifecycle.play("brick-blitz", member);
    const ready = await harness.waitForState("brick-blitz", "ready");
    expect(ready.node).toBe("pve2");
    expect(harness.requests(START("pve2", 2202))).toBe(1);
  });

  it("fails with a sentence when the game's web server never answers within its boot timeout", async () => {
    harness = await ControlPlaneHarness.start({ nodes: [{ name: "pve1" }], containers: [{ vmid: 2201, node: "pve1" }], games: [{ id: "snake", vmid: 2201, bootTimeoutSec: 5 }] });
    harness.sim.faults.web(2201, "refuse");
    await harness.waitForState("snake", "stopped");
    const pressed = Date.now();
    harness.cp.lifecycle.play("snake", member);
    const failed = await harness.waitForState("snake", "failed", 10_000);
    expect(Date.now() - pressed).toBeGreaterThanOrEqual(4_500);
    expect(failed.reason).toBe(`game not answering at ${harness.sim.webUrl(2201)} after 5 s (connection refused)`);
  });

  it("records the boot time so the next visitor sees an estimate", async () => {
    harness = await ControlPlaneHarness.start({ nodes: [{ name: "pve1" }], containers: [{ vmid: 2201, node: "pve1" }], games: [{ id: "snake", vmid: 2201 }] });
    await harness.waitForState("snake", "stopped");
    expect(harness.cp.hub.view("snake").eta).toBeNull();
    harness.cp.lifecycle.play("snake", member);
    await harness.waitForState("snake", "ready");
    const eta = harness.cp.hub.view("snake").eta;
    expect(eta?.samples).toBe(1);
    expect(eta?.medianMs).toBeGreaterThanOrEqual(300);
  });
});
