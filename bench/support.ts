import { existsSync, readFileSync, readdirSync } from "node:fs";

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRssBytes(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const status = `/proc/${current}/status`;
    if (!existsSync(status)) continue;
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, "utf8"));
    if (match) total += Number(match[1]) * 1024;
    const tasks = `/proc/${current}/task`;
    if (!existsSync(tasks)) continue;
    for (const task of readdirSync(tasks)) {
      const children = `${tasks}/${task}/children`;
      if (existsSync(children)) stack.push(...readFileSync(children, "utf8").split(" ").filter(Boolean).map(Number));
    }
  }
  return total;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function argValue(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  return raw === undefined ? fallback : Number(raw);
}

export function assertBuilt(): void {
  if (!existsSync(".next/BUILD_ID")) {
    console.error("Build the portal first: npx next build");
    process.exit(1);
  }
}
