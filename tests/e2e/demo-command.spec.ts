import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./support/test";
import { getGameOrThrow, loadCatalogue } from "@/lib/games";
import { freePort } from "./support/e2e-catalogue";

// The demo's own simulated boot (scripts/demo.ts): the CT starts in 2.5 s and its web server answers 0.8 s later.
const DEMO_BOOT_MS = 2_500 + 800;
const starDodge = getGameOrThrow(loadCatalogue("games-demo"), "star-dodge");

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the demo never printed ${pattern}; it printed:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`the demo exited (${code}) before printing ${pattern}:\n${output}`)));
  });
}

async function refusesConnections(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return false;
  } catch {
    return true;
  }
}

test("npm run demo: one command brings up the arcade; a played game is ready within its boot plus 2 s; Ctrl-C stops it all", async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "arcade-demo-data-"));
  const port = await freePort();
  const demo = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/demo.ts", `--port=${port}`, `--data-dir=${dataDir}`], { stdio: ["ignore", "pipe", "pipe"] });
  try {
    const banner = await waitForOutput(demo, /Ctrl-C stops everything/, 90_000);
    const token = /API token\s+(\S+)/.exec(banner)![1]!;
    const portal = `http://localhost:${port}`;
    const headers = { authorization: `Bearer ${token}` };

    const before = await (await fetch(`${portal}/api/v1/games/${starDodge.id}`, { headers })).json();
    expect(before.state).toBe("stopped");
    expect(await refusesConnections(starDodge.url)).toBe(true);

    const pressed = Date.now();
    const play = await fetch(`${portal}/api/v1/games/${starDodge.id}/play`, { method: "POST", headers });
    expect(play.status).toBe(202);
    let view = before;
    while (view.state !== "ready" && Date.now() - pressed < DEMO_BOOT_MS + 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      view = await (await fetch(`${portal}/api/v1/games/${starDodge.id}`, { headers })).json();
    }
    expect(view.state).toBe("ready");
    expect(Date.now() - pressed).toBeLessThan(DEMO_BOOT_MS + 2_000);
    expect(await (await fetch(view.url)).text()).toContain("Star Dodge");

    const exited = new Promise<number | null>((resolve) => demo.on("exit", resolve));
    demo.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(await refusesConnections(portal)).toBe(true);
    expect(await refusesConnections(starDodge.url)).toBe(true);
  } finally {
    if (demo.exitCode === null) demo.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
});
