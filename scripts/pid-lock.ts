import { readFileSync, rmSync, writeFileSync } from "node:fs";

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false; // no /proc (not Linux), or gone: kill(0) below decides
  }
}

/** A killed process whose parent died too can linger as a zombie until init reaps it: that is not alive. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

/**
 * Takes a lock file that holds the owner's pid, or returns false while a live process holds it. A file left by a
 * process that is gone (a demo killed with -9) is stale and taken over.
 */
export function tryLock(file: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(file, "utf8"));
      if (owner === process.pid || (Number.isInteger(owner) && owner > 0 && isAlive(owner))) return false;
      rmSync(file, { force: true });
    }
  }
  return false;
}

/** Gives a lock back. */
export function unlock(file: string): void {
  rmSync(file, { force: true });
}
