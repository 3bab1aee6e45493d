/**
 * Where to go after signing in, reduced to a path on this site. Auth.js hands over absolute URLs; anything that
 * could lead elsewhere ("//evil.example", "/\\evil.example", other schemes) becomes a plain path or "/".
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") return "/";
  let url: URL;
  try {
    url = new URL(value.trim(), "http://portal.invalid");
  } catch {
    return "/";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "/";
  const path = `/${url.pathname.replace(/^[/\\]+/, "")}${url.search}${url.hash}`;
  if (path.startsWith("/signin") || path.startsWith("/denied") || path.startsWith("/api/")) return "/";
  return path;
}

/** The sign-in page, remembering where the visitor wanted to go. */
export function signInPath(returnTo: string): string {
  const target = safeCallbackPath(returnTo);
  return target === "/" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(target)}`;
}
