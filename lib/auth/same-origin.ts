/**
 * Whether a cookie-carrying mutation comes from the portal's own pages. The whole origin counts (scheme, host,
 * port): with AUTH_URL set it must be that public origin, whatever X-Forwarded-* headers say (AUTH_URL is how the
 * gateway is configured); without it, the origin the request was sent to (Host, over the portal's own http). A
 * missing Origin passes only when the browser does not say the request is cross-site or same-site: the game
 * subdomains are same-site, and SameSite=Lax cookies do not stop them.
 */
export function isSameOrigin(request: Request, publicUrl: string | undefined): boolean {
  const origin = request.headers.get("origin");
  if (!origin) {
    const site = request.headers.get("sec-fetch-site");
    return site === null || site === "same-origin" || site === "none";
  }
  return origin === expectedOrigin(request, publicUrl);
}

function expectedOrigin(request: Request, publicUrl: string | undefined): string | null {
  try {
    if (publicUrl) return new URL(publicUrl).origin;
    const host = request.headers.get("host");
    return host ? new URL(`http://${host}`).origin : null;
  } catch {
    return null;
  }
}
