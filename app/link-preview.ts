import type { Metadata } from "next";
import { headers } from "next/headers";
import { type GamePreview, previewOf } from "@/lib/api/game-visibility";
import { getControlPlane } from "@/lib/control-plane";
import { describeGameLink, describePortalLink } from "@/lib/format/link-preview";

const SITE = "Cartofia Arcade";

/** The game a path of the portal leads to ("/play/snake" → snake), if it is one of the catalogue's. */
export function gameOfPath(path: string): GamePreview | null {
  const id = /^\/play\/([a-z0-9-]+)\/?(?:[?#].*)?$/.exec(path)?.[1];
  const cp = getControlPlane();
  return id && cp.catalogue.byId.has(id) ? previewOf(cp.hub.view(id)) : null;
}

// Link previews need absolute URLs. AUTH_URL is the public address; without it, the one the request came to.
async function publicOrigin(): Promise<string> {
  const configured = getControlPlane().env.auth.url;
  if (configured) return new URL(configured).origin;
  return `http://${(await headers()).get("host") ?? "localhost"}`;
}

function pictureOf(game: GamePreview, origin: string): string {
  // A picture named by URL in game.json is shown as it is; a picture file (often an SVG, which link previews do
  // not show) and a game without one get a 1200×630 PNG rendered by the portal.
  if (game.imageUrl && /^https?:\/\//.test(game.imageUrl)) return game.imageUrl;
  return `${origin}/api/v1/games/${game.id}/preview-image`;
}

/**
 * Open Graph and Twitter card tags for a link to `path` on the portal, as a chat app's crawler sees it without
 * a session: a game's picture, name and live state, or the portal with every game's state. Only what
 * `previewOf` lets anyone see.
 */
export async function linkPreview(path: string): Promise<Metadata> {
  const origin = await publicOrigin();
  const game = gameOfPath(path);
  if (game) {
    const description = describeGameLink(game);
    const image = { url: pictureOf(game, origin), width: 1200, height: 630, alt: game.name };
    return {
      description,
      openGraph: { type: "website", siteName: SITE, title: game.name, description, url: `${origin}/play/${game.id}`, images: [image] },
      twitter: { card: "summary_large_image", title: game.name, description, images: [image] },
    };
  }
  const description = describePortalLink(getControlPlane().hub.views().map(previewOf));
  return {
    description,
    openGraph: { type: "website", siteName: SITE, title: SITE, description, url: `${origin}/` },
    twitter: { card: "summary", title: SITE, description },
  };
}
