// The game's frame is in the play page's HTML, so a quick game can load and speak (`ready`, a first `status`)
// before React has hydrated the page and `useGameMessages` listens. This page-level script listens from the
// start and keeps what arrives; the hook takes it over, and checks every message as it checks live ones.

const GLOBAL = "__cartofiaEarlyMessages";
// Enough for a game's first words; a frame that floods the page before it starts gets no more room.
const MAX_KEPT = 50;

const script = `(() => {
  const kept = [];
  const keep = (event) => { if (kept.length < ${MAX_KEPT}) kept.push(event); };
  addEventListener("message", keep);
  window.${GLOBAL} = () => { removeEventListener("message", keep); return kept.splice(0); };
})();`;

/**
 * Rendered before the game frame in the server's HTML, with the page's CSP nonce. After a client-side navigation
 * React does not run it, and need not: the frame is then created after the hook listens.
 */
export function EarlyGameMessages({ nonce }: { nonce: string | undefined }) {
  // The browser hides a nonce from the DOM after use, so hydration sees an empty one.
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: script }} />;
}

/** The messages that arrived before the portal's page listened, once; from then on the page hears them itself. */
export function takeEarlyMessages(): MessageEvent[] {
  const host = window as unknown as Record<string, (() => MessageEvent[]) | undefined>;
  const take = host[GLOBAL];
  if (!take) return [];
  delete host[GLOBAL];
  return take();
}
