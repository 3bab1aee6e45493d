/**
 * One address for the portal's pages: AUTH_URL's. Sign-in cannot work at another one (http://127.0.0.1:3000 when
 * AUTH_URL is http://localhost:3000, or the portal CT's own address behind the gateway): the cookies of the OAuth
 * round trip (state, PKCE) are set for the host the browser is on, and Discord sends the browser back to AUTH_URL,
 * which does not have them. So every page view elsewhere is sent to AUTH_URL before sign-in can start.
 */

/** The header in which proxy.ts hands the path of a page view away from AUTH_URL to the route that redirects it. */
export const AWAY_PATH_HEADER = "x-arcade-away-path";

type PageRequest = { method: string; host: string | null; pathname: string };

/**
 * Whether a request is a page view at another host than AUTH_URL's. Only page views (GET/HEAD outside /api/)
 * move: API clients such as the bot may use any address, and the gateway forwards the public Host, so through it
 * nothing moves. Never without AUTH_URL (then the portal is wherever the browser found it).
 */
export function isAwayFromPublicAddress(request: PageRequest, publicUrl: string | undefined): boolean {
  const home = parse(publicUrl);
  if (!home || request.host === null) return false;
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.pathname === "/api" || request.pathname.startsWith("/api/")) return false;
  return !sameHost(request.host, home);
}

/** A path on this site ("/play/snake?x=1") at AUTH_URL's origin; null for anything that is not a local path. */
export function atPublicAddress(path: string | null, publicUrl: string | undefined): string | null {
  const home = parse(publicUrl);
  if (!home || path === null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  const target = parse(`${home.origin}${path}`);
  return target && target.origin === home.origin ? target.toString() : null;
}

function parse(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

// The Host header carries the port only when it is not the scheme's default, as URL.host does; compare the same way
// (for the http the portal itself speaks, and the https of the public URL behind a TLS-terminating gateway).
function sameHost(hostHeader: string, home: URL): boolean {
  const host = hostHeader.trim().toLowerCase();
  return host === home.host || host === `${home.hostname}:${home.protocol === "https:" ? "443" : "80"}`;
}
