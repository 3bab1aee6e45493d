import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

/*
 * Run by cartofia-portal-health.timer every 30 s (as root, from /opt/cartofia-arcade): asks the portal's
 * /api/health a few times and restarts cartofia-portal.service when none of the answers is a healthy one.
 * Restart=on-failure only covers a portal that exits; this covers one that is alive but no longer answers (a hung
 * event loop, a listener that never opened). A timer rather than WatchdogSec=: sd_notify needs a native module or
 * a `systemd-notify` child per ping from Node, and a ping from inside the process proves less than a real request.
 */

const usage = `Usage: node --import tsx deploy/systemd/check-portal-health.ts [--url URL] [--unit NAME] [--attempts N] [--timeout-sec S] [--pause-sec S]`;

type Options = { url: string; unit: string; attempts: number; timeoutMs: number; pauseMs: number; systemctl: string };

/** One look at /api/health: null when healthy, else why not, in words for the journal. */
async function probeHealth(url: string, timeoutMs: number): Promise<string | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
    if (!response.ok) return `${url} answered ${response.status}`;
    const body = (await response.json()) as { ok?: unknown };
    return body.ok === true ? null : `${url} answered without "ok": true`;
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : String((error as Error).cause ?? error);
    return `${url}: ${reason}`;
  }
}

function systemctl(options: Options, ...args: string[]): number | null {
  return spawnSync(options.systemctl, args, { stdio: "inherit", timeout: 60_000 }).status;
}

/** Returns the process exit code: 0 when healthy, not running (nothing to watch) or restarted; 1 when the restart failed. */
async function checkPortal(options: Options): Promise<number> {
  if (systemctl(options, "is-active", "--quiet", options.unit) !== 0) return 0;
  const failures: string[] = [];
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    const failure = await probeHealth(options.url, options.timeoutMs);
    if (failure === null) return 0;
    failures.push(failure);
    if (attempt < options.attempts) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  console.error(`${options.unit} is running but unhealthy (${failures.join("; ")}): restarting it`);
  const status = systemctl(options, "restart", options.unit);
  if (status !== 0) console.error(`systemctl restart ${options.unit} failed with ${status}`);
  return status === 0 ? 0 : 1;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: "http://127.0.0.1:3000/api/health" },
      unit: { type: "string", default: "cartofia-portal.service" },
      attempts: { type: "string", default: "3" },
      "timeout-sec": { type: "string", default: "10" },
      "pause-sec": { type: "string", default: "5" },
      // Tests point this at a stand-in; on the CT it is systemd's own.
      systemctl: { type: "string", default: "/usr/bin/systemctl" },
    },
  });
  const numbers = [values.attempts, values["timeout-sec"], values["pause-sec"]].map(Number);
  if (numbers.some((n) => !Number.isFinite(n) || n < 0) || numbers[0]! < 1) {
    console.error(usage);
    process.exit(2);
  }
  const [attempts, timeoutSec, pauseSec] = numbers as [number, number, number];
  process.exitCode = await checkPortal({
    url: values.url,
    unit: values.unit,
    attempts,
    timeoutMs: timeoutSec * 1000,
    pauseMs: pauseSec * 1000,
    systemctl: values.systemctl,
  });
}

await main();
