import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readUnitFile, unitEnvironment, unitExecStart, unitValueOrThrow, unitValues } from "./systemd-unit";

const source = fileURLToPath(new URL("./restrict-address-families.c", import.meta.url));

/**
 * Compiles restrict-address-families.c once per content (cached under the temp folder by hash) and returns the
 * binary. Throws with the install command when gcc or libseccomp is missing: these tests never skip.
 */
export function addressFamilySandboxOrThrow(): string {
  const hash = createHash("sha256").update(readFileSync(source)).digest("hex").slice(0, 16);
  const dir = path.join(tmpdir(), "arcade-unit-sandbox");
  const binary = path.join(dir, `restrict-address-families-${hash}`);
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const partial = `${binary}.${process.pid}`;
  const result = spawnSync("gcc", ["-O2", "-Wall", "-Werror", "-o", partial, source, "-lseccomp"], { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`cannot build the seccomp helper (apt-get install -y gcc libc6-dev libseccomp-dev): ${result.error?.message ?? result.stderr}`);
  }
  renameSync(partial, binary);
  return binary;
}

export type SandboxedUnit = {
  child: ChildProcess;
  /** The argv that ran inside the sandbox, after $VAR expansion. */
  argv: string[];
  families: string;
  output(): string;
  /** SIGTERM to the whole process group (KillMode=control-group), then milliseconds until it exited. */
  stop(): Promise<number>;
};

/**
 * Starts a unit's ExecStart the way systemd would as far as addresses go: the unit's Environment= overlaid by
 * `environmentFile` (EnvironmentFile= wins over Environment=), WorkingDirectory= replaced by `workingDirectory`,
 * and a seccomp filter with the unit's own RestrictAddressFamilies=.
 */
export function startUnitSandboxed(
  unitPath: string,
  environmentFile: Record<string, string>,
  workingDirectory: string,
  /** A command that execs the rest, e.g. ["ip", "netns", "exec", "<ns>"] to run the unit inside a namespace. */
  wrap: string[] = [],
): SandboxedUnit {
  const unit = readUnitFile(unitPath);
  unitValueOrThrow(unit, "Service", "WorkingDirectory");
  const families = unitValues(unit, "Service", "RestrictAddressFamilies").join(" ");
  if (families === "") throw new Error(`${unitPath}: no RestrictAddressFamilies=, nothing to rehearse`);
  const env = { PATH: "/usr/local/bin:/usr/bin:/bin", HOME: workingDirectory, ...unitEnvironment(unit), ...environmentFile };
  const argv = unitExecStart(unit, env);
  const command = [...wrap, addressFamilySandboxOrThrow(), families.split(/\s+/).join(","), "--", ...argv];
  const child = spawn(command[0]!, command.slice(1), {
    cwd: workingDirectory,
    env: env as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    argv,
    families,
    output: () => text,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return 0;
      const started = Date.now();
      process.kill(-child.pid!, "SIGTERM");
      const killer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 30_000);
      await exited;
      clearTimeout(killer);
      return Date.now() - started;
    },
  };
}
