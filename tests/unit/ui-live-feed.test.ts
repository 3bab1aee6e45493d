import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { GameView } from "@/lib/api/schemas";
import { connectFeed } from "@/components/live/connect-feed";
import { createGameStore } from "@/components/live/game-store";

class FakeSource {
  static made: FakeSource[] = [];
  readyState = 0;
  onerror: (() => void) | null = null;
  closed = false;
  private readonly handlers = new Map<string, (e: { data: string }) => void>();
  constructor(readonly url: string) {
    FakeSource.made.push(this);
  }
  addEventListener(type: string, handler: (e: { data: string }) => void) {
    this.handlers.set(type, handler);
  }
  emit(type: string, data: unknown) {
    this.readyState = 1;
    this.handlers.get(type)?.({ data: JSON.stringify(data) });
  }
  fail(closed: boolean) {
    this.readyState = closed ? 2 : 0;
    this.onerror?.();
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

const game = (state: GameView["state"]) => ({ id: "snake", name: "Snake", state }) as GameView;

describe("the page's event stream", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSource.made = [];
  });
  afterEach(() => vi.useRealTimers());

  const connect = (store: ReturnType<typeof createGameStore>, session = true, onSignedOut = () => undefined) =>
    connectFeed(store, { makeSource: (url) => new FakeSource(url) as unknown as EventSource, checkSession: async () => session, onSignedOut });

  it("fills the store from the snapshot and status events, and counts as live", () => {
    const store = createGameStore();
    connect(store);
    const source = FakeSource.made[0]!;
    expect(source.url).toBe("/api/v1/events");
    source.emit("snapshot", { games: [game("stopped")], lastEventId: 12 });
    source.emit("status", game("starting"));
    expect(store.get("snake")?.view.state).toBe("starting");
    expect(store.status()).toBe("live");
  });

  it("shows 'reconnecting' while the browser retries by itself, without opening a second stream", () => {
    const store = createGameStore();
    connect(store);
    FakeSource.made[0]!.fail(false);
    expect(store.status()).toBe("reconnecting");
    expect(FakeSource.made).toHaveLength(1);
  });

  it("re-opens a stream the server closed, resuming after the last event it saw", async () => {
    const store = createGameStore();
    connect(store);
    const first = FakeSource.made[0]!;
    first.emit("snapshot", { games: [], lastEventId: 40 });
    first.emit("arcade", { id: 41 });
    first.fail(true);
    expect(store.status()).toBe("offline");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeSource.made[1]?.url).toBe("/api/v1/events?lastEventId=41");
  });

  it("resumes from where the portal says after its event log was reset, with the log's id", async () => {
    const store = createGameStore();
    connect(store);
    const first = FakeSource.made[0]!;
    first.emit("snapshot", { games: [], lastEventId: 500 });
    first.emit("snapshot", { games: [], lastEventId: 55, logId: "b0c1d2e3f4a5", resumeAfter: 53, reset: true });
    first.emit("arcade", { id: 54 });
    first.fail(true);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeSource.made[1]?.url).toBe("/api/v1/events?lastEventId=b0c1d2e3f4a5%3A54");
  });

  it("sends a player whose session ended back to sign in instead of retrying forever", async () => {
    const store = createGameStore();
    const signedOut = vi.fn();
    connect(store, false, signedOut);
    FakeSource.made[0]!.fail(true);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(signedOut).toHaveBeenCalledOnce();
    expect(FakeSource.made).toHaveLength(1);
  });

  it("closes the stream when the page goes away", () => {
    const disconnect = connect(createGameStore());
    disconnect();
    expect(FakeSource.made[0]!.closed).toBe(true);
  });
});
