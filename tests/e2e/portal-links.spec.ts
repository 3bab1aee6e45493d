import { getGameOrThrow, loadCatalogue } from "@/lib/games";
import { SignInPage } from "./pages/sign-in-page";
import { ensureReady, ensureStopped, stackEnv } from "./support/portal-stack";
import { type Acting, callApi } from "./support/stack-client";
import { expect, test } from "./support/test";

const brickBlitz = getGameOrThrow(loadCatalogue("games-demo"), "brick-blitz");
// sim/discord/demo-config.json
const PLAYER: Acting = { id: "412345678901234567", name: "Demo Player", roles: [] };
const ADMIN: Acting = { id: "523456789012345678", name: "Demo Admin", roles: [] };
// Discord's link-preview crawler: no cookies, this user agent.
const DISCORDBOT = "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)";

const entities: Record<string, string> = { amp: "&", quot: '"', "#x27": "'", "#39": "'", lt: "<", gt: ">" };
/** The `<meta>` tags in a page's <head>, by property or name. */
function headTags(html: string): Map<string, string> {
  const head = html.slice(0, html.indexOf("</head>"));
  const tags = new Map<string, string>();
  for (const [, key, content] of head.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)) {
    tags.set(key!, content!.replace(/&(amp|quot|#x27|#39|lt|gt);/g, (_, e: string) => entities[e]!));
  }
  return tags;
}

async function crawl(path: string): Promise<{ response: Response; html: string }> {
  const response = await fetch(new URL(path, stackEnv().portalUrl), { headers: { "user-agent": DISCORDBOT } });
  return { response, html: await response.text() };
}

test.describe("links into the portal", () => {
  test("a link to a game, pasted into Discord, previews its picture, name and live state and nothing members-only", async () => {
    await ensureReady(brickBlitz.id);
    const beat = async (who: Acting, method: string) => {
      const first = await callApi(method, `/api/v1/games/${brickBlitz.id}/presence`, { acting: who });
      if (first.status !== 429 || first.retryAfterSec === undefined) return first;
      // An earlier spec's page beat for this player moments ago: the portal takes two a player every 15 s.
      await new Promise((resolve) => setTimeout(resolve, first.retryAfterSec! * 1000));
      return callApi(method, `/api/v1/games/${brickBlitz.id}/presence`, { acting: who });
    };
    expect([(await beat(PLAYER, "POST")).status, (await beat(ADMIN, "POST")).status]).toEqual([204, 204]);
    try {
      const origin = new URL(stackEnv().portalUrl).origin;
      const { response, html } = await crawl(`/play/${brickBlitz.id}`);
      expect(response.status).toBe(200);
      const tags = headTags(html);
      expect(tags.get("og:title")).toBe("Brick Blitz");
      expect(tags.get("og:description")).toBe(`Ready · 2 playing. ${brickBlitz.description}`);
      expect(tags.get("og:url")).toBe(`${origin}/play/${brickBlitz.id}`);
      expect(tags.get("twitter:card")).toBe("summary_large_image");
      expect(tags.get("twitter:title")).toBe("Brick Blitz");
      // An absolute picture URL on the portal that the crawler, without a session, may fetch: a 1200×630 PNG.
      const picture = tags.get("og:image")!;
      expect(picture).toBe(`${origin}/api/v1/games/${brickBlitz.id}/preview-image`);
      expect(tags.get("twitter:image")).toBe(picture);
      const png = await fetch(picture, { headers: { "user-agent": DISCORDBOT } });
      expect([png.status, png.headers.get("content-type")]).toEqual([200, "image/png"]);
      const bytes = Buffer.from(await png.arrayBuffer());
      expect([bytes.subarray(1, 4).toString(), bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual(["PNG", 1200, 630]);
      // Who plays, where it runs and which CT it is are for members and admins.
      for (const secret of ["Demo Player", "Demo Admin", brickBlitz.node!, String(brickBlitz.vmid), "UPID"]) expect(html).not.toContain(secret);

      // The portal's own link, which sends the crawler on to the sign-in page, lists every game's state.
      const portal = await crawl("/");
      expect(new URL(portal.response.url).pathname).toBe("/signin");
      expect(headTags(portal.html).get("og:description")).toContain("Brick Blitz: ready · 2 playing");
      expect(headTags(portal.html).get("og:url")).toBe(`${origin}/`);
    } finally {
      await beat(PLAYER, "DELETE");
      await beat(ADMIN, "DELETE");
    }
    await ensureStopped(brickBlitz.id);
  });

  test("the picture routes serve only the catalogue's pictures and do not list the catalogue to strangers", async () => {
    for (const path of ["/api/v1/games/nope/image", "/api/v1/games/nope/preview-image"]) {
      const response = await fetch(new URL(path, stackEnv().portalUrl));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("snake");
    }
  });

  test("a friend who opens a game link at 127.0.0.1 instead of localhost is told the game, signs in and lands on it", async ({ page }) => {
    const canonical = new URL(stackEnv().portalUrl);
    const other = new URL(stackEnv().portalUrl);
    other.hostname = "127.0.0.1";
    await page.goto(`${other.origin}/play/snake`);
    await expect(page.getByRole("heading", { name: "Sign in to play Snake", level: 1 })).toBeVisible();
    await new SignInPage(page).signInThroughDiscord("Demo Player");
    await expect(page).toHaveURL(`${canonical.origin}/play/snake`);
    await expect(page.getByRole("heading", { name: "Snake", level: 1 })).toBeVisible();
    await expect(page.getByTestId("signed-in-user")).toContainText("Demo Player");
  });
});
