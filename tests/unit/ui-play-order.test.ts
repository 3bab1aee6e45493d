import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createGameStore } from "@/components/live/game-store";
import { requestPlayThenOpen } from "@/components/play/play-request";

const events: string[] = [];
let answer: (() => void) | null = null;

beforeEach(() => {
  vi.useFakeTimers();
  events.length = 0;
  // The portal's POST /play, answered when the test says so (or never).
  vi.stubGlobal("fetch", (url: string) => {
    events.push(`POST ${url}`);
    return new Promise((resolve) => (answer = () => resolve(new Response(JSON.stringify({ error: { message: "test" } }), { status: 429 }))));
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("pressing Play on a card", () => {
  it("sends the start first and opens the Play screen once the portal has answered it", async () => {
    requestPlayThenOpen("snake", createGameStore(), () => events.push("open"));
    expect(events).toEqual(["POST /api/v1/games/snake/play"]);
    await vi.advanceTimersByTimeAsync(20);
    answer!();
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toEqual(["POST /api/v1/games/snake/play", "open"]);
    await vi.advanceTimersByTimeAsync(500);
    expect(events.filter((e) => e === "open")).toHaveLength(1);
  });

  it("opens the Play screen after 150 ms at the latest when the answer is slow", async () => {
    requestPlayThenOpen("chess", createGameStore(), () => events.push("open"));
    await vi.advanceTimersByTimeAsync(149);
    expect(events).toEqual(["POST /api/v1/games/chess/play"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toEqual(["POST /api/v1/games/chess/play", "open"]);
    answer!();
    await vi.advanceTimersByTimeAsync(1);
    expect(events.filter((e) => e === "open")).toHaveLength(1);
  });
});
