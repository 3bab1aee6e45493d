import type { GamePreview } from "../api/game-visibility";
import { describeState } from "./game-state";

/** A game's live state in a link preview: "ready · 2 playing", "stopped". */
export function describeLiveState(preview: Pick<GamePreview, "state" | "playerCount">): string {
  const state = describeState(preview.state).label.toLowerCase();
  return preview.playerCount > 0 ? `${state} · ${preview.playerCount} playing` : state;
}

/** The description under a game's link: its state now, then what the game is. */
export function describeGameLink(preview: GamePreview): string {
  const live = describeLiveState(preview);
  const now = `${live.charAt(0).toUpperCase()}${live.slice(1)}.`;
  return preview.description ? `${now} ${preview.description}` : now;
}

/** The description under the portal's link: every game with its state, e.g. "Snake: ready · 2 playing · Chess: stopped". */
export function describePortalLink(previews: GamePreview[]): string {
  const intro = "Our games, one click away.";
  const parts: string[] = [];
  for (const [index, preview] of previews.entries()) {
    const part = `${preview.name}: ${describeLiveState(preview)}`;
    const rest = previews.length - index;
    // Link previews show about 300 characters; the rest of a long catalogue is counted, not cut mid-name.
    if (intro.length + [...parts, part].join(" · ").length > PREVIEW_CHARS) {
      parts.push(`${rest} more`);
      break;
    }
    parts.push(part);
  }
  return parts.length === 0 ? intro : `${intro} ${parts.join(" · ")}`;
}

const PREVIEW_CHARS = 280;
