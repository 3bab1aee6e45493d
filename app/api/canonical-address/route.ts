import { readSitePolicyEnv } from "@/lib/env";
import { atPublicAddress, AWAY_PATH_HEADER } from "@/lib/security/canonical-address";

/**
 * Where proxy.ts sends a page view that arrived at another address than AUTH_URL: a 307 to the same path there.
 * The redirect is answered here and not by the proxy because Next.js rewrites a proxy's Location to a relative
 * one whenever its host equals the one Next.js itself listens as (localhost in the demo), which would loop.
 * 307, not 308: a permanent redirect would outlive a change of AUTH_URL in browsers' caches.
 */
export function GET(request: Request) {
  const target = atPublicAddress(request.headers.get(AWAY_PATH_HEADER), readSitePolicyEnv().authUrl);
  if (!target) return Response.json({ error: { code: "not_found:address", message: "Nothing to redirect to: this route answers the page views proxy.ts sends it, with AUTH_URL set." } }, { status: 404 });
  return new Response(null, { status: 307, headers: { location: target, "cache-control": "no-store" } });
}

export const HEAD = GET;
