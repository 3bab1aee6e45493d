import { readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setupTokenAccess } from "@/scripts/demo-scenario";
import { type ProxmoxSim, startProxmoxSim } from "@/sim/proxmox";
import { AccessControl } from "@/sim/proxmox/access/access-control";
import { parseScenarioOrThrow } from "@/sim/proxmox/scenario";
import { createSimClient, type SimClient } from "@/sim/proxmox/sim-client";
import { admin, ControlPlaneHarness, member } from "../support/control-plane-harness";
import { runSetupTokenOnSim } from "../support/setup-token-on-sim";

const SECRET = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
const token = (id: string) => ({ id, secret: SECRET });

describe("sim/proxmox permissions, as pve-access-control computes them", () => {
  let sim: ProxmoxSim;
  const clients: SimClient[] = [];
  const as = (id: string) => {
    const client = createSimClient({ url: sim.url, caPem: sim.caPem, token: token(id) });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    sim = await startProxmoxSim({
      nodes: [{ name: "pve1" }],
      containers: [{ vmid: 2201, node: "pve1" }, { vmid: 2202, node: "pve1" }, { vmid: 2203, node: "pve1" }],
      roles: { ArcadePower: ["VM.Audit", "VM.PowerMgmt"] },
      pools: [{ id: "arcade", vmids: [2201, 2202] }],
      users: [
        // The user may only look; its tokens can never do more.
        { id: "viewer@pve", acl: [{ path: "/vms", role: "PVEAuditor" }] },
        { id: "arcade@pve", acl: [{ path: "/pool/arcade", role: "ArcadePower" }, { path: "/vms/2202", role: "NoAccess" }] },
        { id: "ops@pve", acl: [{ path: "/vms", privs: ["VM.Audit"], propagate: false }, { path: "/", role: "PVEAuditor", propagate: false }] },
      ],
      tokens: [
        { ...token("viewer@pve!privsep"), privsep: true, acl: [{ path: "/vms", role: "ArcadePower" }] },
        { ...token("viewer@pve!full"), privsep: false },
        { ...token("arcade@pve!portal"), privsep: true, acl: [{ path: "/pool/arcade", role: "ArcadePower" }] },
        { ...token("arcade@pve!bare"), privsep: true },
        { ...token("ops@pve!all"), privsep: false },
      ],
      timing: { authFailDelayMs: 0, startMs: 50, resourcesRefreshMs: 0 },
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await sim.close();
  });

  it("gives a privilege-separated token only what both it and its user hold", async () => {
    const privsep = as("viewer@pve!privsep");
    expect((await privsep.get("/nodes/pve1/lxc/2203/status/current")).status).toBe(200);
    const refused = await privsep.post("/nodes/pve1/lxc/2203/status/start");
    expect([refused.status, refused.statusText]).toEqual([403, "Permission check failed (/vms/2203, VM.PowerMgmt)"]);
    expect(refused.body).toEqual({ data: null, message: "Permission check failed (/vms/2203, VM.PowerMgmt)\n" });
    // privsep=0: exactly the user's rights, here those of PVEAuditor.
    expect((await as("viewer@pve!full").post("/nodes/pve1/lxc/2203/status/start")).status).toBe(403);
    expect((await as("viewer@pve!full").get("/nodes/pve1/lxc/2203/status/current")).status).toBe(200);
    // A privsep token without an ACL of its own can do nothing at all.
    expect((await as("arcade@pve!bare").get("/nodes/pve1/lxc/2201/status/current")).status).toBe(403);
  });

  it("lets pool members inherit /pool/<id>, lets NoAccess on a member win, and leaves non-members out", async () => {
    const portal = as("arcade@pve!portal");
    const listed = (await portal.get("/cluster/resources", { type: "vm" })).body as { data: Array<{ vmid: number; pool?: string }> };
    expect(listed.data.map((ct) => ct.vmid)).toEqual([2201]);
    expect(listed.data[0]).not.toHaveProperty("pool"); // no Pool.Audit
    expect((await portal.post("/nodes/pve1/lxc/2201/status/start")).status).toBe(200);
    expect((await portal.get("/nodes/pve1/lxc/2202/status/current")).statusText).toBe("Permission check failed (/vms/2202, VM.Audit)");
    expect((await portal.get("/nodes/pve1/lxc/2203/status/current")).statusText).toBe("Permission check failed (/vms/2203, VM.Audit)");
  });

  it("does not let an ACL without propagation reach deeper paths", async () => {
    const ops = as("ops@pve!all");
    expect((await ops.get("/nodes/pve1/lxc/2201/status/current")).status).toBe(403);
    const nodes = (await ops.get("/nodes")).body as { data: Array<Record<string, unknown>> };
    expect(nodes.data[0]).not.toHaveProperty("cpu"); // Sys.Audit on "/" only, not on /nodes/pve1
  });

  it("answers pveum like a node: effective permissions of a token, and refusals in pveum's words", () => {
    expect(sim.pveum(["user", "token", "permissions", "arcade@pve", "portal", "--output-format", "json"])).toBe(
      `${JSON.stringify({ "/pool/arcade": { "VM.Audit": 1, "VM.PowerMgmt": 1 }, "/vms/2201": { "VM.Audit": 1, "VM.PowerMgmt": 1 } })}\n`,
    );
    expect(() => sim.pveum(["pool", "modify", "arcade", "--vms", "2201"])).toThrow("update pools failed: VM 2201 is already a pool member");
    expect(() => sim.pveum(["acl", "modify", "/pool/arcade", "--tokens", "arcade@pve!nope", "--roles", "ArcadePower"])).toThrow(
      "ACL update failed: no such token 'nope' for user 'arcade@pve'",
    );
    expect(() => sim.pveum(["role", "add", "Broken", "--privs", "VM.Fly"])).toThrow("invalid privilege 'VM.Fly'");
  });

  it("refuses a scenario whose token belongs to a user it does not list", () => {
    expect(() => parseScenarioOrThrow({ containers: [], users: [], tokens: [token("ghost@pve!t")] })).toThrow("tokens.0.id: user 'ghost@pve' is not in users");
  });
});

describe("the token deploy/proxmox/setup-token.sh creates", () => {
  let harness: ControlPlaneHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it("is exactly the access the demo scenario and the e2e stack give the portal", async () => {
    const demo = parseScenarioOrThrow(JSON.parse(await readFile("sim/proxmox/scenarios/demo.json", "utf8")));
    const vmids = demo.containers.map((ct) => ct.vmid);
    const sim = await startProxmoxSim({ containers: demo.containers.map((ct) => ({ ...ct, web: undefined })), users: [], tokens: [], nodes: demo.nodes });
    try {
      const run = await runSetupTokenOnSim(sim, vmids);
      expect(run.tokenId).toBe("arcade@pve!portal");
      expect(run.stdout).toMatch(/\/vms\/2201\s+VM\.Audit, VM\.PowerMgmt/);
      const built = (sim.state() as { access: unknown }).access;
      expect(built).toEqual(new AccessControl(demo).describe());
      expect(built).toEqual(new AccessControl({ ...setupTokenAccess(vmids, "x") }).describe());
    } finally {
      await sim.close();
    }
  });

  it("lets the portal play a game in the pool, and Proxmox's 403 shows when the role loses VM.PowerMgmt", async () => {
    harness = await ControlPlaneHarness.start({
      nodes: [{ name: "pve1" }],
      containers: [{ vmid: 2201, node: "pve1" }, { vmid: 2202, node: "pve1" }],
      games: [{ id: "snake", vmid: 2201 }, { id: "outside", vmid: 2202 }],
      access: { users: [], tokens: [] },
      prepare: async (sim) => {
        const run = await runSetupTokenOnSim(sim, [2201]);
        return { PROXMOX_TOKEN_ID: run.tokenId ?? "", PROXMOX_TOKEN_SECRET: run.secret ?? "" };
      },
    });
    await harness.waitForState("snake", "stopped");
    // CT 2202 is not in the pool: the token cannot even see it.
    expect((await harness.waitForState("outside", "unknown")).reason).toBe('CT 2202 is not in the Proxmox cluster: check "vmid" in game.json');
    harness.cp.lifecycle.play("snake", member);
    await harness.waitForState("snake", "ready");

    harness.sim.pveum(["role", "modify", "ArcadePower", "--privs", "VM.Audit"]);
    harness.cp.lifecycle.power("snake", "shutdown", admin);
    const failed = await harness.waitForState("snake", "failed");
    expect(failed.reason).toBe(
      "could not shut down: Proxmox denied the API token: Permission check failed (/vms/2201, VM.PowerMgmt). Give the token VM.Audit and VM.PowerMgmt on the game CTs (deploy/proxmox/setup-token.sh).",
    );
  });
});
