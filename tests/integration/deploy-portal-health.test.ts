import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";

// deploy/systemd/check-portal-health.ts as cartofia-portal-health.service runs it, against a portal stand-in that
// answers, one that accepts connections but never answers (a hung event loop), and a stand-in systemctl that
// records what it was asked to do.

const tmp = mkdtempSync(path.join(tmpdir(), "arcade-health-"));
const calls = path.join(tmp, "systemctl-calls");
const systemctl = path.join(tmp, "systemctl");
writeFileSync(systemctl, `#!/bin/sh\necho "$*" >> ${calls}\n[ "$1" != is-active ] || exit "\${FAKE_ACTIVE_STATUS:-0}"\n`);
chmodSync(systemctl, 0o755);
let server: Server | undefined;

afterEach(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
  }
  rmSync(calls, { force: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function portalStandIn(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`;
}

function runCheck(url: string, env: Record<string, string> = {}): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const args = ["--import", "tsx", "deploy/systemd/check-portal-health.ts", "--url", url, "--attempts", "3", "--timeout-sec", "1", "--pause-sec", "0.2", "--systemctl", systemctl];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output, ms: Date.now() - started })));
}

const recorded = () => (existsSync(calls) ? readFileSync(calls, "utf8").trim().split("\n") : []);

describe("portal health check (cartofia-portal-health.timer)", () => {
  it("leaves a portal alone that answers /api/health", async () => {
    const url = await portalStandIn((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'));
    const result = await runCheck(url);
    expect(result.code).toBe(0);
    expect(recorded()).toEqual(["is-active --quiet cartofia-portal.service"]);
  });

  it("restarts a portal that accepts connections but never answers, after its tries run out", async () => {
    const url = await portalStandIn(() => undefined);
    const result = await runCheck(url);
    expect(result.output).toMatch(/cartofia-portal\.service is running but unhealthy \(.*no answer within 1 s.*\): restarting it/);
    expect(recorded()).toEqual(["is-active --quiet cartofia-portal.service", "restart cartofia-portal.service"]);
    expect(result.code).toBe(0);
    // Three tries of 1 s and two pauses: the unit's 3 × 10 s + 2 × 5 s scale the same way (70 s after the timer fires).
    expect(result.ms).toBeGreaterThanOrEqual(3_000);
  });

  it("restarts a portal that answers with an error, but not a stopped one (Restart= and the owner decide that)", async () => {
    const url = await portalStandIn((_req, res) => res.writeHead(500).end("boom"));
    await runCheck(url);
    expect(recorded()).toContain("restart cartofia-portal.service");
    rmSync(calls);
    const stopped = await runCheck(url, { FAKE_ACTIVE_STATUS: "3" });
    expect(stopped.code).toBe(0);
    expect(recorded()).toEqual(["is-active --quiet cartofia-portal.service"]);
  });
});
