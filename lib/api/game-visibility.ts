import { createHmac, randomBytes } from "node:crypto";
import { type Actor, type AuthzConfig, can } from "../authz";
import { IDLE_REASON } from "./idle-reason";
import type { GameView } from "./schemas";

type ActorRef = NonNullable<GameView["by"]>;

/**
 * Who is looking: `full` for those who may read the audit (admins, the bare API token), who see UPIDs, who did
 * what and Proxmox's own words; a `member` (a web session or the bot acting for one) sees a game as a player does.
 */
export type Viewer = { full: true } | { full: false; discordId: string | null };

export const FULL_VIEW: Viewer = { full: true };
/** What any member sees: for surfaces every member of the Discord server reads (the bot's channel posts). */
export const MEMBER_VIEW: Viewer = { full: false, discordId: null };

/** The viewer for an authenticated caller: the same rule on every surface (API, pages, the event stream). */
export function viewerFor(actor: Actor, authz: AuthzConfig): Viewer {
  if (can(actor, "audit:view", authz)) return FULL_VIEW;
  return { full: false, discordId: actor.kind === "user" ? actor.discordId : null };
}

// Player ids a member sees are stable for the process but are not Discord ids (they cannot be looked up).
const playerKey = randomBytes(32);
function opaquePlayerId(discordId: string): string {
  return `p_${createHmac("sha256", playerKey).update(discordId).digest("base64url").slice(0, 16)}`;
}

/**
 * Why a game failed or cannot be seen, as a player needs to hear it. The lifecycle's reasons name Proxmox URLs,
 * CT numbers, fingerprints and probe addresses; those are for admins. An unknown reason falls back to a generic
 * sentence, never to the original text.
 */
export function friendlyReason(state: GameView["state"], reason: string | null): string | null {
  if (reason === null) return null;
  if (state === "failed") {
    if (/^game not answering\b/i.test(reason)) return "The game did not answer in time.";
    if (/did not report running in time/i.test(reason)) return "The game's server did not come up in time.";
    if (/^could not (shut down|stop)\b/i.test(reason)) return "The game's server could not be stopped.";
    return "The game's server could not be started.";
  }
  if (state === "stopping" || state === "stopped") {
    // The idle auto-stop's own words ("nobody played for 30 min") name nothing internal: players may read them.
    return IDLE_REASON.test(reason) ? reason : null;
  }
  if (state === "unknown") {
    if (/is not in the Proxmox cluster/i.test(reason)) return "The game's server is not set up yet.";
    if (/node .* is not reporting/i.test(reason)) return "The machine that hosts this game is not reporting right now.";
    return "The game servers cannot be reached right now.";
  }
  return null;
}

/**
 * What one viewer may see of a game's view: the one function every surface calls (GET /api/v1/games[/id], the
 * pages' props, the event stream's snapshot and status frames, the answers to play and power). Members get
 * display names and friendly reasons; UPIDs, other people's Discord ids and their avatar URLs (which carry the
 * id) stay out.
 */
export function visibleGameView(view: GameView, viewer: Viewer): GameView {
  if (viewer.full) return view;
  const self = viewer.discordId;
  const actor = (by: ActorRef): ActorRef => ({ kind: by.kind, id: by.kind === "user" && by.id === self ? self : null, name: by.name });
  return {
    ...view,
    upid: null,
    reason: friendlyReason(view.state, view.reason),
    by: view.by && actor(view.by),
    players: view.players.map((p) => (p.id === self ? p : { ...p, id: opaquePlayerId(p.id), avatarUrl: null })),
    scheduledShutdown: view.scheduledShutdown && { at: view.scheduledShutdown.at, by: actor(view.scheduledShutdown.by) },
    // A record names its holder by display name; the picture (a Discord avatar URL carries the id) stays out.
    records: view.records.map((record) => ({ ...record, avatarUrl: null })),
  };
}

/** What anyone may see of a game, signed in or not (link previews): its catalogue face and how it is doing. */
export type GamePreview = Pick<GameView, "id" | "name" | "description" | "imageUrl" | "state" | "playerCount">;

/**
 * A game as a link preview shows it to whoever fetches the link (Discord's crawler comes without a session): the
 * catalogue's name, description and picture, the state and how many play. No names, reasons, nodes or CT numbers.
 */
export function previewOf(view: GameView): GamePreview {
  return { id: view.id, name: view.name, description: view.description, imageUrl: view.imageUrl, state: view.state, playerCount: view.playerCount };
}
