import { toStatusText } from "@/lib/scores/status-text";

/** What a game may tell the portal (protocol version 1, docs/games.md). */
export type GameMessage = { type: "ready" } | { type: "score"; score: number; mode: string | null } | { type: "status"; text: string | null };

/**
 * Why a message was not taken: not from our frame, from our frame but another origin, not the protocol, or a score
 * while too many wait already.
 */
export type IgnoredReason = "source" | "origin" | "protocol" | "flood";

export type ReadResult = { ok: true; message: GameMessage } | { ok: false; reason: IgnoredReason };

type Envelope = { source: unknown; origin: string; data: unknown };

const MAX_MODE_LENGTH = 32;

function parse(data: unknown): GameMessage | null {
  if (typeof data !== "object" || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.cartofia !== 1) return null;
  switch (message.type) {
    case "ready":
      return { type: "ready" };
    case "score": {
      const { score, mode } = message;
      if (typeof score !== "number" || !Number.isSafeInteger(score) || score < 0) return null;
      if (mode !== undefined && mode !== null && (typeof mode !== "string" || mode.length > MAX_MODE_LENGTH)) return null;
      return { type: "score", score: score + 0, mode: mode ? mode : null };
    }
    case "status":
      return typeof message.text === "string" ? { type: "status", text: toStatusText(message.text) } : null;
    default:
      return null;
  }
}

/**
 * Takes a `message` event only from the frame the page created (`event.source` is its window) and from the game's
 * own origin in the catalogue: another frame, the page itself, or the frame after it navigated elsewhere are all
 * refused, whatever they say. Who scored is never read from the message: the portal credits the signed-in player.
 */
export function readGameMessage(event: Envelope, frame: { window: unknown; origin: string | null }): ReadResult {
  if (frame.window === null || frame.window === undefined || event.source !== frame.window) return { ok: false, reason: "source" };
  if (frame.origin === null || event.origin !== frame.origin) return { ok: false, reason: "origin" };
  const message = parse(event.data);
  return message ? { ok: true, message } : { ok: false, reason: "protocol" };
}

/** The portal's answer, so a game can greet the player: sent at frame load and in answer to each `ready`. */
export function helloMessage(player: { name: string; avatarUrl: string | null }) {
  return { cartofia: 1, type: "hello", player: { name: player.name, avatarUrl: player.avatarUrl } } as const;
}
