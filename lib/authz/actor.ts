/** Who is asking, and from where. The same shapes for the web, the HTTP API and the bot. */
export type Source = "web" | "discord" | "api" | "auto";

export type UserActor = {
  kind: "user";
  discordId: string;
  name: string;
  avatarUrl: string | null;
  roles: string[];
  isGuildOwner: boolean;
};

export type Actor = UserActor | { kind: "token"; name: string } | { kind: "system"; name: string };

/** What events remember about an actor. */
export type ActorRef = { kind: Actor["kind"]; id: string | null; name: string };

export const SYSTEM_ACTOR: Actor = { kind: "system", name: "Cartofia Arcade" };

export function toActorRef(actor: Actor): ActorRef {
  if (actor.kind === "user") return { kind: "user", id: actor.discordId, name: actor.name };
  return { kind: actor.kind, id: null, name: actor.name };
}
