import { request as httpRequest } from "node:http";
import { expect, test } from "./support/test";
import { encodeActingUser } from "@/lib/api/authenticate-bearer";
import { callApi, stackEnv, stopAllGames, waitForGameState } from "./support/stack-client";

// demo_player in sim/discord/demo-config.json: the portal looks the acting user up there, as for a web login.
const member = { id: "412345678901234567", name: "Demo Player", roles: [] };

test.describe("the portal's HTTP API", () => {
  test.afterEach(stopAllGames);

  test("reports health without credentials, with Proxmox reachable", async () => {
    const { status, body } = await callApi("GET", "/api/health", { token: null });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, proxmox: { reachable: true }, games: 3 });
  });

  test("answers bad credentials, unknown games and bad input with a status and a sentence", async () => {
    expect(await callApi("GET", "/api/v1/games", { token: null })).toEqual({ status: 401, body: { error: { code: "unauthorized:session", message: "Sign in with Discord first." } } });
    expect(await callApi("GET", "/api/v1/games", { token: "wrong-token-wrong-token-wrong" })).toMatchObject({ status: 401, body: { error: { message: "The API token is not valid." } } });
    const missing = await callApi("POST", "/api/v1/games/tetris/play");
    expect(missing.status).toBe(404);
    expect((missing.body.error as { message: string }).message).toBe('There is no game "tetris". Known games: brick-blitz, snake, star-dodge.');
    expect((await callApi("POST", "/api/v1/games/snake/explode")).status).toBe(404);
    const bad = await callApi("PATCH", "/api/v1/games/snake/settings", { body: { bootTimeoutSec: "soon" } });
    expect(bad).toEqual({ status: 400, body: { error: { code: "bad_request:input", message: "bootTimeoutSec: bootTimeoutSec must be a number of seconds" } } });
  });

  test("lets a member the bot acts for play, but not shut a game down", async () => {
    const refused = await callApi("POST", "/api/v1/games/snake/shutdown", { acting: member });
    expect(refused).toMatchObject({ status: 403, body: { error: { message: "Only arcade admins can start, shut down, stop or reboot containers; ask someone with the admin role." } } });
    expect((await callApi("GET", "/api/v1/audit", { acting: member })).status).toBe(403);
    expect((await callApi("POST", "/api/v1/games/snake/play", { acting: member })).status).toBe(202);
    await waitForGameState("snake", "ready");
    const { body } = await callApi("GET", "/api/v1/audit?game=snake");
    expect((body.events as Array<{ message: string }>).map((e) => e.message)).toContain("Demo Player started Snake from Discord");
  });

  test("plays a stopped game to ready within the simulated boot plus 2 s, and its url serves the game", async () => {
    await waitForGameState("brick-blitz", "stopped");
    const pressed = Date.now();
    const play = await callApi("POST", "/api/v1/games/brick-blitz/play");
    expect(play.status).toBe(202);
    expect(play.body.state).toBe("starting");
    const ready = await waitForGameState("brick-blitz", "ready");
    // The e2e stack boots a CT in 1.2 s and its web server listens 0.3 s later.
    expect(Date.now() - pressed).toBeLessThan(1_500 + 2_000);
    const page = await fetch(ready.url as string);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Brick Blitz");
    expect((await callApi("POST", "/api/v1/games/brick-blitz/play")).status).toBe(200);
  });

  test("streams a snapshot, then replays exactly the events after Last-Event-ID", async () => {
    const lastId = await newestEventId();
    await callApi("POST", "/api/v1/games/star-dodge/play");
    await waitForGameState("star-dodge", "ready");
    const text = await readStream({ "last-event-id": String(lastId) }, /"type":"game\.ready","gameId":"star-dodge"/);
    expect(text.indexOf("event: snapshot")).toBeLessThan(text.indexOf("event: arcade"));
    // Ids are `<log id>:<event id>`; the snapshot carries one too (its resume point).
    const streamed = [...text.matchAll(/^id: [\w-]+:(\d+)\nevent: arcade$/gm)].map((m) => Number(m[1]));
    const audit = (await callApi("GET", "/api/v1/audit?limit=500")).body.events as Array<{ id: number }>;
    const expected = audit.map((e) => e.id).filter((id) => id > lastId && id <= Math.max(...streamed)).sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(streamed).toEqual(expected);
  });

  test("gives a member who may not read the audit the events without who, UPIDs or reasons", async () => {
    const lastId = await newestEventId();
    await callApi("POST", "/api/v1/games/snake/play", { acting: member });
    await waitForGameState("snake", "ready");
    const headers = { "last-event-id": String(lastId), "x-arcade-acting-user": encodeActingUser({ isGuildOwner: false, ...member }) };
    const text = await readStream(headers, /"type":"game\.ready"/);
    const events = arcadeEvents(text);
    expect(events.map((e) => e.type)).toContain("game.starting");
    for (const event of events) expect(Object.keys(event).sort()).toEqual(["at", "gameId", "id", "type"]);
    const full = arcadeEvents(await readStream({ "last-event-id": String(lastId) }, /"type":"game\.ready"/));
    expect(full.find((e) => e.type === "game.starting")).toMatchObject({ actor: { name: "Demo Player" }, source: "discord" });
  });
});

async function newestEventId(): Promise<number> {
  const events = (await callApi("GET", "/api/v1/audit?limit=1")).body.events as Array<{ id: number }>;
  return events[0]?.id ?? 0;
}

function arcadeEvents(text: string): Array<Record<string, unknown>> {
  return [...text.matchAll(/^id: [\w-]+:\d+\nevent: arcade\ndata: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}

/** Reads /api/v1/events with the API token until `until` matches what arrived. */
function readStream(headers: Record<string, string>, until: RegExp): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const url = new URL("/api/v1/events", stackEnv().portalUrl);
    const req = httpRequest({ hostname: url.hostname, port: url.port, path: url.pathname, headers: { authorization: `Bearer ${stackEnv().apiToken}`, ...headers } }, (res) => {
      if (!/^text\/event-stream/.test(res.headers["content-type"] ?? "")) reject(new Error(`the stream answered ${res.statusCode} ${res.headers["content-type"]}`));
      let received = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        received += chunk;
        if (until.test(received)) {
          req.destroy();
          resolve(received);
        }
      });
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`the stream never sent ${until}`)));
    req.on("error", reject);
    req.end();
  });
}
