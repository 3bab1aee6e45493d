import type { Catalogue } from "../games";

/** The outside origins the portal's pages use; everything else is refused by the Content-Security-Policy. */
export type SitePolicy = {
  /** Where the games are framed from (each game's `url`). */
  frameOrigins: string[];
  /** Avatars (Discord's CDN, or the simulator) and card pictures a game.json names by URL. */
  imageOrigins: string[];
  /** Sign-in forms end on Discord's authorize page. */
  formOrigins: string[];
  /** The public URL is https: ask browsers to upgrade any stray http request. */
  https: boolean;
};

function originsOf(urls: Array<string | undefined>): string[] {
  const origins = urls.filter((u): u is string => u !== undefined && /^https?:\/\//.test(u)).map((u) => new URL(u).origin);
  return [...new Set(origins)].sort();
}

/** The policy for one catalogue and configuration. */
export function buildSitePolicy(catalogue: Catalogue, env: { authUrl: string | undefined; discordApiUrl: string; discordCdnUrl: string }): SitePolicy {
  return {
    frameOrigins: originsOf(catalogue.games.map((g) => g.url)),
    imageOrigins: originsOf([env.discordCdnUrl, ...catalogue.games.map((g) => g.image)]),
    formOrigins: originsOf([env.discordApiUrl]),
    https: env.authUrl?.startsWith("https://") ?? false,
  };
}

const sources = (origins: string[]) => origins.map((o) => ` ${o}`).join("");

/**
 * The Content-Security-Policy of a page. Scripts: only the portal's own files and inline scripts carrying this
 * request's nonce (Next.js reads the nonce back from this header and puts it on its own scripts). Style
 * attributes (sizes of avatars, the boot progress bar) cannot carry a nonce and cannot run code: they are the one
 * inline allowance. Framing the portal is allowed only to itself (clickjacking).
 */
export function contentSecurityPolicy(policy: SitePolicy, nonce: string): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    `img-src 'self'${sources(policy.imageOrigins)}`,
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${policy.frameOrigins.length > 0 ? policy.frameOrigins.join(" ") : "'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${sources(policy.formOrigins)}`,
    "frame-ancestors 'self'",
  ];
  if (policy.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** The nonce of a page's policy (the request header proxy.ts sets), for the page's own inline script. */
export function nonceOf(policy: string | null): string | undefined {
  return policy?.match(/'nonce-([A-Za-z0-9+/=_-]+)'/)?.[1];
}

/**
 * Browser features: the game frame keeps autoplay, fullscreen and gamepad (the iframe's `allow` can only pass on
 * what the page itself may use); the rest of the powerful ones are off for everyone.
 */
export function permissionsPolicy(policy: SitePolicy): string {
  const games = `(self${policy.frameOrigins.map((o) => ` "${o}"`).join("")})`;
  return [`autoplay=${games}`, `fullscreen=${games}`, `gamepad=${games}`, "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"].join(", ");
}

/** Headers every response carries, pages or not (next.config.ts); pages add the CSP above through proxy.ts. */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/** API answers are data: nothing in them may load anything, and no page may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'self'";
/** Any other response without its own policy (server-action answers, static files) still refuses framing. */
export const FALLBACK_CONTENT_SECURITY_POLICY = "frame-ancestors 'self'";

/** True when every %-escape of a path is two hex digits and decodes to UTF-8 (Next.js answers 500 otherwise). */
export function isWellEncodedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
