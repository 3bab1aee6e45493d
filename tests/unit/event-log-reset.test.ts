import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createEventStream } from "@/lib/api/event-stream";
import { createSseParser, type SseFrame } from "@/lib/api/sse";
import type { HubListener, ViewHub } from "@/lib/control-plane/view-hub";
import { openDatabase, type Db } from "@/lib/db";
import { EventLog, parseCursor, rotateLogIdentity, type EventCursor } from "@/lib/events";

const mia = { kind: "user" as const, id: "400000000000000001", name: "Mia" };

function logWith(count: number, db: Db = openDatabase(":memory:")): EventLog {
  const events = new EventLog(db);
  for (let i = 0; i < count; i++) events.append({ type: "game.starting", gameId: "snake", gameName: "Snake", actor: mia, source: "web" });
  return events;
}

/** The hub as a stream sees it: stored events relayed live, no games. */
function hubFor(events: EventLog): ViewHub {
  return {
    views: () => [],
    shutdownRetryMs: null,
    subscribe: (listener: HubListener) => events.subscribe((event) => listener.event?.(event)),
  } as unknown as ViewHub;
}

/** Opens a stream for a client at `cursor`, runs `live` once it is open, and returns the frames until `count` arcade frames came. */
async function streamFrames(events: EventLog, cursor: EventCursor | null, count: number, live: () => void = () => undefined): Promise<SseFrame[]> {
  const controller = new AbortController();
  const stream = createEventStream(hubFor(events), events, { cursor, signal: controller.signal });
  const frames: SseFrame[] = [];
  const feed = createSseParser((frame) => frames.push(frame));
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let started = false;
  while (frames.filter((f) => f.event === "arcade").length < count) {
    const next = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), 1_000))]);
    if (next === null || next.done) break;
    feed(decoder.decode(next.value, { stream: true }));
    if (!started && frames.length > 0) {
      started = true;
      live();
    }
  }
  controller.abort();
  return frames;
}

const snapshotOf = (frames: SseFrame[]) => JSON.parse(frames.find((f) => f.event === "snapshot")!.data) as { lastEventId: number; logId: string; resumeAfter: number; reset: boolean };
const arcadeIds = (frames: SseFrame[]) => frames.filter((f) => f.event === "arcade").map((f) => (JSON.parse(f.data) as { id: number }).id);

describe("an event log that was reset", () => {
  it("tells a client whose Last-Event-ID is above the newest id that the log was reset, and sends it the new events", async () => {
    const events = logWith(53);
    const frames = await streamFrames(events, { logId: null, id: 500 }, 2, () => {
      events.append({ type: "game.ready", gameId: "snake", actor: mia, source: "auto" });
      events.append({ type: "game.stopped", gameId: "snake", actor: mia, source: "web" });
    });
    expect(snapshotOf(frames)).toMatchObject({ lastEventId: 53, resumeAfter: 53, reset: true });
    expect(arcadeIds(frames)).toEqual([54, 55]);
  });

  it("after a restore, gives a client past the backup every event since, and one behind it exactly what it missed", async () => {
    const liveDb = openDatabase(":memory:");
    const live = logWith(53, liveDb);
    const original = live.identity().id;
    // A backup taken at 53; the live portal went on to 60; then the backup was restored.
    const restoredDb = new Database(liveDb.serialize());
    for (let i = 0; i < 7; i++) live.append({ type: "game.ready", gameId: "snake", actor: mia, source: "auto" });
    rotateLogIdentity(restoredDb, "restore");
    const restored = logWith(2, restoredDb);
    expect(restored.identity().id).not.toBe(original);
    expect(restored.lastId()).toBe(55);

    const ahead = await streamFrames(restored, { logId: original, id: 58 }, 2);
    expect(snapshotOf(ahead)).toMatchObject({ resumeAfter: 53, reset: true, logId: restored.identity().id });
    expect(arcadeIds(ahead)).toEqual([54, 55]);
    // Its ids carry the new log's identity, so the next reconnect resumes in the new log.
    expect(parseCursor(ahead.find((f) => f.event === "arcade")!.id!)).toEqual({ logId: restored.identity().id, id: 54 });

    const behind = await streamFrames(restored, { logId: original, id: 51 }, 4);
    expect(snapshotOf(behind)).toMatchObject({ resumeAfter: 51, reset: false });
    expect(arcadeIds(behind)).toEqual([52, 53, 54, 55]);
  });

  it("treats a log it never had as a reset, and resumes a client of the current log where it was", async () => {
    const events = logWith(3);
    const stranger = await streamFrames(events, { logId: "0123456789ab", id: 2 }, 3);
    expect(snapshotOf(stranger)).toMatchObject({ resumeAfter: 0, reset: true });
    expect(arcadeIds(stranger)).toEqual([1, 2, 3]);
    const own = await streamFrames(events, { logId: events.identity().id, id: 2 }, 1);
    expect(snapshotOf(own)).toMatchObject({ resumeAfter: 2, reset: false });
    expect(arcadeIds(own)).toEqual([3]);
  });
});
