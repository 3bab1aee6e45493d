import { X509Certificate } from "node:crypto";
import { rootCertificates } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPortalEnv, type ProxmoxConfig } from "@/lib/env";
import { createProxmoxClient, isProxmoxError, parseUpid, type ProxmoxError } from "@/lib/proxmox";
import { composeTrustedCas } from "@/lib/proxmox/tls-agent";
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

  it("refuses a pin that matches nothing in one sentence naming the node certificate's fingerprint", async () => {
    // The CA's fingerprint is a pin that can never match: pveproxy sends only its node certificate.
    const caFingerprint = new X509Certificate(sim.caPem).fingerprint256;
    for (const caFile of ["", sim.caFile]) {
      const client = createProxmoxClient(config({ PROXMOX_CA_FILE: caFile, PROXMOX_FINGERPRINT: caFingerprint }));
      const error = await failure(() => client.getVersion());
      expect(error.kind).toBe("tls");
      expect(error.isUnreachable).toBe(true);
      expect(error.message).toBe(
        `Proxmox at ${sim.url} presented a node certificate with SHA-256 fingerprint ${sim.fingerprint}, which is not the pinned PROXMOX_FINGERPRINT: if Proxmox renewed its certificate, check the new one under Node > System > Certificates and update PROXMOX_FINGERPRINT, or trust the cluster CA with PROXMOX_CA_FILE instead.`,
      );
      await client.close();
    }
  });

  it("does not trust the cluster's own CA unless told to, and names the certificate it refused", async () => {
    const client = createProxmoxClient(config({ PROXMOX_CA_FILE: "" }));
    const error = await failure(() => client.getVersion());
    expect(error.kind).toBe("tls");
    expect(error.message).toBe(
      `Proxmox's TLS certificate at ${sim.url} is not trusted (it is not signed by a CA this portal trusts; SHA-256 ${sim.fingerprint}): set PROXMOX_CA_FILE to a copy of /etc/pve/pve-root-ca.pem from the node, or pin that certificate with PROXMOX_FINGERPRINT.`,
    );
    await client.close();
  });

  it("adds PROXMOX_CA_FILE to Node's default trust instead of replacing it", async () => {
    // An unrelated CA in the file; the sim's CA reaches Node's default trust the documented way, NODE_EXTRA_CA_CERTS.
    const unrelated = await startProxmoxSim({ containers: [], tokens: [] });
    try {
      const withDefault = createProxmoxClient(config({ PROXMOX_CA_FILE: unrelated.caFile, NODE_EXTRA_CA_CERTS: sim.caFile }));
      expect(await withDefault.getVersion()).toMatch(/^\d+\.\d+/);
      await withDefault.close();
      const fileOnly = createProxmoxClient(config({ PROXMOX_CA_FILE: unrelated.caFile }));
      expect((await failure(() => fileOnly.getVersion())).kind).toBe("tls");
      await fileOnly.close();
    } finally {
      await unrelated.close();
    }
    // Node's bundled roots stay too, so a node with a publicly trusted (ACME) certificate keeps working.
    expect(composeTrustedCas({ caPem: "PEM", extraDefaultCaPem: "EXTRA" })).toEqual([...rootCertificates, "EXTRA", "PEM"]);
  });

  it("still checks the host name when it verifies the chain", async () => {
    const elsewhere = await startProxmoxSim({ containers: [], tokens: [FULL], timing: { authFailDelayMs: 0 } }, { host: "127.0.0.2" });
    try {
      const client = createProxmoxClient(config({ PROXMOX_URL: elsewhere.url, PROXMOX_CA_FILE: elsewhere.caFile }));
      expect((await failure(() => client.getVersion())).message).toMatch(/^Proxmox's TLS certificate at https:\/\/127\.0\.0\.2:\d+ is not trusted \(it is not issued for this host name; /);
      await client.close();
    } finally {
      await elsewhere.close();
    }
  });

  it("talks plain HTTP only to a simulator on loopback", async () => {
    const plain = await startProxmoxSim({ containers: [], tokens: [FULL], timing: { authFailDelayMs: 0 } }, { tls: false });
    try {
      const client = createProxmoxClient(config({ PROXMOX_URL: plain.url, PROXMOX_CA_FILE: "" }));
      expect(plain.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      expect(await client.getVersion()).toMatch(/^\d+\.\d+/);
      await client.close();
    } finally {
      await plain.close();
    }
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
