import { describe, expect, it } from "vitest";
import { describeMismatch, matchGame, suggestGames } from "@/bot/games/match-game";

const games = [
  { id: "snake", name: "Snake" },
  { id: "brick-blitz", name: "Brick Blitz" },
  { id: "star-dodge", name: "Star Dodge" },
];

function found(input: string) {
  const match = matchGame(input, games);
  return match.kind === "found" ? match.game.id : match.kind;
}

describe("matching what a person typed to a game", () => {
  it("takes ids from autocomplete as they are, and names typed any way", () => {
    expect(found("brick-blitz")).toBe("brick-blitz");
    expect(found("Brick Blitz")).toBe("brick-blitz");
    expect(found("  brick BLITZ ")).toBe("brick-blitz");
    expect(found("StarDodge")).toBe("star-dodge");
  });

  it("accepts a unique beginning or a unique part of a name", () => {
    expect(found("sn")).toBe("snake");
    expect(found("blitz")).toBe("brick-blitz");
    expect(found("dodge")).toBe("star-dodge");
  });

  it("asks which one when the input fits several games, naming them", () => {
    const match = matchGame("s", games);
    expect(match.kind).toBe("ambiguous");
    if (match.kind === "found") return;
    expect(describeMismatch("s", match, games)).toBe("“s” could be Snake (`snake`) or Star Dodge (`star-dodge`); pick one of them.");
  });

  it("lists every valid game when the input names none", () => {
    const match = matchGame("tetris", games);
    expect(match).toEqual({ kind: "none" });
    if (match.kind === "found") return;
    expect(describeMismatch("tetris", match, games)).toBe(
      "There is no game called “tetris”. The games are Snake (`snake`), Brick Blitz (`brick-blitz`) and Star Dodge (`star-dodge`).",
    );
    expect(describeMismatch("tetris", match, [])).toBe("The arcade has no games yet.");
  });

  it("keeps markdown in typed input from formatting the answer", () => {
    const match = matchGame("**boom**", games);
    if (match.kind === "found") throw new Error("should not match");
    expect(describeMismatch("**boom**", match, games)).toMatch(/^There is no game called “\\\*\\\*boom\\\*\\\*”/);
  });
});

describe("autocomplete suggestions", () => {
  const label = (game: { name: string }) => game.name;

  it("puts games whose name starts with the input first, then those containing it", () => {
    expect(suggestGames("s", games, label).map((c) => c.value)).toEqual(["snake", "star-dodge"]);
    expect(suggestGames("i", games, label).map((c) => c.value)).toEqual(["brick-blitz"]);
    expect(suggestGames("", games, label).map((c) => c.value)).toEqual(["brick-blitz", "snake", "star-dodge"]);
  });

  it("never offers more than Discord's 25 choices, nor names longer than 100 characters", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `game-${i}`, name: `Game ${i} ${"x".repeat(120)}` }));
    const choices = suggestGames("game", many, label);
    expect(choices).toHaveLength(25);
    expect(Math.max(...choices.map((c) => c.name.length))).toBe(100);
  });
});
