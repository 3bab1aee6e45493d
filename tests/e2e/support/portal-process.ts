import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** How the portal is launched: `node …/next start` as the systemd unit runs it, or through `npm start`. */
export type PortalLaunch = "node" | "npm";

export type PortalProcess = {
  child: ChildProcess;
  /** The process group: every process of this portal (npm, sh, node), as systemd's cgroup holds them. */
  pgid: number;
  url: string;
  output(): string;
  waitForHealth(timeoutMs?: number): Promise<void>;
  /** SIGTERM to every process of the group, as systemd's stop does; resolves with the ms until all are gone. */
  terminate(timeoutMs?: number): Promise<number>;
};

/** Live (non-zombie) processes in a process group, from /proc: what would still hold the service's cgroup. */
export function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // Fields after the parenthesised command: state, ppid, pgrp, …
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z") pids.push(Number(entry));
  }
  return pids;
}

/** Starts a production portal (after `next build`) in its own process group with exactly `env` (plus PATH/HOME). */
export function spawnPortal(env: Record<string, string>, port: number, launch: PortalLaunch): PortalProcess {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const args = ["-p", String(port), "-H", "127.0.0.1"];
  const [command, argv] = launch === "node" ? [process.execPath, [nextBin, "start", ...args]] : ["npm", ["start", "--", ...args]];
  const child = spawn(command, argv, {
    cwd: repoRoot,
    detached: true,
    env: { PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ""}`, HOME: process.env.HOME ?? "", ...env, PORT: String(port) } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    if (process.env.E2E_VERBOSE) process.stdout.write(`[portal ${child.pid}] ${chunk.toString()}`);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const pgid = child.pid!;
  const url = `http://127.0.0.1:${port}`;
  return {
    child,
    pgid,
    url,
    output: () => text,
    async waitForHealth(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`the portal exited (${child.exitCode}) before it answered:\n${text}`);
        const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })
          .then(async (r) => r.ok && ((await r.json()) as { proxmox: { reachable: boolean | null } }).proxmox.reachable !== null)
          .catch(() => false);
        if (ok) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`the portal did not answer ${url}/api/health within ${timeoutMs} ms:\n${text}`);
    },
    async terminate(timeoutMs = 15_000) {
      const began = Date.now();
      process.kill(-pgid, "SIGTERM");
      while (groupPids(pgid).length > 0) {
        if (Date.now() - began > timeoutMs) {
          process.kill(-pgid, "SIGKILL");
          throw new Error(`processes ${groupPids(pgid).join(", ")} of the portal were still running ${timeoutMs} ms after SIGTERM:\n${text}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return Date.now() - began;
    },
  };
}
