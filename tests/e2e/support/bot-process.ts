import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

export type BotProcess = {
  /** Everything the bot printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the first line matching `pattern`, printed before or after the call. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM, then the exit code; SIGKILL if it does not exit within 10 s. */
  stop(): Promise<number | null>;
  exited(): Promise<number | null>;
  child: ChildProcess;
};

/**
 * Runs `bot/main.ts` as production does (`npm run bot` = tsx), as a child process with only the given
 * environment plus PATH/HOME, so nothing from the test runner leaks into its configuration.
 */
export function startBotProcess(env: Record<string, string>, entry = "bot/main.ts"): BotProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: repoRoot,
    // Next's types make NODE_ENV required on ProcessEnv; the bot does not read it.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const waiters = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    if (process.env.E2E_VERBOSE) process.stdout.write(`[bot ${child.pid}] ${chunk.toString()}`);
    for (const wake of waiters) wake();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  exit.then(() => waiters.forEach((wake) => wake()));

  return {
    child,
    output: () => text,
    exited: () => exit,
    waitForLine(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = text.split("\n").find((l) => pattern.test(l));
          if (line !== undefined) return done(() => resolve(line));
          if (child.exitCode !== null) done(() => reject(new Error(`the bot exited (${child.exitCode}) before printing ${pattern}:\n${text}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`the bot did not print ${pattern} within ${timeoutMs} ms:\n${text}`))), timeoutMs);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      const code = await exit;
      clearTimeout(killer);
      return code;
    },
  };
}

export const botEntry = (name: "main" | "deploy-commands") => path.join("bot", `${name}.ts`);
