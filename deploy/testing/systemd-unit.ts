import { readFileSync } from "node:fs";

/** A unit file as systemd reads it: every assignment per section, in order (a key may repeat). */
export type UnitFile = { path: string; sections: Map<string, [string, string][]> };

/** Reads a unit file: comments (`#`, `;`), line continuations and repeated keys as systemd treats them. */
export function readUnitFile(file: string): UnitFile {
  const sections = new Map<string, [string, string][]>();
  let current: [string, string][] | undefined;
  const lines = readFileSync(file, "utf8").replace(/\\\n/g, " ").split("\n");
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = sections.get(header[1]!) ?? [];
      sections.set(header[1]!, current);
      continue;
    }
    const eq = line.indexOf("=");
    if (current === undefined || eq < 0) throw new Error(`${file}: cannot read line "${line}"`);
    current.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
  }
  return { path: file, sections };
}

/** Every value of `key` in `section`; an empty assignment resets the list, as in systemd. */
export function unitValues(unit: UnitFile, section: string, key: string): string[] {
  const values: string[] = [];
  for (const [k, v] of unit.sections.get(section) ?? []) {
    if (k !== key) continue;
    if (v === "") values.length = 0;
    else values.push(v);
  }
  return values;
}

/** The last value of `key`, or throws naming the unit: the tests need these keys to exist. */
export function unitValueOrThrow(unit: UnitFile, section: string, key: string): string {
  const value = unitValues(unit, section, key).at(-1);
  if (value === undefined) throw new Error(`${unit.path}: [${section}] has no ${key}=`);
  return value;
}

/** Splits a command line or an Environment= value into words, honouring double and single quotes. */
export function splitWords(value: string): string[] {
  const words: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const match of value.matchAll(pattern)) words.push(match[1]?.replace(/\\(.)/g, "$1") ?? match[2] ?? match[3]!);
  return words;
}

/** The Environment= assignments of [Service], in the order systemd applies them. */
export function unitEnvironment(unit: UnitFile): Record<string, string> {
  const env: Record<string, string> = {};
  for (const assignment of unitValues(unit, "Service", "Environment").flatMap(splitWords)) {
    const eq = assignment.indexOf("=");
    env[assignment.slice(0, eq)] = assignment.slice(eq + 1);
  }
  return env;
}

/** ExecStart= as argv, with `$VAR`/`${VAR}` expanded from `env` as systemd does. */
export function unitExecStart(unit: UnitFile, env: Record<string, string>): string[] {
  const line = unitValueOrThrow(unit, "Service", "ExecStart");
  if (/^[-@+!:]/.test(line)) throw new Error(`${unit.path}: ExecStart prefixes are not supported by this test helper`);
  return splitWords(line).map((word) => word.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => env[a ?? b!] ?? ""));
}

/** Seconds of a systemd time span such as "10", "10s", "1min 30s". */
export function parseTimeSpan(value: string): number {
  const units: Record<string, number> = { "": 1, s: 1, sec: 1, m: 60, min: 60, h: 3600, ms: 0.001 };
  let total = 0;
  for (const match of value.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]*)/g)) {
    const factor = units[match[2]!];
    if (factor === undefined) throw new Error(`unknown time unit in "${value}"`);
    total += Number(match[1]) * factor;
  }
  return total;
}
