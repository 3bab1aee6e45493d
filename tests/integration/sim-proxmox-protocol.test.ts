import { connect, type PeerCertificate } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProxmoxSim, type ProxmoxSim } from "@/sim/proxmox";
import { createSimClient, type SimClient } from "@/sim/proxmox/sim-client";

const ADMIN = { id: "arcade@pve!portal", secret: "5f0c8a7e-3b1d-4c2a-9e6f-0a1b2c3d4e5f" };
const AUDITOR = { id: "monitor@pve!audit", secret: "0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70" };

let sim: ProxmoxSim;
let admin: SimClient;
let auditor: SimClient;
let anonymous: SimClient;

beforeAll(async () => {
  sim = await startProxmoxSim({
    containers: [{ vmid: 2000, node: "pve", hostname: "cartofia", status: "running", tags: "game" }],
    tokens: [ADMIN, { ...AUDITOR, acl: [{ path: "/vms", privs: ["VM.Audit"] }] }],
    timing: { authFailDelayMs: 0 },
  });
  admin = createSimClient({ url: sim.url, caPem: sim.caPem, token: ADMIN });
  auditor = createSimClient({ url: sim.url, caPem: sim.caPem, token: AUDITOR });
  anonymous = createSimClient({ url: sim.url, caPem: sim.caPem });
});

afterAll(async () => {
  await Promise.all([admin.close(), auditor.close(), anonymous.close()]);
  await sim.close();
});

describe("Proxmox sim wire format", () => {
  it("wraps answers in a data envelope with pve-api-daemon's headers", async () => {
    const reply = await admin.get("/version");
    expect(reply.status).toBe(200);
    expect(reply.statusText).toBe("OK");
    expect(reply.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    expect(reply.headers.get("server")).toBe("pve-api-daemon/3.0");
    expect(reply.headers.get("cache-control")).toBe("max-age=0");
    expect(reply.body).toEqual({ data: expect.objectContaining({ version: "9.1.5", release: "9.1" }) });
  });

  it("serves a certificate that the sim's CA verifies and whose fingerprint it publishes", async () => {
    expect(sim.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const nodes = (await admin.get("/nodes")).body as { data: Array<{ ssl_fingerprint: string }> };
    expect(nodes.data[0]?.ssl_fingerprint).toBe(sim.fingerprint);
    const untrusting = createSimClient({ url: sim.url, token: ADMIN });
    await expect(untrusting.get("/version")).rejects.toThrow();
    await untrusting.close();
  });

  it("presents only its node certificate, like pveproxy, so the CA is known only to who was given the CA file", async () => {
    const { port } = new URL(sim.url);
    const presented = await new Promise<PeerCertificate & { issuerCertificate?: PeerCertificate }>((resolve, reject) => {
      const socket = connect({ host: "127.0.0.1", port: Number(port), rejectUnauthorized: false }, () => {
        resolve(socket.getPeerCertificate(true));
        socket.end();
      });
      socket.on("error", reject);
    });
    expect(presented.fingerprint256).toBe(sim.fingerprint);
    // Unverified, the chain is what the server sent: the leaf alone (a CA in it would show up as its issuer).
    expect(presented.issuerCertificate).toBeUndefined();
    expect(presented.issuer.O).toBe("PVE Cluster Manager CA");
  });

  it("answers 401 'No ticket' with an empty body when no credentials are sent", async () => {
    const reply = await anonymous.get("/version");
    expect(reply.status).toBe(401);
    expect(reply.statusText).toBe("No ticket");
    expect(reply.text).toBe("");
    expect(reply.headers.get("content-type")).toBeNull();
    expect(reply.headers.get("connection")).toBe("close");
  });

  it("answers 401 'Authentication failed!' for a wrong secret, after the configured delay", async () => {
    sim.setTiming({ authFailDelayMs: 150 });
    const wrong = createSimClient({ url: sim.url, caPem: sim.caPem, token: { ...ADMIN, secret: "00000000-0000-0000-0000-000000000000" } });
    const started = Date.now();
    const reply = await wrong.get("/version");
    sim.setTiming({ authFailDelayMs: 0 });
    await wrong.close();
    expect(reply.status).toBe(401);
    expect(reply.statusText).toBe("Authentication failed!");
    expect(reply.text).toBe("");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("refuses a power call from an audit-only token with the exact permission text", async () => {
    const reply = await auditor.post("/nodes/pve/lxc/2000/status/stop");
    expect(reply.status).toBe(403);
    expect(reply.statusText).toBe("Permission check failed (/vms/2000, VM.PowerMgmt)");
    expect(reply.headers.get("connection")).toBe("close");
    expect(reply.body).toEqual({ data: null, message: "Permission check failed (/vms/2000, VM.PowerMgmt)\n" });
  });

  it("checks permissions before existence, so a restricted token gets 403 for a missing CT", async () => {
    const reply = await auditor.post("/nodes/pve/lxc/4242/status/start");
    expect(reply.status).toBe(403);
  });

  it("lets the audit-only token read status/current", async () => {
    const reply = await auditor.get("/nodes/pve/lxc/2000/status/current");
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ data: { vmid: 2000, status: "running", name: "cartofia", tags: "game", ha: { managed: 0 } } });
  });

  it("answers 501 for an unknown method or path", async () => {
    const reply = await admin.get("/nodes/pve/qemu");
    expect(reply.status).toBe(501);
    expect(reply.statusText).toBe("Method 'GET /nodes/pve/qemu' not implemented");
  });

  it("rejects forceStop=true in a form with the real 400 and its errors map", async () => {
    const reply = await admin.post("/nodes/pve/lxc/2000/status/shutdown", { forceStop: "true" });
    expect(reply.status).toBe(400);
    expect(reply.statusText).toBe("Parameter verification failed.");
    expect(reply.body).toEqual({
      data: null,
      errors: { forceStop: "type check ('boolean') failed - got 'true'" },
      message: "Parameter verification failed.\n",
    });
  });

  it("requires a valid rrddata timeframe and returns numeric points for a valid one", async () => {
    const missing = await admin.get("/nodes/pve/lxc/2000/rrddata");
    expect((missing.body as { errors: unknown }).errors).toEqual({ timeframe: "property is missing and it is not optional" });
    const wrong = await admin.get("/nodes/pve/lxc/2000/rrddata", { timeframe: "decade" });
    expect((wrong.body as { errors: unknown }).errors).toEqual({
      timeframe: "value 'decade' does not have a value in the enumeration 'hour, day, week, month, year'",
    });
    const hour = (await admin.get("/nodes/pve/lxc/2000/rrddata", { timeframe: "hour" })).body as { data: Array<Record<string, number>> };
    expect(hour.data).toHaveLength(60);
    expect(typeof hour.data[0]?.cpu).toBe("number");
    expect(hour.data[58]!.cpu).toBeGreaterThan(0);
  });

  it("reports a CT that is not on the named node as a missing config file", async () => {
    const reply = await admin.get("/nodes/pve/lxc/2999/config");
    expect(reply.status).toBe(500);
    expect(reply.statusText).toBe("Configuration file 'nodes/pve/lxc/2999.conf' does not exist");
  });

  it("returns config keys with a digest and interfaces with the CT's address", async () => {
    const config = (await admin.get("/nodes/pve/lxc/2000/config")).body as { data: Record<string, unknown> };
    expect(config.data).toMatchObject({ hostname: "cartofia", memory: 512, tags: "game", digest: expect.stringMatching(/^[0-9a-f]{40}$/) });
    const interfaces = (await admin.get("/nodes/pve/lxc/2000/interfaces")).body as { data: Array<{ name: string }> };
    expect(interfaces.data.map((i) => i.name)).toEqual(["lo", "eth0"]);
  });

  it("counts API requests for benchmarks", async () => {
    sim.resetStats();
    await admin.get("/version");
    await admin.get("/version");
    expect(sim.stats()).toEqual({ requests: 2, byPath: { "GET /api2/json/version": 2 } });
  });
});

describe("Proxmox sim emulating an older release", () => {
  it("sends the detailed 401 texts and no message in error bodies, like PVE 8.3", async () => {
    const old = await startProxmoxSim({ version: "8.3.2", containers: [{ vmid: 2000, node: "pve" }], tokens: [ADMIN], timing: { authFailDelayMs: 0 } });
    const unknown = createSimClient({ url: old.url, caPem: old.caPem, token: { id: "arcade@pve!nope", secret: ADMIN.secret } });
    const wrong = createSimClient({ url: old.url, caPem: old.caPem, token: { ...ADMIN, secret: "x" } });
    const client = createSimClient({ url: old.url, caPem: old.caPem, token: ADMIN });
    try {
      expect((await unknown.get("/version")).statusText).toBe("no such token 'nope' for user 'arcade@pve'");
      expect((await wrong.get("/version")).statusText).toBe("invalid token value!");
      const stop = await client.post("/nodes/pve/lxc/2000/status/stop");
      expect(stop.statusText).toBe("CT 2000 not running");
      expect(stop.body).toEqual({ data: null });
    } finally {
      await Promise.all([unknown.close(), wrong.close(), client.close()]);
      await old.close();
    }
  });
});
