import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArcadeClient } from "@/lib/api/client";
import { ArcadeApiError } from "@/lib/api/client-errors";
import { followArcadeEvents, type StreamConnectionChange } from "@/lib/api/client-events";
import type { ArcadeEventView, GameView } from "@/lib/api/schemas";
import { sseComment, sseMessage } from "@/lib/api/sse";

const TOKEN = "t".repeat(32);
const player = { id: "412345678901234567", name: "Demo Player", roles: ["1187423047129321492"], isGuildOwner: false };

const view: GameView = {
  id: "snake", name: "Snake", description: "", imageUrl: null, url: "http://10.22.0.21/", aspectRatio: "1/1", controls: [], vmid: 2201,
  node: "pve1", state: "ready", stage: null, since: "2026-11-28T10:00:00.000Z", reason: null, ct: null, upid: null, by: null,
  opStartedAt: null, eta: null, bootTimeoutSec: 60, shutdownTimeoutSec: 30, players: [], playerCount: 0, idleStopMinutes: 30, idleStopAt: null, records: [],
};
const event = (id: number): ArcadeEventView => ({
  id, at: "2026-11-28T10:00:00.000Z", type: "game.ready", gameId: "snake", vmid: 2201, node: "pve1", actor: { kind: "system", id: null, name: "Cartofia Arcade" },
  source: "auto", upid: null, result: "ok", durationMs: 10, state: "ready", reason: null, message: "Snake is ready",
});

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = (_req, res) => res.end();
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

describe("the portal API client", () => {
  it("sends the token and the acting user, and tells a fresh start from a game that was already ready", async () => {
    const seen: Array<{ url?: string; auth?: string; acting?: string }> = [];
    handler = (req, res) => {
      seen.push({ url: req.url, auth: req.headers.authorization, acting: req.headers["x-arcade-acting-user"] as string | undefined });
      json(res, req.url?.includes("brick") ? 202 : 200, { ...view, id: req.url?.includes("brick") ? "brick-blitz" : "snake" });
    };
    const client = createArcadeClient({ baseUrl: `${baseUrl}/`, token: TOKEN });
    expect(await client.play("snake", player)).toMatchObject({ alreadyReady: true, game: { id: "snake" } });
    expect(await client.play("brick-blitz", player)).toMatchObject({ alreadyReady: false });
    expect(seen[0]).toMatchObject({ url: "/api/v1/games/snake/play", auth: `Bearer ${TOKEN}` });
    expect(JSON.parse(Buffer.from(seen[0]!.acting!, "base64url").toString())).toEqual(player);
  });

  it("keeps the portal's refusal as code and sentence", async () => {
    handler = (_req, res) => json(res, 403, { error: { code: "forbidden:games:power", message: "Only arcade admins can stop containers." } });
    const error = await createArcadeClient({ baseUrl, token: TOKEN }).power("snake", "stop", player).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArcadeApiError);
    expect(error).toMatchObject({ code: "forbidden:games:power", kind: "forbidden", httpStatus: 403, message: "Only arcade admins can stop containers." });
  });

  it("says the portal is not answering when nothing listens, and when an answer is not what it expects", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await createArcadeClient({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN }).listGames().catch((e: unknown) => e);
    expect(down).toMatchObject({ code: "unavailable:portal", portalUnreachable: true, message: expect.stringMatching(/is not answering \(connection refused\)/) });

    handler = (_req, res) => json(res, 200, { games: [{ id: "snake" }] });
    const odd = await createArcadeClient({ baseUrl, token: TOKEN }).listGames().catch((e: unknown) => e);
    expect(odd).toMatchObject({ code: "config:api_mismatch", portalUnreachable: false });
  });
});

describe("following the event stream", () => {
  it("resumes with Last-Event-ID after the connection drops, never repeating an id, and backs off while the portal is down", async () => {
    const lastIds: Array<string | undefined> = [];
    let connection = 0;
    handler = (req, res) => {
      connection += 1;
      lastIds.push(req.headers["last-event-id"] as string | undefined);
      if (connection === 2 || connection === 3) return json(res, 503, { error: { code: "unavailable:proxmox", message: "busy" } });
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(sseMessage({ retryMs: 3000, event: "snapshot", data: { games: [view], lastEventId: connection === 1 ? 5 : 7 } }));
      if (connection === 1) {
        res.write(sseMessage({ event: "status", data: { ...view, state: "stopping" } }));
        res.write(sseMessage({ event: "arcade", id: 6, data: event(6) }));
        res.end();
      } else {
        // A replay that overlaps what was already delivered must not be handed over twice.
        res.write(sseMessage({ event: "arcade", id: 6, data: event(6) }) + sseMessage({ event: "arcade", id: 7, data: event(7) }));
      }
    };
    const abort = new AbortController();
    const received: string[] = [];
    const changes: StreamConnectionChange[] = [];
    const following = followArcadeEvents({
      baseUrl, token: TOKEN, lastEventId: null, signal: abort.signal, backoff: { initialMs: 20, maxMs: 1_000 }, random: () => 0.5,
      handlers: {
        snapshot: (s) => received.push(`snapshot ${s.lastEventId}`),
        status: (v) => received.push(`status ${v.state}`),
        event: (e) => {
          received.push(`event ${e.id}`);
          if (e.id === 7) abort.abort();
        },
        connection: (c) => changes.push(c),
      },
    });
    await following;
    expect(received).toEqual(["snapshot 5", "status stopping", "event 6", "snapshot 7", "event 7"]);
    expect(lastIds).toEqual([undefined, "6", "6", "6"]);
    const retries = changes.flatMap((c) => (c.connected ? [] : [c.retryInMs]));
    expect(retries).toEqual([20, 40, 80]);
    expect(changes.filter((c) => !c.connected).map((c) => !c.connected && c.error.code)).toEqual(["unavailable:portal", "unavailable:proxmox", "unavailable:proxmox"]);
    expect(changes.filter((c) => c.connected)).toEqual([{ connected: true, resumedAfter: null, reset: false }, { connected: true, resumedAfter: 6, reset: false }]);
  });

  it("follows the portal's resume point after its event log was reset, and sends the new log's id back", async () => {
    const lastIds: Array<string | undefined> = [];
    handler = (req, res) => {
      lastIds.push(req.headers["last-event-id"] as string | undefined);
      res.writeHead(200, { "content-type": "text/event-stream" });
      if (lastIds.length === 1) {
        res.write(sseMessage({ id: "b0b0b0b0b0b0:53", event: "snapshot", data: { games: [], lastEventId: 53, logId: "b0b0b0b0b0b0", resumeAfter: 53, reset: true } }));
        res.end(sseMessage({ id: "b0b0b0b0b0b0:54", event: "arcade", data: event(54) }) + sseMessage({ id: "b0b0b0b0b0b0:55", event: "arcade", data: event(55) }));
      } else {
        res.write(sseMessage({ event: "snapshot", data: { games: [], lastEventId: 55, logId: "b0b0b0b0b0b0", resumeAfter: 55, reset: false } }));
      }
    };
    const abort = new AbortController();
    const events: number[] = [];
    const changes: StreamConnectionChange[] = [];
    await followArcadeEvents({
      baseUrl, token: TOKEN, lastEventId: 500, logId: "a0a0a0a0a0a0", signal: abort.signal, backoff: { initialMs: 10 },
      handlers: {
        snapshot: () => undefined, status: () => undefined, event: (e) => events.push(e.id),
        connection: (c) => {
          changes.push(c);
          if (changes.filter((x) => x.connected).length === 2) abort.abort();
        },
      },
    });
    expect(events).toEqual([54, 55]);
    expect(lastIds).toEqual(["a0a0a0a0a0a0:500", "b0b0b0b0b0b0:55"]);
    expect(changes[0]).toEqual({ connected: true, resumedAfter: 500, reset: true });
  });

  it("reconnects at the portal's retry hint while it restarts, instead of backing off", async () => {
    let connection = 0;
    handler = (_req, res) => {
      connection += 1;
      if (connection === 1) {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write(sseMessage({ event: "snapshot", data: { games: [], lastEventId: 1 } }));
        res.end(sseMessage({ retryMs: 30, event: "shutdown", data: { retryMs: 30, message: "The portal is restarting; reconnect in 30 ms with Last-Event-ID." } }));
      } else if (connection < 5) {
        json(res, 502, { error: { code: "unavailable:portal", message: "bad gateway" } });
      } else {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write(sseMessage({ event: "snapshot", data: { games: [], lastEventId: 1 } }));
      }
    };
    const abort = new AbortController();
    const changes: StreamConnectionChange[] = [];
    await followArcadeEvents({
      baseUrl, token: TOKEN, lastEventId: 1, signal: abort.signal, backoff: { initialMs: 500 }, random: () => 0.5,
      handlers: {
        snapshot: () => undefined, status: () => undefined, event: () => undefined,
        connection: (c) => {
          changes.push(c);
          if (changes.filter((x) => x.connected).length === 2) abort.abort();
        },
      },
    });
    const down = changes.flatMap((c) => (c.connected ? [] : [c]));
    expect(down.map((c) => c.retryInMs)).toEqual([30, 30, 30, 30]);
    expect(down[0]!.error.message).toBe("The portal is restarting; reconnect in 30 ms with Last-Event-ID.");
  });

  it("says in one line when the portal speaks another release of the API, and goes on with the frames it understands", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      const { players: _players, ...older } = view;
      res.write(sseMessage({ event: "snapshot", data: { games: [older], lastEventId: 1 } }));
      res.write(sseMessage({ event: "arcade", id: 2, data: event(2) }));
    };
    const abort = new AbortController();
    const warnings: string[] = [];
    const events: number[] = [];
    await followArcadeEvents({
      baseUrl, token: TOKEN, lastEventId: 1, signal: abort.signal,
      handlers: {
        snapshot: () => undefined, status: () => undefined,
        event: (e) => {
          events.push(e.id);
          abort.abort();
        },
        warn: (message) => warnings.push(message),
      },
    });
    expect(warnings).toEqual([
      "the snapshot does not match this client's API schema at games.0.players (Invalid input: expected array, received undefined); are the portal and this client on the same release?",
    ]);
    expect(events).toEqual([2]);
  });

  it("reconnects when the stream goes silent, as a half-open connection would", async () => {
    let connection = 0;
    handler = (_req, res) => {
      connection += 1;
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(sseMessage({ event: "snapshot", data: { games: [], lastEventId: 1 } }));
      if (connection > 1) res.write(sseComment("keep-alive"));
    };
    const abort = new AbortController();
    const changes: StreamConnectionChange[] = [];
    await followArcadeEvents({
      baseUrl, token: TOKEN, lastEventId: 1, signal: abort.signal, idleTimeoutMs: 150, backoff: { initialMs: 10 },
      handlers: {
        snapshot: () => undefined, status: () => undefined, event: () => undefined,
        connection: (c) => {
          changes.push(c);
          if (changes.filter((x) => x.connected).length === 2) abort.abort();
        },
      },
    });
    expect(changes[1]).toMatchObject({ connected: false, error: { message: "The event stream was silent for 0 s." } });
  });
});
