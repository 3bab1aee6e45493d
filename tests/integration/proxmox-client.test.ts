import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPortalEnv, type ProxmoxConfig } from "@/lib/env";
import { createProxmoxClient, isProxmoxError, parseUpid, type ProxmoxError } from "@/lib/proxmox";
import { type ProxmoxSim, startProxmoxSim } from "@/sim/proxmox";

const FULL = { id: "arcade@pve!portal", secret: "5f0c7a1e-2b3d-4c5e-8f90-a1b2c3d4e5f6" };
const AUDIT = { id: "viewer@pve!ro", secret: "6a1d8b2f-3c4e-4d6f-9a01-b2c3d4e5f607" };
let sim: ProxmoxSim;

beforeAll(async () => {
  sim = await startProxmoxSim({
    nodes: [{ name: "pve1" }, { name: "pve2" }],
    containers: [{ vmid: 2201, node: "pve1" }, { vmid: 2202, node: "pve2", status: "running" }],
    tokens: [FULL, { ...AUDIT, acl: [{ path: "/vms", privs: ["VM.Audit"] }] }],
    timing: { startMs: 200, authFailDelayMs: 0, resourcesRefreshMs: 0 },
  });
});
afterAll(() => sim.close());

function config(overrides: Record<string, string> = {}, token = FULL): ProxmoxConfig {
  return readPortalEnv({
    PROXMOX_URL: sim.url,
    PROXMOX_TOKEN_ID: token.id,
    PROXMOX_TOKEN_SECRET: token.secret,
    PROXMOX_CA_FILE: sim.caFile,
    AUTH_SECRET: "x".repeat(40),
    AUTH_DISCORD_ID: "123456789012345678",
    AUTH_DISCORD_SECRET: "s",
    DISCORD_GUILD_ID: "223456789012345678",
    DISCORD_TOKEN: "t",
    ...overrides,
  }).proxmox;
}

async function failure(work: () => Promise<unknown>): Promise<ProxmoxError> {
  try {
    await work();
  } catch (error) {
    if (isProxmoxError(error)) return error;
    throw error;
  }
  throw new Error("expected a ProxmoxError");
}

describe("the Proxmox client", () => {
  it("lists every CT in the cluster with its node and live numbers", async () => {
    const client = createProxmoxClient(config());
    const cts = await client.listClusterContainers();
    expect(cts.map((ct) => [ct.vmid, ct.node, ct.status])).toEqual(expect.arrayContaining([[2201, "pve1", "stopped"], [2202, "pve2", "running"]]));
    expect(typeof cts[0]?.maxMemBytes).toBe("number");
    await client.close();
  });

  it("starts a CT, returns a real UPID, and reads the task to OK", async () => {
    const client = createProxmoxClient(config());
    const upid = await client.powerContainer("pve1", 2201, "start");
    expect(parseUpid(upid)).toMatchObject({ node: "pve1", type: "vzstart", id: "2201", user: FULL.id });
    for (let i = 0; i < 50 && (await client.getTaskStatus("pve1", upid)).running; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await client.getTaskStatus("pve1", upid)).exitStatus).toBe("OK");
    expect((await client.getTaskLog("pve1", upid)).at(-1)).toBe("TASK OK");
    expect((await client.getContainerStatus("pve1", 2201)).status).toBe("running");
    const again = await failure(() => client.powerContainer("pve1", 2201, "start"));
    expect(again).toMatchObject({ kind: "http", status: 500, reason: "CT 2201 already running" });
    await client.close();
  });

  it("pins the node certificate by fingerprint without a CA file", async () => {
    const client = createProxmoxClient(config({ PROXMOX_CA_FILE: "", PROXMOX_FINGERPRINT: sim.fingerprint }));
    expect(await client.getVersion()).toMatch(/^\d+\.\d+/);
    await client.close();
  });

  it("refuses a server whose fingerprint does not match the pin, saying how to fix it", async () => {
    const client = createProxmoxClient(config({ PROXMOX_CA_FILE: "", PROXMOX_FINGERPRINT: "AB".repeat(32) }));
    const error = await failure(() => client.getVersion());
    expect(error.kind).toBe("tls");
    expect(error.message).toMatch(/certificate .* is not trusted .*fingerprint mismatch.*PROXMOX_CA_FILE/);
    await client.close();
  });

  it("does not trust the cluster's own CA unless told to", async () => {
    const client = createProxmoxClient(config({ PROXMOX_CA_FILE: "" }));
    expect((await failure(() => client.getVersion())).kind).toBe("tls");
    await client.close();
  });

  it("explains a permission error with the privilege the token lacks", async () => {
    const client = createProxmoxClient(config({}, AUDIT));
    const error = await failure(() => client.powerContainer("pve2", 2202, "shutdown", { timeoutSec: 5 }));
    expect(error).toMatchObject({ kind: "permission", status: 403 });
    expect(error.message).toBe(
      "Proxmox denied the API token: Permission check failed (/vms/2202, VM.PowerMgmt). Give the token VM.Audit and VM.PowerMgmt on the game CTs (deploy/proxmox/setup-token.sh).",
    );
    await client.close();
  });

  it("gives up after its timeout when Proxmox is slow, with a sentence", async () => {
    sim.setTiming({ latencyMs: 1_500 });
    const client = createProxmoxClient(config({ PROXMOX_TIMEOUT_MS: "500" }));
    const error = await failure(() => client.getVersion());
    sim.setTiming({ latencyMs: 0 });
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(/did not answer within 0.5 s/);
    await client.close();
  });
});
