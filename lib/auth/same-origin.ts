/**
 * Whether a cookie-carrying mutation comes from the portal's own pages. Browsers send Origin on every cross-site
 * POST; a missing one comes from non-browser clients. The origin must be the public one from AUTH_URL (behind the
 * gateway), scheme included, or name the host the request was sent to (the portal opened directly).
 */
export function isSameOrigin(request: Request, publicUrl: string | undefined): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    if (publicUrl && new URL(origin).origin === new URL(publicUrl).origin) return true;
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
