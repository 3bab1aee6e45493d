import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./support/test";
import { healthSchema } from "../../lib/api/schemas";
import { parseTimeSpan, readUnitFile, unitValueOrThrow } from "../../deploy/testing/systemd-unit";
import { startUnitSandboxed, type SandboxedUnit } from "../../deploy/testing/unit-sandbox";
import { botEnv } from "./support/bot-stack";
import { freePort } from "./support/e2e-catalogue";
import { stackEnv } from "./support/stack-client";

// The units as shipped, run as systemd would run them as far as sockets go: the real ExecStart from the repository
// (the built portal of this e2e run), the unit's Environment=, and a seccomp filter made from the unit's own
// RestrictAddressFamilies= that answers EAFNOSUPPORT, as systemd's does. `next start` without --hostname lists
// network interfaces through netlink, gets EAFNOSUPPORT, swallows it and never answers: this test catches that.

const repoRoot = path.resolve(".");
const unitFile = (name: string) => path.join(repoRoot, "deploy/systemd", name);

async function healthOf(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  return response.ok ? healthSchema.parse(await response.json()) : `HTTP ${response.status}`;
}

test.describe("systemd units under their own RestrictAddressFamilies", () => {
  test.setTimeout(120_000);
  let running: SandboxedUnit | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), "arcade-unit-sandbox-"));

  test.afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test("the portal's unit serves /api/health and stops within its TimeoutStopSec", async () => {
    const port = await freePort();
    // The stack's portal environment stands in for /etc/cartofia-arcade/portal.env, with its own port and database.
    const environmentFile = { ...stackEnv().portalEnv, PORT: String(port), AUTH_URL: `http://localhost:${port}`, ARCADE_DB: path.join(dataDir, "portal.db") };
    running = startUnitSandboxed(unitFile("cartofia-portal.service"), environmentFile, repoRoot);
    expect(running.families).toBe("AF_INET AF_INET6 AF_UNIX");
    const url = `http://127.0.0.1:${port}/api/health`;
    await expect
      .poll(async () => (running!.child.exitCode === null ? await healthOf(url).catch((e: Error) => e.message) : `exited: ${running!.output()}`), {
        timeout: 60_000,
        intervals: [500],
        message: `${running.argv.join(" ")} under RestrictAddressFamilies=${running.families} never answered ${url}`,
      })
      .toMatchObject({ ok: true });

    const timeoutStopSec = parseTimeSpan(unitValueOrThrow(readUnitFile(unitFile("cartofia-portal.service")), "Service", "TimeoutStopSec"));
    const stoppedInMs = await running.stop();
    console.log(`portal unit: /api/health answered under the sandbox; SIGTERM to exit ${stoppedInMs} ms (TimeoutStopSec=${timeoutStopSec})`);
    expect(stoppedInMs, `the portal took ${stoppedInMs} ms to exit on SIGTERM`).toBeLessThan(timeoutStopSec * 1000);
  });

  test("the bot's unit logs in to Discord and stops within its TimeoutStopSec", async () => {
    running = startUnitSandboxed(unitFile("cartofia-bot.service"), botEnv({ BOT_STATE_FILE: path.join(dataDir, "bot-state.json") }), repoRoot);
    expect(running.families).toBe("AF_INET AF_INET6 AF_UNIX");
    await expect
      .poll(() => (running!.child.exitCode === null ? /logged in to Discord/.test(running!.output()) : `exited: ${running!.output()}`), {
        timeout: 60_000,
        intervals: [250],
        message: `${running.argv.join(" ")} under RestrictAddressFamilies=${running.families} did not log in`,
      })
      .toBe(true);

    const timeoutStopSec = parseTimeSpan(unitValueOrThrow(readUnitFile(unitFile("cartofia-bot.service")), "Service", "TimeoutStopSec"));
    const stoppedInMs = await running.stop();
    console.log(`bot unit: logged in under the sandbox; SIGTERM to exit ${stoppedInMs} ms (TimeoutStopSec=${timeoutStopSec})`);
    expect(stoppedInMs, `the bot took ${stoppedInMs} ms to exit on SIGTERM`).toBeLessThan(timeoutStopSec * 1000);
  });
});
