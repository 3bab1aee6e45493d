import { timingSafeEqual } from "node:crypto";
import type { Actor, Source } from "../authz";
import { ArcadeError } from "../errors";
import { ACTING_USER_HEADER, actingUserSchema } from "./schemas";

export type Caller = { actor: Actor; source: Source };

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function decodeActingUser(value: string) {
  try {
    return actingUserSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
  } catch (error) {
    throw new ArcadeError("bad_request:acting_user", `The ${ACTING_USER_HEADER} header is not a valid Discord user.`, { cause: error });
  }
}

/**
 * Authenticates `Authorization: Bearer <ARCADE_API_TOKEN>`. The token is an admin; with an acting-user header
 * (the bot) the request is judged by that Discord user's permissions instead. Returns null without a bearer.
 */
export function authenticateBearer(request: Request, apiToken: string | undefined): Caller | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) throw new ArcadeError("unauthorized:scheme", "Use Authorization: Bearer <token>.");
  if (!apiToken || !sameSecret(match[1]!, apiToken)) {
    throw new ArcadeError("unauthorized:token", "The API token is not valid.");
  }
  const acting = request.headers.get(ACTING_USER_HEADER);
  if (!acting) return { actor: { kind: "token", name: "API token" }, source: "api" };
  const user = decodeActingUser(acting);
  return {
    actor: { kind: "user", discordId: user.id, name: user.name, avatarUrl: user.avatarUrl ?? null, roles: user.roles, isGuildOwner: user.isGuildOwner },
    source: "discord",
  };
}

/** Encodes the acting-user header the bot sends. */
export function encodeActingUser(user: { id: string; name: string; avatarUrl?: string | null; roles: string[]; isGuildOwner: boolean }): string {
  return Buffer.from(JSON.stringify(actingUserSchema.parse(user))).toString("base64url");
}
