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

/** A time as Discord writes it: ISO 8601 with microseconds and an explicit offset, `2017-03-13T19:19:14.040000+00:00`. */
export function discordTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, "000+00:00");
}

/** The creation time encoded in a snowflake, as Discord writes times (what joined_at-like fields look like). */
export function isoTimestampOf(snowflake: string): string {
  return discordTimestamp(Number((BigInt(snowflake) >> 22n) + DISCORD_EPOCH_MS));
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
