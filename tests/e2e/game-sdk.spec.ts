import { readFileSync } from "node:fs";
import type { Frame, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { type StaticServer, startStaticServer } from "./support/static-server";
import { stackEnv } from "./support/portal-stack";

// public/sdk/cartofia-arcade.js in real Chromium: a "portal" page on one loopback origin frames a game page on
// another that loads the helper from its own web root, the way the demo games and a pygbag template do.
const SDK_FILE = "public/sdk/cartofia-arcade.js";

type Received = { origin: string; fromGame: boolean; data: unknown };
type GameWindow = Window & {
  heard: unknown[];
  toSelf: unknown[];
  CartofiaArcade: {
    embedded: boolean;
    ready(): boolean;
    score(value: unknown, mode?: unknown): boolean;
    status(text: unknown): boolean;
    onHello(listener: (player: unknown) => void): () => void;
    player(): unknown;
  };
};

const gamePage = (sdkSrc: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A game</title>
<script src="${sdkSrc}"></script></head><body><script>
window.heard = [];
window.toSelf = [];
CartofiaArcade.onHello((player) => heard.push(player));
addEventListener("message", (event) => toSelf.push(event.data));
</script></body></html>`;

const portalPage = (gameSrc: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal stand-in</title></head>
<body><iframe id="game" src="${gameSrc}"></iframe><iframe id="other" src="about:blank"></iframe><script>
window.received = [];
const game = document.getElementById("game");
addEventListener("message", (event) => received.push({ origin: event.origin, fromGame: event.source === game.contentWindow, data: event.data }));
</script></body></html>`;

let games: StaticServer;
let portal: StaticServer;

test.beforeAll(async () => {
  games = await startStaticServer({ root: "public/sdk", pages: { "/game": gamePage("cartofia-arcade.js") } });
  portal = await startStaticServer({ pages: { "/": portalPage(`${games.url}game`) } });
});

test.afterAll(async () => {
  await Promise.all([games, portal].filter(Boolean).map((server) => server.close()));
});

async function openFramed(page: Page): Promise<Frame> {
  await page.goto(portal.url);
  const frame = await (await page.locator("#game").elementHandle())?.contentFrame();
  if (!frame) throw new Error("the portal stand-in has no game frame");
  await frame.waitForFunction(() => "heard" in window);
  return frame;
}

const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received[] }).received);
const call = <T>(frame: Frame, fn: (arcade: GameWindow["CartofiaArcade"]) => T) =>
  frame.evaluate(`(${fn.toString()})(window.CartofiaArcade)`) as Promise<T>;

test("a framed game's calls reach the portal as exactly the protocol's messages; what the protocol refuses is not sent", async ({ page }) => {
  const frame = await openFramed(page);
  const gameOrigin = new URL(games.url).origin;
  expect(await call(frame, (a) => a.embedded)).toBe(true);

  const results = await call(frame, (a) => [
    a.ready(),
    a.ready(),
    a.score(1520),
    a.score(0, "hard"),
    a.score(-0),
    a.score(7, ""),
    a.score(-1),
    a.score(2.5),
    a.score("100"),
    a.score(Number.MAX_SAFE_INTEGER + 1),
    a.score(10, "m".repeat(33)),
    a.score(10, 3),
    a.status("Level 3"),
    a.status("  Wave 2\nboss "),
    a.status("x".repeat(45)),
    a.status("a".repeat(38) + "🎮🎮"),
    a.status(42),
  ]);
  expect(results).toEqual([true, false, true, true, true, true, false, false, false, false, false, false, true, true, true, true, false]);

  const expected = [
    { cartofia: 1, type: "ready" },
    { cartofia: 1, type: "score", score: 1520 },
    { cartofia: 1, type: "score", score: 0, mode: "hard" },
    { cartofia: 1, type: "score", score: 0 },
    { cartofia: 1, type: "score", score: 7 },
    { cartofia: 1, type: "status", text: "Level 3" },
    { cartofia: 1, type: "status", text: "Wave 2 boss" },
    { cartofia: 1, type: "status", text: `${"x".repeat(39)}…` },
    { cartofia: 1, type: "status", text: `${"a".repeat(38)}…` },
  ];
  await expect.poll(() => received(page)).toHaveLength(expected.length);
  expect(await received(page)).toEqual(expected.map((data) => ({ origin: gameOrigin, fromGame: true, data })));
  expect(Object.is(((await received(page))[3]?.data as { score: number }).score, 0)).toBe(true);
});

test("the portal's hello reaches the game, late listeners too; a hello from another frame or from the game itself is not heard", async ({ page }) => {
  const frame = await openFramed(page);
  await page.evaluate(() => {
    const game = (document.getElementById("game") as HTMLIFrameElement).contentWindow!;
    const other = document.getElementById("other") as HTMLIFrameElement;
    // Another frame of the same page, and the parent's own page: only the game frame's parent may greet.
    const otherWindow = other.contentWindow as unknown as { eval(code: string): void };
    otherWindow.eval(`parent.frames[0].postMessage({ cartofia: 1, type: "hello", player: { name: "Mallory", avatarUrl: null } }, "*")`);
    game.postMessage({ cartofia: 1, type: "hello", player: { name: "", avatarUrl: null } }, "*");
    game.postMessage({ cartofia: 2, type: "hello", player: { name: "Future", avatarUrl: null } }, "*");
  });
  await frame.evaluate(() => window.postMessage({ cartofia: 1, type: "hello", player: { name: "Myself", avatarUrl: null } }, "*"));
  await frame.waitForFunction(() => (window as unknown as GameWindow).toSelf.length >= 4);
  expect(await frame.evaluate(() => (window as unknown as GameWindow).heard)).toEqual([]);
  expect(await call(frame, (a) => a.player())).toBeNull();

  const gameOrigin = new URL(games.url).origin;
  await page.evaluate(
    (origin) =>
      (document.getElementById("game") as HTMLIFrameElement).contentWindow!.postMessage(
        { cartofia: 1, type: "hello", player: { name: "Alice\nthe Great", avatarUrl: "https://cdn.example/alice.png" } },
        origin,
      ),
    gameOrigin,
  );
  const alice = { name: "Alice the Great", avatarUrl: "https://cdn.example/alice.png" };
  await frame.waitForFunction(() => (window as unknown as GameWindow).heard.length === 1);
  expect(await frame.evaluate(() => (window as unknown as GameWindow).heard)).toEqual([alice]);
  expect(await call(frame, (a) => a.player())).toEqual(alice);

  // A listener added after the hello still hears it, and the game can answer the portal straight away.
  await frame.evaluate(() => {
    const w = window as unknown as GameWindow;
    w.CartofiaArcade.onHello((player) => w.CartofiaArcade.status(`Greeting ${(player as { name: string }).name}`));
  });
  await expect.poll(() => received(page)).toEqual([{ origin: gameOrigin, fromGame: true, data: { cartofia: 1, type: "status", text: "Greeting Alice the Great" } }]);
});

test("opened on its own the helper does nothing, posts nothing and throws nothing", async ({ page }) => {
  const errors: Error[] = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(`${games.url}game`);
  const results = await call(page.mainFrame(), (a) => {
    const out = [a.embedded, a.ready(), a.score(5), a.score(5, "hard"), a.status("Level 1"), a.player()];
    a.onHello(() => out.push("heard"))();
    return out;
  });
  expect(results).toEqual([false, false, false, false, false, null]);
  await page.evaluate(() => window.postMessage({ cartofia: 1, type: "hello", player: { name: "Myself", avatarUrl: null } }, "*"));
  await page.waitForFunction(() => (window as unknown as GameWindow).toSelf.length === 1);
  expect(await page.evaluate(() => (window as unknown as GameWindow).toSelf)).toEqual([{ cartofia: 1, type: "hello", player: { name: "Myself", avatarUrl: null } }]);
  expect(await page.evaluate(() => (window as unknown as GameWindow).heard)).toEqual([]);
  expect(errors).toEqual([]);
});

test("the portal serves the helper at /sdk/cartofia-arcade.js, and a game on another origin can load it from there", async ({ page }) => {
  const { portalUrl } = stackEnv();
  const response = await page.request.get(`${portalUrl}/sdk/cartofia-arcade.js`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^(application|text)\/javascript\b/);
  expect(await response.text()).toBe(readFileSync(SDK_FILE, "utf8"));

  const hotlinked = await startStaticServer({ pages: { "/game": gamePage(`${portalUrl}/sdk/cartofia-arcade.js`) } });
  try {
    await page.goto(`${hotlinked.url}game`);
    expect(await page.evaluate(() => typeof (window as unknown as GameWindow).CartofiaArcade?.score)).toBe("function");
  } finally {
    await hotlinked.close();
  }
});
