import { afterEach, describe, expect, it } from "vitest";
import { admin, ControlPlaneHarness } from "../support/control-plane-harness";

let harness: ControlPlaneHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function runningSnake(timing = {}) {
  harness = await ControlPlaneHarness.start({
    nodes: [{ name: "pve1" }],
    containers: [{ vmid: 2201, node: "pve1", status: "running" }],
    games: [{ id: "snake", vmid: 2201 }],
    timing,
  });
  await harness.waitForState("snake", "ready");
  return harness;
}

describe("stopping games", () => {
  it("shuts down cleanly and records who did it", async () => {
    const h = await runningSnake();
    expect(h.cp.lifecycle.power("snake", "shutdown", admin).state).toBe("stopping");
    await h.waitForState("snake", "stopped");
    expect(h.requests("POST /api2/json/nodes/pve1/lxc/2201/status/shutdown")).toBe(1);
    expect(h.requests("POST /api2/json/nodes/pve1/lxc/2201/status/stop")).toBe(0);
    const [stopped, stopping] = h.cp.events.query({ gameId: "snake", types: ["game.stopping", "game.stopped"] });
    expect(stopping?.message).toBe("API token is shutting down snake through the API");
    expect(stopped?.reason).toBe("shut down by API token");
    await expect(fetch(h.sim.webUrl(2201))).rejects.toThrow();
  });

  it("falls back to a hard stop when the shutdown times out", async () => {
    const h = await runningSnake({ guestShutdownMs: 10_000 });
    h.cp.lifecycle.settings.set("snake", { bootTimeoutSec: null, shutdownTimeoutSec: 1 }, "test");
    h.cp.lifecycle.power("snake", "shutdown", admin);
    await h.waitForState("snake", "stopped", 8_000);
    expect(h.requests("POST /api2/json/nodes/pve1/lxc/2201/status/stop")).toBe(1);
    expect(h.cp.events.query({ types: ["game.stopped"] })[0]?.reason).toBe(
      "shutdown did not finish within 1 s (container did not stop), so it was force-stopped",
    );
  });

  it("notices a CT stopped from Proxmox's own UI and says so once", async () => {
    const h = await runningSnake();
    h.sim.power(2201, "stopped");
    await h.waitForState("snake", "stopped");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.cp.events.query({ types: ["game.stopped_externally"] })).toHaveLength(1);
  });

  it("refuses to stop a game that is already stopped, with a sentence", async () => {
    const h = await runningSnake();
    h.cp.lifecycle.power("snake", "stop", admin);
    await h.waitForState("snake", "stopped");
    expect(() => h.cp.lifecycle.power("snake", "stop", admin)).toThrow("snake is already stopped.");
  });

  it("reboots a running game and waits for it to answer again", async () => {
    const h = await runningSnake();
    h.cp.lifecycle.power("snake", "reboot", admin);
    await h.waitForState("snake", "starting");
    await h.waitForState("snake", "ready");
    expect(h.requests("POST /api2/json/nodes/pve1/lxc/2201/status/reboot")).toBe(1);
    expect(h.cp.events.query({ types: ["game.rebooting"] })).toHaveLength(1);
  });
});
