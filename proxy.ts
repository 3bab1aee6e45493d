import { randomBytes } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { readSitePolicyEnv } from "@/lib/env";
import { loadCatalogue } from "@/lib/games";
import { AWAY_PATH_HEADER, isAwayFromPublicAddress } from "@/lib/security/canonical-address";
import { buildSitePolicy, contentSecurityPolicy, isWellEncodedPath, permissionsPolicy, type SitePolicy } from "@/lib/security/site-policy";

// The catalogue is read once per process, as the control plane does; a changed catalogue needs a restart anyway.
let sitePolicy: SitePolicy | undefined;
function currentPolicy(): SitePolicy {
  const env = readSitePolicyEnv();
  sitePolicy ??= buildSitePolicy(loadCatalogue(env.gamesDir), env);
  return sitePolicy;
}

function badPath(pathname: string): Response {
  const message = "The address has a broken %-escape; encode it with encodeURIComponent.";
  if (pathname.startsWith("/api/")) return Response.json({ error: { code: "bad_request:path", message } }, { status: 400 });
  return new Response(`400 Bad Request: ${message}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Runs before every page (and every request with a broken path): refuses a path whose %-escapes do not decode,
 * sends a page view at another address of the portal to the public one (AUTH_URL: sign-in works only there),
 * and gives each page a fresh nonce and its Content-Security-Policy and Permissions-Policy. Requests with a body
 * skip it (see `config`): Next.js would buffer their bodies for the proxy before the routes could refuse them.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = new URL(request.url);
  if (!isWellEncodedPath(pathname)) return badPath(pathname);
  if (pathname.startsWith("/api/")) return NextResponse.next();
  if (isAwayFromPublicAddress({ method: request.method, host: request.headers.get("host"), pathname }, readSitePolicyEnv().authUrl)) {
    // The path travels in a header: after a rewrite, the route's own URL may still show the original one.
    const headers = new Headers(request.headers);
    headers.set(AWAY_PATH_HEADER, `${pathname}${search}`);
    return NextResponse.rewrite(new URL("/api/canonical-address", request.url), { request: { headers } });
  }
  const policy = currentPolicy();
  const csp = contentSecurityPolicy(policy, randomBytes(16).toString("base64"));
  const headers = new Headers(request.headers);
  // Next.js takes the nonce for its own scripts from the request's policy header.
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("permissions-policy", permissionsPolicy(policy));
  return response;
}

export const config = {
  matcher: [
    // Requests without a body: pages, API reads, body-less POSTs (browsers send Content-Length: 0).
    { source: "/((?!_next/static|_next/image).*)", missing: [{ type: "header", key: "content-length" }, { type: "header", key: "transfer-encoding" }] },
    { source: "/((?!_next/static|_next/image).*)", has: [{ type: "header", key: "content-length", value: "0" }], missing: [{ type: "header", key: "transfer-encoding" }] },
    // Any request whose path has a % not followed by two hex digits, body or not.
    { source: "/(.*%(?![0-9A-Fa-f]{2}).*)" },
  ],
};
