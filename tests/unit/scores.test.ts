import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { judgeScore, playerKey, scoreBodySchema, ScoreStore, toStatusText } from "@/lib/scores";

type Player = { id: string; name: string; avatarUrl: string | null };
const alice: Player = { id: "400000000000000001", name: "Alice", avatarUrl: null };
const bob = { id: "400000000000000002", name: "Bob", avatarUrl: "https://cdn.discordapp.com/avatars/2/b.png" };
const cleo = { id: "400000000000000003", name: "Cleo", avatarUrl: null };
const T0 = Date.UTC(2026, 10, 28, 18, 0, 0);

function store() {
  return new ScoreStore(openDatabase(":memory:"));
}

/** Adds runs 10 s apart (clear of the 5 s interval) unless `at` is given. */
function play(scores: ScoreStore, runs: Array<{ player: Player; score: number; mode?: string | null; at?: number }>, game = "snake") {
  return runs.map((run, i) => scores.add({ gameId: game, player: run.player, mode: run.mode ?? null, score: run.score, source: "web", now: run.at ?? T0 + i * 10_000 }));
}

describe("a score the portal accepts", () => {
  const parse = (body: unknown, max = 1_000_000_000) => scoreBodySchema(max).safeParse(body);
  const message = (body: unknown, max?: number) => {
    const result = parse(body, max);
    return result.success ? null : result.error.issues[0]!.message;
  };

  it("is a whole number from 0 to the game's maxScore, with an optional mode of at most 32 characters", () => {
    expect(parse({ score: 1520 }).data).toEqual({ score: 1520, mode: null });
    expect(parse({ score: 0, mode: "hard" }).data).toEqual({ score: 0, mode: "hard" });
    expect(parse({ score: 5, mode: "" }).data).toEqual({ score: 5, mode: null });
    expect(Object.is(parse({ score: -0 }).data?.score, 0)).toBe(true);
    expect(parse({ score: 1_000_000_000 }).success).toBe(true);
  });

  it("refuses the rest with a sentence that says what is wrong", () => {
    expect(message({ score: 1.5 })).toBe("score must be a whole number of points (0 or more)");
    expect(message({ score: -1 })).toBe("score must be a whole number of points (0 or more)");
    expect(message({ score: "10" })).toBe("score must be a whole number of points (0 or more)");
    expect(message({ score: 2 ** 53 })).toBe("score must be a whole number of points (0 or more)");
    expect(message({ score: 100_001 }, 100_000)).toBe('score must be at most 100,000 for this game (its game.json "maxScore")');
    expect(message({ score: 1_000_000_001 })).toMatch(/at most 1,000,000,000/);
    expect(message({ score: 1, mode: "x".repeat(33) })).toBe("mode must be at most 32 characters");
    expect(message({ score: 1, mode: "a\nb" })).toBe("mode must not contain line breaks or other control characters");
    // The player comes from the session, never from the body.
    expect(parse({ score: 1, player: "someone-else" }).success).toBe(false);
  });
});

describe("a status line", () => {
  it("is one plain line of at most 40 characters, cut with an ellipsis, never through an emoji", () => {
    expect(toStatusText("  Level 3 ")).toBe("Level 3");
    expect(toStatusText("Level\n3\t<b>")).toBe("Level 3 <b>");
    expect(toStatusText("   ")).toBeNull();
    const long = toStatusText("x".repeat(60))!;
    expect(long).toHaveLength(40);
    expect(long.endsWith("…")).toBe(true);
    const emoji = toStatusText(`${"y".repeat(38)}😀😀`)!;
    expect(emoji).toBe(`${"y".repeat(38)}…`);
  });
});

describe("what a new score means", () => {
  it("is a personal best above the player's own best, and a record only above the board's record and above 0", () => {
    expect(judgeScore(10, null, null)).toEqual({ personalBest: true, record: true });
    expect(judgeScore(0, null, null)).toEqual({ personalBest: true, record: false });
    expect(judgeScore(50, 40, 90)).toEqual({ personalBest: true, record: false });
    expect(judgeScore(40, 40, 90)).toEqual({ personalBest: false, record: false });
    expect(judgeScore(91, 40, 90)).toEqual({ personalBest: true, record: true });
    expect(judgeScore(90, 90, 90)).toEqual({ personalBest: false, record: false });
  });
});

describe("the leaderboard", () => {
  it("ranks each player once, by their best run, and ties go to whoever got there first", () => {
    const scores = store();
    play(scores, [
      { player: alice, score: 300 },
      { player: bob, score: 500 },
      { player: alice, score: 700 },
      { player: cleo, score: 500 },
      { player: bob, score: 100 },
    ]);
    const board = scores.board("snake", null, { playerId: cleo.id });
    expect(board.top.map((s) => [s.rank, s.name, s.score])).toEqual([
      [1, "Alice", 700],
      [2, "Bob", 500],
      [3, "Cleo", 500],
    ]);
    expect(board.players).toBe(3);
    expect(board.mine).toMatchObject({ name: "Cleo", rank: 3, score: 500 });
  });

  it("shows the top 10 and the asking player's own best with its rank below them", () => {
    const scores = store();
    const players = Array.from({ length: 12 }, (_, i) => ({ id: `5000000000000000${String(i).padStart(2, "0")}`, name: `P${i}`, avatarUrl: null }));
    play(scores, players.map((player, i) => ({ player, score: 1000 - i * 10 })));
    const board = scores.board("snake", null, { playerId: players[11]!.id });
    expect(board.top).toHaveLength(10);
    expect(board.top.at(-1)).toMatchObject({ name: "P9", rank: 10 });
    expect(board.mine).toMatchObject({ name: "P11", rank: 12, score: 890 });
    expect(board.players).toBe(12);
  });

  it("keeps modes apart, default board first, and answers for a time window", () => {
    const scores = store();
    play(scores, [
      { player: alice, score: 40, mode: "hard", at: T0 },
      { player: bob, score: 90, at: T0 + 10_000 },
      { player: alice, score: 20, at: T0 + 8 * 86_400_000 },
    ]);
    expect(scores.modes("snake")).toEqual([null, "hard"]);
    expect(scores.boards("snake").map((b) => [b.mode, b.top.map((s) => s.score)])).toEqual([
      [null, [90, 20]],
      ["hard", [40]],
    ]);
    const lastWeek = scores.boards("snake", { since: T0 + 7 * 86_400_000 });
    expect(lastWeek.map((b) => [b.mode, b.top.map((s) => s.name)])).toEqual([[null, ["Alice"]]]);
    expect(scores.records("snake").map((r) => [r.mode, r.name, r.score])).toEqual([
      [null, "Bob", 90],
      ["hard", "Alice", 40],
    ]);
  });

  it("keeps at most one score per player and game every 5 s, and says how long to wait", () => {
    const scores = store();
    const [first, second, third, other] = play(scores, [
      { player: alice, score: 1, at: T0 },
      { player: alice, score: 2, mode: "hard", at: T0 + 3_200 },
      { player: alice, score: 3, at: T0 + 5_000 },
      { player: bob, score: 4, at: T0 + 1_000 },
    ]);
    expect(first!.kind).toBe("added");
    expect(second).toEqual({ kind: "too_soon", retryAfterMs: 1_800, sinceLastMs: 3_200 });
    expect(third!.kind).toBe("added");
    expect(other!.kind).toBe("added");
    expect(scores.board("snake", "hard").players).toBe(0);
  });

  it("returns what a run is judged against: the player's best and the record before it", () => {
    const scores = store();
    play(scores, [{ player: bob, score: 1300 }, { player: alice, score: 900 }]);
    const [result] = play(scores, [{ player: alice, score: 1520, at: T0 + 60_000 }]);
    expect(result).toMatchObject({ kind: "added", previousBest: 900, previousRecord: { name: "Bob", score: 1300 } });
  });

  it("refuses a mode past the 20th, but still takes runs on the boards a game already has", () => {
    const scores = store();
    play(scores, Array.from({ length: 20 }, (_, i) => ({ player: alice, score: i, mode: `m${String(i).padStart(2, "0")}` })));
    const [refused, accepted] = play(scores, [
      { player: bob, score: 1, mode: "one-more", at: T0 + 500_000 },
      { player: cleo, score: 1, mode: "m05", at: T0 + 500_000 },
    ]);
    expect(refused).toEqual({ kind: "too_many_modes", modes: 20 });
    expect(accepted!.kind).toBe("added");
  });

  it("deletes one run of the right game only", () => {
    const scores = store();
    const [added] = play(scores, [{ player: alice, score: 10 }]);
    const id = added!.kind === "added" ? added!.score.id : -1;
    expect(scores.delete("brick-blitz", id)).toBeNull();
    expect(scores.delete("snake", id)).toMatchObject({ name: "Alice", score: 10 });
    expect(scores.board("snake", null).players).toBe(0);
  });
});

describe("the opaque player key", () => {
  it("is stable per person, differs between people and secrets, and does not contain the Discord id", () => {
    const secret = "s".repeat(40);
    expect(playerKey(secret, alice.id)).toBe(playerKey(secret, alice.id));
    expect(playerKey(secret, alice.id)).not.toBe(playerKey(secret, bob.id));
    expect(playerKey("t".repeat(40), alice.id)).not.toBe(playerKey(secret, alice.id));
    expect(playerKey(secret, alice.id)).not.toContain(alice.id);
    expect(playerKey(secret, alice.id)).toMatch(/^[\w-]{16}$/);
  });
});
