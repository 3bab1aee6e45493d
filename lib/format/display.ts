/** Initials for an avatar without a picture: "Demo Player" → "DP", "alex" → "A". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/[\s._-]+/).filter(Boolean);
  const letters = words.slice(0, 2).map((w) => Array.from(w)[0] ?? "");
  const joined = letters.join("").toUpperCase();
  return joined === "" ? "?" : joined;
}

/** "16/9" → numbers for CSS; anything odd falls back to 16/9 rather than a broken frame. */
export function parseAspectRatio(value: string): { width: number; height: number } {
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(value.trim());
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (!match || width <= 0 || height <= 0) return { width: 16, height: 9 };
  return { width, height };
}

/** Bytes as people read them: "41 MiB", "1.5 GiB". */
export function formatBytes(bytes: number): string {
  const mib = bytes / 1024 / 1024;
  if (mib < 1) return `${Math.round(bytes / 1024)} KiB`;
  if (mib < 1024) return `${Math.round(mib)} MiB`;
  return `${(mib / 1024).toFixed(1)} GiB`;
}

/** Proxmox reports CPU as a fraction of the CT's cores; show it as a percentage with one decimal. */
export function formatCpu(fraction: number): string {
  return `${(Math.max(0, fraction) * 100).toFixed(1)} %`;
}

/** A network rate from rrddata (bytes per second): "820 B/s", "1.9 KiB/s", "3.2 MiB/s". */
export function formatRate(bytesPerSec: number): string {
  const b = Math.max(0, bytesPerSec);
  if (b < 1024) return `${Math.round(b)} B/s`;
  if (b < 1024 * 1024) return `${(b / 1024).toFixed(1)} KiB/s`;
  return `${(b / 1024 / 1024).toFixed(1)} MiB/s`;
}

/** Who has a game open, in a sentence: "Alex is playing", "Alex and Sam are playing", "Alex, Sam and 2 others are playing". */
export function describePlayers(names: string[], total = names.length): string | null {
  if (names.length === 0) return null;
  if (total === 1) return `${names[0]} is playing`;
  if (total === 2 && names.length === 2) return `${names[0]} and ${names[1]} are playing`;
  const others = total - Math.min(2, names.length);
  return `${names[0]}, ${names[1]} and ${others} other${others === 1 ? "" : "s"} are playing`;
}
