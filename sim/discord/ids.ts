import { randomBytes, randomInt } from "node:crypto";

const DISCORD_EPOCH_MS = 1_420_070_400_000n;
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

let increment = 0n;

/** A fresh snowflake with Discord's layout (ms since 2015 << 22 | worker | process | increment). */
export function generateSnowflake(now = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  const worker = 1n << 17n;
  return (((BigInt(now) - DISCORD_EPOCH_MS) << 22n) | worker | increment).toString();
}

/** The creation time encoded in a snowflake, as an ISO string (what joined_at-like fields look like). */
export function isoTimestampOf(snowflake: string): string {
  return new Date(Number((BigInt(snowflake) >> 22n) + DISCORD_EPOCH_MS)).toISOString();
}

/** Random letters and digits, the alphabet of Discord OAuth codes and tokens. */
export function generateAlphanumeric(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

/** An interaction token: Discord's are long base64url strings that start with "interaction:" encoded. */
export function generateInteractionToken(interactionId: string): string {
  const payload = `interaction:${interactionId}:${randomBytes(96).toString("base64url")}`;
  return Buffer.from(payload).toString("base64url");
}

/** A gateway session id (32 hex chars, like Discord's). */
export function generateSessionId(): string {
  return randomBytes(16).toString("hex");
}
