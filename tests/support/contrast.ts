import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** An sRGB colour with channels 0..1 and an alpha. */
export type Rgba = { r: number; g: number; b: number; a: number };

// OKLCH -> OKLab -> linear sRGB (Björn Ottosson's matrices, as CSS Color 4 specifies), then the sRGB curve.
function oklchToRgb(l: number, c: number, hDeg: number): Rgba {
  const h = (hDeg * Math.PI) / 180;
  const a = c * Math.cos(h);
  const b = c * Math.sin(h);
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const linear = [
    4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
    -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
    -0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_,
  ];
  // Chromium clips out-of-gamut colours channel by channel; so does this, to measure what is on screen.
  const [r, g, bl] = linear.map((v) => {
    const x = Math.min(1, Math.max(0, v));
    return x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055;
  });
  return { r: r!, g: g!, b: bl!, a: 1 };
}

/** Tailwind's palette (`--color-<name>-<shade>`) from the installed tailwindcss, plus white and black. */
export function loadPalette(): Map<string, Rgba> {
  const require = createRequire(import.meta.url);
  const css = readFileSync(path.join(path.dirname(require.resolve("tailwindcss/package.json")), "theme.css"), "utf8");
  const palette = new Map<string, Rgba>([
    ["white", { r: 1, g: 1, b: 1, a: 1 }],
    ["black", { r: 0, g: 0, b: 0, a: 1 }],
  ]);
  for (const m of css.matchAll(/--color-([a-z]+-\d+):\s*oklch\(([\d.]+)%\s+([\d.]+)\s+([\d.]+)\)/g)) {
    palette.set(m[1]!, oklchToRgb(Number(m[2]) / 100, Number(m[3]), Number(m[4])));
  }
  return palette;
}

/** A colour as Tailwind names it, "zinc-400" or "white/10", from the palette. */
export function colour(palette: Map<string, Rgba>, token: string): Rgba {
  const [name, alpha] = token.split("/");
  const base = palette.get(name!) ?? (name!.startsWith("#") ? hex(name!) : undefined);
  if (!base) throw new Error(`no colour ${token} in the palette`);
  return { ...base, a: alpha === undefined ? 1 : Number(alpha) / 100 };
}

function hex(value: string): Rgba {
  const n = Number.parseInt(value.slice(1), 16);
  return { r: ((n >> 16) & 255) / 255, g: ((n >> 8) & 255) / 255, b: (n & 255) / 255, a: 1 };
}

/** Paints layers bottom first (the first must be opaque) and returns what shows. */
export function over(...layers: Rgba[]): Rgba {
  return layers.slice(1).reduce((below, top) => ({
    r: top.r * top.a + below.r * (1 - top.a),
    g: top.g * top.a + below.g * (1 - top.a),
    b: top.b * top.a + below.b * (1 - top.a),
    a: 1,
  }), layers[0]!);
}

function luminance(c: Rgba): number {
  const lin = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** WCAG 2 contrast ratio of text (possibly translucent) on an opaque background. */
export function contrast(text: Rgba, background: Rgba): number {
  const fg = over(background, text);
  const [hi, lo] = [luminance(fg), luminance(background)].sort((a, b) => b - a);
  return (hi! + 0.05) / (lo! + 0.05);
}
