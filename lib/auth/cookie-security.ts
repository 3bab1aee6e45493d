/**
 * Behind a TLS gateway the portal itself speaks http, so the request's scheme says nothing: the public URL decides,
 * and Auth.js's cookies are Secure (and __Secure-/__Host- prefixed) whenever players reach the arcade over https.
 * Without AUTH_URL, Auth.js decides from the request.
 */
export function secureCookiesFor(authUrl: string | undefined): boolean | undefined {
  return authUrl === undefined ? undefined : authUrl.startsWith("https://");
}
