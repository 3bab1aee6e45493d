import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Manifest = Record<string, unknown> & { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
type Lock = { name: string; version: string; packages: Record<string, Manifest> };

const manifest = JSON.parse(readFileSync("package.json", "utf8")) as Manifest;
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as Lock;
const root = lock.packages[""]!;

// npm copies these fields of package.json into the lock's root entry; when one differs, `npm install` on a fresh
// clone rewrites package-lock.json (and `npm ci` refuses the mismatch outright for dependency specs).
const MIRRORED = ["name", "version", "license", "dependencies", "devDependencies", "optionalDependencies", "peerDependencies", "engines", "bin"] as const;

describe("package-lock.json", () => {
  it("records package.json's dependency specs, engines and license exactly, so a fresh `npm install` leaves the lock unchanged", () => {
    const pick = (entry: Manifest) => Object.fromEntries(MIRRORED.filter((field) => entry[field] !== undefined).map((field) => [field, entry[field]]));
    expect(pick(root), "package-lock.json's root entry differs from package.json: run `npm install` and commit the lock").toEqual(pick(manifest));
  });

  it("locks a version of every direct dependency", () => {
    const direct = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
    const missing = direct.filter((name) => !lock.packages[`node_modules/${name}`]?.version);
    expect(missing, "dependencies without a locked version: run `npm install` and commit the lock").toEqual([]);
  });
});
