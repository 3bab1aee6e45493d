import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { migrations } from "@/lib/db/migrations";
import { EventLog } from "@/lib/events";
import { findFreePort } from "@/deploy/testing/loopback";

// deploy/upgrade.sh itself, end to end, on a fixture portal repository (tests/support/upgrade-fixture): real git
// (fetch, worktrees), real `npm ci` and `npm run build` (the fixture has no dependencies, so both take a second),
// the real database steps, and a release that truly fails its health check. Only systemd is played by
// tests/support/fake-systemctl.sh, which starts `npm start` from the app folder as the unit would.
const repoRoot = process.cwd();
const fixture = path.join(repoRoot, "tests/support/upgrade-fixture");
const fakeSystemctl = path.join(repoRoot, "tests/support/fake-systemctl.sh");
const tmp = mkdtempSync(path.join(tmpdir(), "arcade-upgrade-"));
const origin = path.join(tmp, "origin");
const appDir = path.join(tmp, "opt/cartofia-arcade");
const releases = `${appDir}-releases`;
const database = path.join(tmp, "var/cartofia-portal/arcade.db");
const envFile = path.join(tmp, "etc/portal.env");
const newestKnown = Math.max(...migrations.map((m) => m.version));
const user = execFileSync("id", ["-un"], { encoding: "utf8" }).trim();
let healthUrl = "";
// Only what a root shell on the CT would have: no NODE_ENV (npm ci would then skip devDependencies).
let systemdEnv: Record<string, string | undefined> = {};

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Arcade Test", "-c", "user.email=test@arcade.invalid", ...args], { cwd, encoding: "utf8" }).trim();
}

/** One commit of the fixture portal: release.txt names it, and `failing` swaps in the portal that cannot start. */
function commitRelease(label: string, failing = false): void {
  for (const file of ["package.json", "package-lock.json", "build.mjs"]) copyFileSync(path.join(fixture, file), path.join(origin, file));
  copyFileSync(path.join(fixture, failing ? "portal-that-fails.mjs" : "portal.mjs"), path.join(origin, "portal.mjs"));
  writeFileSync(path.join(origin, "release.txt"), `${label}\n`);
  writeFileSync(path.join(origin, ".gitignore"), "node_modules/\n.next/\n");
  git(origin, "add", "-A");
  git(origin, "commit", "-q", "-m", label);
  git(origin, "tag", label);
}

function systemctl(...args: string[]): void {
  execFileSync(fakeSystemctl, args, { env: systemdEnv as NodeJS.ProcessEnv, stdio: "ignore" });
}

function upgrade(ref: string): Promise<{ code: number; output: string }> {
  const args = ["portal", ref, "--app-dir", appDir, "--env-file", envFile, "--user", user, "--health-url", healthUrl, "--health-timeout", "30", "--systemctl", fakeSystemctl];
  return new Promise((resolve) => {
    execFile(path.join(repoRoot, "deploy/upgrade.sh"), args, { env: systemdEnv as NodeJS.ProcessEnv, timeout: 120_000 }, (error, stdout, stderr) => {
      // The service's own log (what journalctl would show) makes a failure here explain itself.
      const journal = readFileSync(path.join(tmp, "systemd/cartofia-portal.log"), "utf8");
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, output: `${stdout}${stderr}\n--- service log ---\n${journal}` });
    });
  });
}

async function servingBuild(): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return ((await response.json()) as { build: string }).build;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing answered ${healthUrl} within 20 s`);
}

function readDatabase(): { schema: number; events: string[] } {
  const db = openDatabase(database);
  try {
    const schema = db.prepare("SELECT max(version) FROM schema_migrations").pluck().get() as number;
    return { schema, events: new EventLog(db).page({ limit: 10 }).events.map((e) => e.type) };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  mkdirSync(origin, { recursive: true });
  mkdirSync(path.dirname(database), { recursive: true });
  mkdirSync(path.dirname(envFile), { recursive: true });
  mkdirSync(path.join(tmp, "systemd"));
  git(origin, "init", "-q", "-b", "main");
  commitRelease("v1");
  commitRelease("v2-cannot-start", true);
  commitRelease("v3");

  const port = await findFreePort();
  healthUrl = `http://127.0.0.1:${port}/api/health`;
  writeFileSync(
    envFile,
    [
      `PORT=${port}`,
      `ARCADE_DB=${database}`,
      `ARCADE_TEST_TSX=${pathToFileURL(path.join(repoRoot, "node_modules/tsx/dist/esm/index.mjs")).href}`,
      `ARCADE_TEST_LIB_DB=${pathToFileURL(path.join(repoRoot, "lib/db/index.ts")).href}`,
      "",
    ].join("\n"),
  );
  systemdEnv = { PATH: process.env.PATH, HOME: tmp, FAKE_SYSTEMD_STATE: path.join(tmp, "systemd"), FAKE_UNIT_DIR: appDir, FAKE_UNIT_ENV_FILE: envFile };

  // The install of docs/deploy.md: a plain checkout of v1, built and running, with a few events in its database.
  mkdirSync(path.dirname(appDir), { recursive: true });
  execFileSync("git", ["clone", "-q", origin, appDir]);
  git(appDir, "checkout", "-q", "v1");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: appDir, stdio: "ignore" });
  execFileSync("npm", ["run", "build"], { cwd: appDir, stdio: "ignore" });
  const db = openDatabase(database);
  const events = new EventLog(db);
  events.append({ type: "game.starting", gameId: "snake", actor: { kind: "user", id: "400000000000000001", name: "Mia" }, source: "web" });
  events.append({ type: "game.ready", gameId: "snake", actor: { kind: "system", id: null, name: "Arcade" }, source: "auto" });
  db.close();
  systemctl("start", "cartofia-portal");
  expect(await servingBuild()).toBe("v1");
});

afterAll(() => {
  systemctl("stop", "cartofia-portal");
  rmSync(tmp, { recursive: true, force: true });
});

describe("deploy/upgrade.sh on the portal", () => {
  it("rolls an upgrade to a release that cannot start back to the old build, serving, with the database as it was", async () => {
    const result = await upgrade("v2-cannot-start");

    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain("cartofia-portal stopped (journalctl -u cartofia-portal shows why)");
    expect(result.output).toMatch(/rolled back: cartofia-portal runs [0-9a-f]{12} again and is healthy/);
    // The first upgrade turned the checkout into a release and its path into a link; the link is back on v1.
    expect(lstatSync(appDir).isSymbolicLink()).toBe(true);
    expect(readlinkSync(appDir)).toBe(path.join(releases, git(origin, "rev-parse", "v1")));
    expect(await servingBuild()).toBe("v1");
    // The failed release had migrated the database past what v1 knows; the backup taken first was put back.
    expect(readDatabase()).toEqual({ schema: newestKnown, events: ["game.ready", "game.starting"] });
    const backups = readdirSync(path.join(path.dirname(database), "upgrade-backups"));
    expect(backups).toEqual([expect.stringMatching(new RegExp(`^arcade-\\d{8}T\\d{6}Z-before-${git(origin, "rev-parse", "v2-cannot-start").slice(0, 12)}\\.db$`))]);
    expect(readdirSync(path.dirname(database)).some((name) => /^arcade\.db\.failed-[0-9a-f]{12}-/.test(name))).toBe(true);
  });

  it("then upgrades to a good release: built beside the old one, switched, healthy, and the database kept", async () => {
    const result = await upgrade("v3");

    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/upgraded cartofia-portal from [0-9a-f]{12} to [0-9a-f]{12} \(v3\); it is healthy/);
    expect(await servingBuild()).toBe("v3");
    expect(readlinkSync(appDir)).toBe(path.join(releases, git(origin, "rev-parse", "v3")));
    expect(readDatabase().events).toEqual(["game.ready", "game.starting"]);
    // The release that never ran is gone; v1 stays for the next rollback.
    expect(existsSync(path.join(releases, git(origin, "rev-parse", "v2-cannot-start")))).toBe(false);
    expect(existsSync(path.join(releases, git(origin, "rev-parse", "v1"), "portal.mjs"))).toBe(true);
    expect(readFileSync(path.join(appDir, ".next/BUILD_ID"), "utf8")).toBe("v3");
  });
});
