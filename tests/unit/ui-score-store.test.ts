import { describe, expect, it } from "vitest";
import type { PostedScore, ScoreBoards, ScoreEntry, ScoresPush } from "@/lib/api/score-schemas";
import { describePlaying, describeRecord } from "@/components/scores/score-format";
import { createScoreStore } from "@/components/scores/score-store";

const entry = (id: number, key: string, score: number, rank: number | null): ScoreEntry => ({
  id, rank, score, mode: null, at: "2026-11-28T18:00:00.000Z", player: { key, name: key.toUpperCase(), avatarUrl: null },
});
const initial: ScoreBoards = {
  gameId: "snake",
  you: { key: "me", name: "ME" },
  canDelete: false,
  boards: [{ mode: null, players: 2, top: [entry(1, "ann", 90, 1), entry(2, "me", 40, 2)], mine: entry(2, "me", 40, 2) }],
};
const push = (patch: Partial<ScoresPush>): ScoresPush => ({ gameId: "snake", mode: null, change: "posted", entry: null, top: [], players: 0, ...patch });

function loaded() {
  const loads: string[] = [];
  const store = createScoreStore(async (gameId) => {
    loads.push(gameId);
    return structuredClone(initial);
  });
  return { store, loads };
}

describe("the play page's copy of the boards", () => {
  it("takes a pushed board as it is, and moves the player's own best only when it shows in the new top", async () => {
    const { store } = loaded();
    await store.reload("snake");
    store.applyPush(push({ entry: entry(3, "bob", 120, 1), top: [entry(3, "bob", 120, 1), entry(1, "ann", 90, 2), entry(2, "me", 40, 3)], players: 3 }));
    const board = store.get("snake")!.boards[0]!;
    expect(board.top.map((e) => e.player.key)).toEqual(["bob", "ann", "me"]);
    expect(board.mine).toMatchObject({ id: 2, rank: 3 });
    store.applyPush(push({ mode: "hard", entry: entry(4, "ann", 5, 1), top: [entry(4, "ann", 5, 1)], players: 1 }));
    expect(store.get("snake")!.boards.map((b) => [b.mode, b.mine?.id ?? null])).toEqual([
      [null, 2],
      ["hard", null],
    ]);
  });

  it("asks the API again after a deletion (only it knows the player's new best), and ignores pushes for games it never loaded", async () => {
    const { store, loads } = loaded();
    store.applyPush(push({ gameId: "brick-blitz", top: [entry(9, "x", 1, 1)], players: 1 }));
    expect(store.get("brick-blitz")).toBeUndefined();
    await store.reload("snake");
    store.applyPush(push({ change: "deleted", top: [entry(1, "ann", 90, 1)], players: 1 }));
    await Promise.resolve();
    expect(loads).toEqual(["snake", "snake"]);
  });

  it("applies the player's own posted run exactly and tells the toast", async () => {
    const { store } = loaded();
    await store.reload("snake");
    const heard: PostedScore[] = [];
    store.onPosted((_game, posted) => heard.push(posted));
    const board = { mode: null, players: 2, top: [entry(5, "me", 150, 1), entry(1, "ann", 90, 2)], mine: entry(5, "me", 150, 1) };
    store.applyPosted("snake", { score: entry(5, "me", 150, 1), personalBest: true, record: true, previousBest: 40, board });
    expect(store.get("snake")!.boards[0]).toEqual(board);
    expect(heard.map((p) => p.record)).toEqual([true]);
  });
});

describe("the card's lines", () => {
  it("name who plays with what their game says, and the record of the first board", () => {
    expect(describePlaying([{ name: "Alex", status: null }, { name: "Sam", status: null }])).toBe("Alex and Sam are playing");
    expect(describePlaying([{ name: "Alex", status: "Level 3" }])).toBe("Playing: Alex — Level 3");
    expect(describePlaying([{ name: "Alex", status: "Level 3" }, { name: "Sam", status: null }, { name: "Kim", status: "Wave 2" }])).toBe("Playing: Alex — Level 3, Sam and 1 other");
    expect(describeRecord({ mode: null, score: 1520, name: "Alice", avatarUrl: null, at: "2026-11-28T18:00:00.000Z" })).toBe("Best: Alice · 1,520");
    expect(describeRecord({ mode: "hard", score: 7, name: "Bob", avatarUrl: null, at: "2026-11-28T18:00:00.000Z" })).toBe("Best (hard): Bob · 7");
  });
});
