import { describe, expect, it } from "vitest";
import { createEventStream } from "@/lib/api/event-stream";
import { createSseParser, type SseFrame } from "@/lib/api/sse";
import type { ViewHub } from "@/lib/control-plane/view-hub";
import { openDatabase } from "@/lib/db";
import { EventLog } from "@/lib/events";

// The stream only needs the hub's subscription and its snapshot; no games are involved here.
const quietHub = { subscribe: () => () => undefined, views: () => [], shutdownRetryMs: null } as unknown as ViewHub;

function logWithOneStart(): EventLog {
  const events = new EventLog(openDatabase(":memory:"));
  events.append({ type: "game.starting", gameId: "snake", gameName: "Snake", actor: { kind: "user", id: "400000000000000001", name: "Mia" }, source: "discord", upid: "UPID:pve1:0001:0002:6750A1B2:vzstart:2201:arcade@pve!portal:" });
  return events;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = "";
  const decoder = new TextDecoder();
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk);
  return text;
}

function parseSse(text: string): SseFrame[] {
  const frames: SseFrame[] = [];
  createSseParser((frame) => frames.push(frame))(text);
  return frames;
}

describe("the event stream", () => {
  it("gives callers who may not read the audit each event's id, time, type and game only", async () => {
    const events = logWithOneStart();
    const controller = new AbortController();
    const stream = createEventStream(quietHub, events, { cursor: { logId: null, id: 0 }, signal: controller.signal, redact: true, maxDurationMs: 20 });
    const frames = parseSse(await readAll(stream)).filter((f) => f.event === "arcade");
    expect(frames).toHaveLength(1);
    expect(JSON.parse(frames[0]!.data)).toEqual({ id: 1, at: expect.any(String), type: "game.starting", gameId: "snake" });
  });

  it("ends by itself after the given time, so the client reconnects and is authenticated again", async () => {
    const controller = new AbortController();
    const began = Date.now();
    const text = await readAll(createEventStream(quietHub, logWithOneStart(), { cursor: { logId: null, id: 0 }, signal: controller.signal, maxDurationMs: 50 }));
    expect(Date.now() - began).toBeGreaterThanOrEqual(45);
    expect(text.endsWith("retry: 250\n\n")).toBe(true);
    expect(JSON.parse(parseSse(text).find((f) => f.event === "arcade")!.data)).toMatchObject({ actor: { name: "Mia" }, upid: expect.stringContaining("vzstart") });
  });
});
