import type { GameView } from "@/lib/api/schemas";

// The manifest's maximum lengths (lib/games/manifest-schema.ts): id 40, name 60, description 500.
export const MAX_ID = 40;
export const MAX_NAME = 60;
export const MAX_DESCRIPTION = 500;
// The acting user's name may be up to 100 characters (lib/api/schemas.ts actingUserSchema).
export const MAX_PLAYER_NAME = 100;

/**
 * Text of exactly `length` characters, heavy on characters that Markdown escaping doubles. Plain BMP characters
 * only, so JavaScript's length (what the manifest's zod schema counts) and Discord's code points agree.
 */
export function longText(seed: string, length: number): string {
  const pattern = `${seed} *_~|>\`é `;
  return Array.from(pattern.repeat(Math.ceil(length / pattern.length)))
    .slice(0, length)
    .join("")
    .replace(/\s$/, "x");
}

/** A game id of exactly 40 characters, unique by `index`. */
export function longId(index: number): string {
  const tail = `-${String(index).padStart(2, "0")}`;
  return `${"g".repeat(MAX_ID - tail.length - 1)}x${tail}`;
}

/** Manifest fields of game `index` at their maximum lengths. */
export function maxLengthManifest(index: number): { id: string; name: string; description: string } {
  return {
    id: longId(index),
    name: longText(`Game ${index}`, MAX_NAME),
    description: longText(`About game ${index}`, MAX_DESCRIPTION),
  };
}

export function manyPlayers(count: number): GameView["players"] {
  return Array.from({ length: count }, (_, i) => ({ id: String(412345678901234567n + BigInt(i)), name: longText(`Player ${i}`, MAX_PLAYER_NAME), avatarUrl: null, status: longText(`Level ${i}`, 40) }));
}

/** A record on each of the 20 boards a game may have, with the longest mode and player names. */
export function manyRecords(): GameView["records"] {
  return Array.from({ length: 20 }, (_, m) => ({
    mode: longText(`mode ${m}`, 32),
    score: 999_999_999,
    name: longText(`Player ${m}`, MAX_PLAYER_NAME),
    avatarUrl: null,
    at: "2026-11-28T10:00:00.000Z",
  }));
}
