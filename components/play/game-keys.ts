// Keys that scroll a page. While a game is shown they belong to the game, even when the portal has focus.
const SCROLL_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", " ", "PageUp", "PageDown", "Home", "End"]);

/** What has the portal's focus, as far as scroll keys care: a field types them, a button or summary takes Space. */
export type PortalFocus = "field" | "activates-on-space" | "other";

type Key = { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean };

/**
 * Whether a key pressed while the portal (not the game) has focus should be kept from scrolling and handed to the
 * game. Fields keep every key (caret, choices); buttons and summaries keep Space, which activates them; links
 * and the page itself keep nothing, since Space on a link only scrolls. Modified keys stay the browser's (Alt+←).
 */
export function gameClaimsKey(event: Key, focus: PortalFocus): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || !SCROLL_KEYS.has(event.key)) return false;
  if (focus === "field") return false;
  return !(focus === "activates-on-space" && event.key === " ");
}

/** Classifies the focused element (or the key's target) for `gameClaimsKey`. */
export function portalFocusOf(target: EventTarget | null): PortalFocus {
  const element = target as Element | null;
  if (!element?.closest) return "other";
  if (element.closest("input, select, textarea, [contenteditable]:not([contenteditable=false])")) return "field";
  if (element.closest("button, summary, [role=button]")) return "activates-on-space";
  return "other";
}
