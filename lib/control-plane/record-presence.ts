import type { Actor } from "../authz";
import { ArcadeError } from "../errors";
import { getGameOrThrow } from "../games";
import type { ControlPlane } from "./create-control-plane";

/** Records a player's heartbeat or departure; open pages hear about it when the player list changes. */
export function recordPresence(cp: ControlPlane, gameId: string, actor: Actor, kind: "beat" | "leave"): void {
  const game = getGameOrThrow(cp.catalogue, gameId);
  if (actor.kind !== "user") throw new ArcadeError("bad_request:presence", "Presence is reported for a Discord user; send it from a signed-in browser.");
  const changed =
    kind === "beat"
      ? cp.presence.beat(game.id, { id: actor.discordId, name: actor.name, avatarUrl: actor.avatarUrl })
      : cp.presence.leave(game.id, actor.discordId);
  if (changed) cp.hub.refresh(game.id);
}
