import type { Actor } from "../authz";
import { ArcadeError } from "../errors";
import { getGameOrThrow } from "../games";
import type { ControlPlane } from "./create-control-plane";

/**
 * Records a player's heartbeat or departure; open pages hear about it when the player list changes. A beat may
 * carry what the game says the player is doing (`status`, already cut to size; null clears it); leaving clears it.
 */
export function recordPresence(cp: ControlPlane, gameId: string, actor: Actor, kind: "beat" | "leave", status?: string | null): void {
  const game = getGameOrThrow(cp.catalogue, gameId);
  if (actor.kind !== "user") throw new ArcadeError("bad_request:presence", "Presence is reported for a Discord user; send it from a signed-in browser.");
  const changed =
    kind === "beat"
      ? cp.presence.beat(game.id, { id: actor.discordId, name: actor.name, avatarUrl: actor.avatarUrl, status })
      : cp.presence.leave(game.id, actor.discordId);
  if (changed) cp.hub.refresh(game.id);
}
