import { createHmac } from "node:crypto";

/**
 * An opaque, stable id for a player on the leaderboards: the same person gets the same key everywhere (so a page
 * can mark its own rows), but it cannot be turned back into their Discord id without the server's secret.
 */
export function playerKey(secret: string, discordId: string): string {
  return createHmac("sha256", secret).update(`cartofia-arcade/leaderboard-player/${discordId}`).digest("base64url").slice(0, 16);
}
