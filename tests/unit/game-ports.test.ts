import { spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { claimGamePorts, type GamePorts } from "@/scripts/game-ports";

const claimsDir = path.join(tmpdir(), "cartofia-arcade-game-ports");
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A port nothing listens on, as the kernel hands out; the claims made for it are removed after the test. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  cleanups.push(() => [port, port + 1, port + 2].forEach((p) => rmSync(path.join(claimsDir, String(p)), { force: true })));
  return port;
}

async function claim(ports: number[]): Promise<GamePorts> {
  const claimed = await claimGamePorts(ports, "127.0.0.1");
  cleanups.unshift(() => claimed.release());
  return claimed;
}

function claimedBy(port: number, pid: number): void {
  writeFileSync(path.join(claimsDir, String(port)), String(pid));
}

describe("game ports of the demo", () => {
  it("keeps the catalogue's port when no other demo claims it and nothing listens there", async () => {
    const port = await freePort();
    expect((await claim([port])).portFor(port)).toBe(port);
  });

  it("moves a game past a port another running demo has claimed, even while that demo's CT is stopped and the port closed", async () => {
    const port = await freePort();
    claimedBy(port, process.ppid);
    const moved = (await claim([port])).portFor(port);
    expect(moved).toBeGreaterThan(port);
    expect(moved).toBeLessThan(port + 100);
  });

  it("moves a game past a port another program listens on", async () => {
    const port = await freePort();
    const other: Server = createServer();
    await new Promise<void>((resolve) => other.listen(port, "127.0.0.1", resolve));
    cleanups.push(() => other.close());
    expect((await claim([port])).portFor(port)).toBeGreaterThan(port);
  });

  it("takes over the claim of a demo that was killed, and gives its claims back when released", async () => {
    const port = await freePort();
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid!;
    claimedBy(port, gone);
    const ports = await claim([port]);
    expect(ports.portFor(port)).toBe(port);
    ports.release();
    expect(existsSync(path.join(claimsDir, String(port)))).toBe(false);
  });
});
