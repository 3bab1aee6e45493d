import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Actor, Source, UserActor } from "../authz";
import { ArcadeError } from "../errors";
import { ACTING_USER_HEADER, actingUserSchema } from "./schemas";

export type Caller = { actor: Actor; source: Source };

/** What Discord says, asked with the bot token, about the user the bot names: the same lookup as a web login. */
export type ActingUserCheck = { status: "member"; actor: UserActor } | { status: "not_member" } | { status: "error"; reason: string };

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// Only the id is read: names, roles, ownership and avatars claimed in the header are not believed.
const actingIdSchema = z.object({ id: z.string().regex(/^\d{17,20}$/) }).loose();

function decodeActingUserId(value: string): string {
  try {
    return actingIdSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8"))).id;
  } catch (error) {
    throw new ArcadeError("bad_request:acting_user", `The ${ACTING_USER_HEADER} header does not name a Discord user (base64url JSON with an "id").`, { cause: error });
  }
}

/**
 * Authenticates `Authorization: Bearer <ARCADE_API_TOKEN>`. The token is an admin; with an acting-user header
 * (the bot) the request is judged as that Discord user, looked up in Discord exactly as for a web login: roles,
 * ownership, name and avatar come from Discord, and a user who is not in the server is refused. Null without a
 * bearer.
 */
export async function authenticateBearer(
  request: Request,
  apiToken: string | undefined,
  checkActingUser: (discordId: string) => Promise<ActingUserCheck>,
): Promise<Caller | null> {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) throw new ArcadeError("unauthorized:scheme", "Use Authorization: Bearer <token>.");
  if (!apiToken || !sameSecret(match[1]!, apiToken)) {
    throw new ArcadeError("unauthorized:token", "The API token is not valid.");
  }
  const acting = request.headers.get(ACTING_USER_HEADER);
  if (!acting) return { actor: { kind: "token", name: "API token" }, source: "api" };
  const check = await checkActingUser(decodeActingUserId(acting));
  if (check.status === "not_member") {
    throw new ArcadeError("forbidden:not_member", "The Discord user the bot acts for is not a member of the arcade's Discord server.");
  }
  if (check.status === "error") {
    throw new ArcadeError("unavailable:discord", "Discord could not be asked whether the user the bot acts for is a member; try again in a minute.", { cause: check.reason });
  }
  return { actor: check.actor, source: "discord" };
}

/** Encodes the acting-user header the bot sends (the portal reads only the id from it). */
export function encodeActingUser(user: { id: string; name: string; avatarUrl?: string | null; roles: string[]; isGuildOwner: boolean }): string {
  return Buffer.from(JSON.stringify(actingUserSchema.parse(user))).toString("base64url");
}
