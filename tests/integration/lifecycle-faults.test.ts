import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, PendingOpsStore } from "@/lib/db";
import { ControlPlaneHarness, member, TOKEN_ID } from "../support/control-plane-harness";

let harness: ControlPlaneHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("when Proxmox misbehaves", () => {
  it("shows a game on an offline node as unknown (595), then recovers when the node returns", async () => {
    harness = await ControlPlaneHarness.start({
      nodes: [{ name: "pve1" }, { name: "pve2" }],
      containers: [{ vmid: 2202, node: "pve2", status: "running" }],
      games: [{ id: "brick-blitz", vmid: 2202 }],
    });
    await harness.waitForState("brick-blitz", "ready");
    harness.sim.faults.nodeOffline("pve2", true);
    const unknown = await harness.waitForState("brick-blitz", "unknown");
    expect(unknown.reason).toBe("Proxmox cannot see CT 2202 right now: node pve2 is not reporting");
    harness.cp.lifecycle.play("brick-blitz", member);
    const failed = await harness.waitForState("brick-blitz", "failed");
    expect(failed.reason).toMatch(/^Proxmox could not reach node pve2 \(595 /);
    harness.sim.faults.nodeOffline("pve2", false);
    await harness.waitForState("brick-blitz", "ready");
  });

  it("explains a wrong token on every game and keeps polling instead of crashing", async () => {
    harness = await ControlPlaneHarness.start({
      nodes: [{ name: "pve1" }],
      containers: [{ vmid: 2201, node: "pve1" }],
      games: [{ id: "snake", vmid: 2201 }],
      env: { PROXMOX_TOKEN_SECRET: "00000000-0000-0000-0000-000000000000" },
    });
    const unknown = await harness.waitForState("snake", "unknown");
    // Wait for a second refused poll rather than a fixed time: the process must still be polling, not crashed.
    while (harness.cp.watcher.pollCount < 2) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(harness.cp.lifecycle.board.get("snake")?.reason).toBe(
      "Proxmox refused the API token (401 Authentication failed!): check PROXMOX_TOKEN_ID and PROXMOX_TOKEN_SECRET.",
    );
    expect(unknown.state).toBe("unknown");
    expect(harness.cp.watcher.pollCount).toBeGreaterThan(1);
    expect(harness.cp.events.query({ types: ["proxmox.unreachable"] })).toHaveLength(1);
  });

  it("shows a stale certificate pin as Proxmox unreachable, naming the certificate Proxmox now presents", async () => {
    // What the owner sees after PVE renewed its node certificate under a pin: every game unknown, one sentence.
    harness = await ControlPlaneHarness.start({
      nodes: [{ name: "pve1" }],
      containers: [{ vmid: 2201, node: "pve1" }],
      games: [{ id: "snake", vmid: 2201 }],
      env: { PROXMOX_CA_FILE: "", PROXMOX_FINGERPRINT: "AB".repeat(32) },
    });
    while (harness.cp.watcher.reachability === null) await new Promise((resolve) => setTimeout(resolve, 25));
    const unknown = await harness.waitForState("snake", "unknown");
    expect(unknown.reason).toBe(
      `Proxmox at ${harness.sim.url} presented a node certificate with SHA-256 fingerprint ${harness.sim.fingerprint}, which is not the pinned PROXMOX_FINGERPRINT: if Proxmox renewed its certificate, check the new one under Node > System > Certificates and update PROXMOX_FINGERPRINT, or trust the cluster CA with PROXMOX_CA_FILE instead.`,
    );
    expect(harness.cp.watcher.reachability).toBe(false);
    expect(harness.cp.events.query({ types: ["proxmox.unreachable"] })[0]?.reason).toBe(unknown.reason);
  });

  it("shows every game unknown while the API is down and recovers without a restart", async () => {
    harness = await ControlPlaneHarness.start({ nodes: [{ name: "pve1" }], containers: [{ vmid: 2201, node: "pve1" }], games: [{ id: "snake", vmid: 2201 }] });
    await harness.waitForState("snake", "stopped");
    harness.sim.faults.apiDown(true);
    const unknown = await harness.waitForState("snake", "unknown");
    expect(unknown.reason).toMatch(/^Proxmox at https:\/\/127\.0\.0\.1:\d+ is not reachable/);
    harness.sim.faults.apiDown(false);
    await harness.waitForState("snake", "stopped");
    expect(harness.cp.events.query({}).map((e) => e.type).slice(0, 2)).toEqual(["proxmox.reachable", "proxmox.unreachable"]);
  });

  it("resumes a start interrupted by a portal restart, watching the same task to ready", async () => {
    harness = await ControlPlaneHarness.start({
      nodes: [{ name: "pve1" }],
      containers: [{ vmid: 2201, node: "pve1" }],
      games: [{ id: "snake", vmid: 2201 }],
      timing: { startMs: 1_500 },
    });
    await harness.waitForState("snake", "stopped");
    harness.cp.lifecycle.play("snake", member);
    for (let i = 0; i < 100 && !harness.cp.lifecycle.board.get("snake")?.upid; i++) await new Promise((r) => setTimeout(r, 20));
    const upid = harness.cp.lifecycle.board.get("snake")?.upid;
    expect(upid).toMatch(/:vzstart:2201:/);
    await harness.restart();
    expect(harness.state("snake")).toBe("starting");
    const ready = await harness.waitForState("snake", "ready");
    expect(ready.upid).toBe(upid);
    expect(harness.requests("POST /api2/json/nodes/pve1/lxc/2201/status/start")).toBe(1);
    expect(harness.cp.events.query({ types: ["game.starting"] })).toHaveLength(1);
    expect(harness.cp.events.query({ types: ["game.ready"] })[0]?.durationMs).toBeGreaterThanOrEqual(1_500);
  });

  it("shows a CT whose resumed start task Proxmox no longer knows as it is, stopped, not failed", async () => {
    harness = await ControlPlaneHarness.start({ nodes: [{ name: "pve1" }], containers: [{ vmid: 2201, node: "pve1" }], games: [{ id: "snake", vmid: 2201 }] });
    await harness.waitForState("snake", "stopped");
    // A crash mid-boot, then a node that forgot the task (rebooted, log rotated; in the demo, a new simulator).
    const forgotten = `UPID:pve1:0000A1B2:0012F3A4:65F0C0DE:vzstart:2201:${TOKEN_ID}:`;
    await harness.restart(() => {
      const db = openDatabase(harness!.env.dbFile);
      new PendingOpsStore(db).save({ vmid: 2201, node: "pve1", action: "start", upid: forgotten, gameIds: ["snake"], actor: { kind: "user", id: member.actor.discordId, name: member.actor.name }, source: "web", startedAt: Date.now() - 5_000 });
      db.close();
    });
    expect(harness.state("snake")).toBe("starting");
    const settled = await harness.waitForState("snake", "stopped");
    expect(settled.reason).toBeNull();
    expect(harness.cp.events.query({ types: ["game.failed"] })).toHaveLength(0);
    expect(harness.requests("POST /api2/json/nodes/pve1/lxc/2201/status/start")).toBe(0);
  });
});
