import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./e2e-catalogue";

type GameView = { state: string; url: string; upid: string | null; reason: string | null };

/** `npm run demo` as a person runs it (in its own process group, so a test can kill all of it as a crash would). */
export type DemoProcess = {
  child: ChildProcess;
  dataDir: string;
  url: string;
  apiToken: string;
  proxmoxUrl: string;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  game(id: string): Promise<GameView>;
  play(id: string): Promise<number>;
};

export function scratchDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), "arcade-demo-data-"));
}

export async function startDemo(dataDir: string): Promise<DemoProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/demo.ts", `--port=${port}`, `--data-dir=${dataDir}`], {
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (!/Ctrl-C stops everything/.test(output)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the demo exited (${child.exitCode ?? child.signalCode}) before it was running:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the demo was not running after 90 s; it printed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = `http://localhost:${port}`;
  const apiToken = /API token\s+(\S+)/.exec(output)![1]!;
  const headers = { authorization: `Bearer ${apiToken}` };
  return {
    child,
    dataDir,
    url,
    apiToken,
    proxmoxUrl: /Proxmox sim\s+(\S+)/.exec(output)![1]!,
    output: () => output,
    exited,
    game: async (id) => (await (await fetch(`${url}/api/v1/games/${id}`, { headers })).json()) as GameView,
    play: async (id) => (await fetch(`${url}/api/v1/games/${id}/play`, { method: "POST", headers })).status,
  };
}

/** Kills the demo and everything it started, as a crash of the machine's session would (SIGKILL to the group). */
export function killDemoGroup(demo: DemoProcess): void {
  if (demo.child.exitCode !== null || demo.child.signalCode !== null) return;
  try {
    process.kill(-demo.child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
}

/** The portal (`next start`, titled next-server) among the demo's descendants. */
export function portalPidOf(demo: DemoProcess): number {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited meanwhile
    }
  }
  const descends = (pid: number): boolean => pid === demo.child.pid || (pid > 1 && parentOf.has(pid) && descends(parentOf.get(pid)!));
  const portal = [...parentOf.keys()].find((pid) => pid !== demo.child.pid && descends(pid) && /next/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8")));
  if (!portal) throw new Error(`no portal process under the demo (pid ${demo.child.pid})`);
  return portal;
}

export async function refusesConnections(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return false;
  } catch {
    return true;
  }
}

/** The exit code, or a failure saying the demo hung instead of exiting. */
export async function exitWithin(demo: DemoProcess, ms: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the demo did not exit within ${ms / 1000} s; it printed:\n${demo.output()}`)), ms);
  });
  try {
    return await Promise.race([demo.exited, hung]);
  } finally {
    clearTimeout(timer);
  }
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}
