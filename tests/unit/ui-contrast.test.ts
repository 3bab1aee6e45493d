import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { colour, contrast, loadPalette, over, type Rgba } from "../support/contrast";

// WCAG 2.2 AA for normal-size text (1.4.3). Disabled controls are exempt, and so are `disabled:` classes here.
const AA = 4.5;
const palette = loadPalette();
const c = (token: string) => colour(palette, token.replace(/^\[(#[0-9a-fA-F]{6})\]/, "$1"));

// The surfaces text sits on, darkest to lightest: the page, a panel, a raised fact box, a control.
const page = c("zinc-950");
const panel = over(page, c("zinc-900/70"));
const SURFACES: Array<[string, Rgba]> = [
  ["page", page],
  ["panel", panel],
  ["raised box (white/5)", over(panel, c("white/5"))],
  ["control (white/10)", over(panel, c("white/10"))],
];

const COLOUR = String.raw`(white|black|[a-z]+-\d{2,3}|\[#[0-9a-fA-F]{6}\])(?:/(\d{1,3}))?`;
const TEXT = new RegExp(String.raw`^((?:[a-z-]+:)*)text-${COLOUR}$`);
const BG = new RegExp(String.raw`^((?:[a-z-]+:)*)bg-${COLOUR}$`);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Class lists as written: each quoted string, and each literal piece of a template string between `${…}`. */
function classChunks(source: string): string[][] {
  const strings = [...source.matchAll(/"([^"\n]*)"|'([^'\n]*)'|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
  return strings.flatMap((s) => s.split(/\$\{[^}]*\}/)).map((chunk) => chunk.trim().split(/\s+/));
}

type Finding = { where: string; text: string; on: string; ratio: number };

function measure(file: string, classes: string[]): Finding[] {
  const bgs = classes.map((cls) => BG.exec(cls)).filter((m): m is RegExpExecArray => m !== null && !m[1]!.includes("disabled:"));
  const findings: Finding[] = [];
  for (const cls of classes) {
    const m = TEXT.exec(cls);
    if (!m || m[1]!.includes("disabled:")) continue;
    const text = c(m[3] ? `${m[2]}/${m[3]}` : m[2]!);
    // A class list that paints its own background is measured on it (and on its hover shade); others on every surface.
    const backgrounds: Array<[string, Rgba]> =
      bgs.length > 0 ? bgs.map((bg) => [`${bg[0]} over a panel`, over(panel, c(bg[3] ? `${bg[2]}/${bg[3]}` : bg[2]!))]) : SURFACES;
    for (const [on, background] of backgrounds) findings.push({ where: path.relative(process.cwd(), file), text: cls, on, ratio: contrast(text, background) });
  }
  return findings;
}

describe("the palette", () => {
  const findings = ["components", "app"].flatMap((dir) => sourceFiles(dir)).flatMap((file) => classChunks(readFileSync(file, "utf8")).flatMap((chunk) => measure(file, chunk)));

  it("finds the text colours the portal uses (so the check below is not vacuous)", () => {
    const texts = new Set(findings.map((f) => f.text));
    for (const expected of ["text-white", "text-zinc-400", "text-zinc-300", "text-rose-200"]) expect(texts).toContain(expected);
    expect(findings.some((f) => f.on.startsWith("bg-fuchsia"))).toBe(true);
  });

  it("gives every text colour at least 4.5:1 on the surfaces it sits on (WCAG AA)", () => {
    const failing = findings.filter((f) => f.ratio < AA).map((f) => `${f.where}: ${f.text} on ${f.on} is ${f.ratio.toFixed(2)}:1`);
    expect([...new Set(failing)]).toEqual([]);
  });

  it("measures as Chromium and axe do: white on Tailwind's fuchsia-500 is 3.5:1", () => {
    expect(contrast(c("white"), c("fuchsia-500"))).toBeCloseTo(3.54, 1);
    expect(contrast(c("zinc-500"), over(panel, c("white/5")))).toBeCloseTo(3.4, 1);
  });
});
