import { describe, expect, it } from "vitest";
import { helloMessage, readGameMessage } from "@/components/scores/game-message";

const gameWindow = { name: "the frame the portal created" };
const otherFrame = { name: "another frame" };
const portalWindow = { name: "the portal page itself" };
const frame = { window: gameWindow, origin: "https://snake.example.com" };
const from = (source: unknown, data: unknown, origin = frame.origin) => readGameMessage({ source, origin, data }, frame);

describe("the play page hears its game", () => {
  it("takes ready, score and status from its own frame at the game's origin", () => {
    expect(from(gameWindow, { cartofia: 1, type: "ready" })).toEqual({ ok: true, message: { type: "ready" } });
    expect(from(gameWindow, { cartofia: 1, type: "score", score: 1520 })).toEqual({ ok: true, message: { type: "score", score: 1520, mode: null } });
    expect(from(gameWindow, { cartofia: 1, type: "score", score: 7, mode: "hard" })).toEqual({ ok: true, message: { type: "score", score: 7, mode: "hard" } });
    expect(from(gameWindow, { cartofia: 1, type: "status", text: " Level\n3 " })).toEqual({ ok: true, message: { type: "status", text: "Level 3" } });
  });

  it("ignores the same words from the page itself, from another frame, and from its frame at another origin", () => {
    const score = { cartofia: 1, type: "score", score: 99_999 };
    expect(from(portalWindow, score)).toEqual({ ok: false, reason: "source" });
    expect(from(otherFrame, score)).toEqual({ ok: false, reason: "source" });
    expect(from(null, score)).toEqual({ ok: false, reason: "source" });
    expect(from(gameWindow, score, "https://evil.example.net")).toEqual({ ok: false, reason: "origin" });
    expect(from(gameWindow, score, "null")).toEqual({ ok: false, reason: "origin" });
    // A frame the page has not mounted yet, or a game url that is not a URL, hears nothing at all.
    expect(readGameMessage({ source: undefined, origin: frame.origin, data: score }, { window: undefined, origin: frame.origin })).toEqual({ ok: false, reason: "source" });
    expect(readGameMessage({ source: gameWindow, origin: frame.origin, data: score }, { window: gameWindow, origin: null })).toEqual({ ok: false, reason: "origin" });
  });

  it("ignores what is not protocol version 1 or breaks its limits", () => {
    for (const data of [
      { type: "arcade:loaded", game: "snake" },
      { cartofia: 2, type: "score", score: 1 },
      { cartofia: 1, type: "score", score: 1.5 },
      { cartofia: 1, type: "score", score: -1 },
      { cartofia: 1, type: "score", score: "10" },
      { cartofia: 1, type: "score", score: 2 ** 53 },
      { cartofia: 1, type: "score", score: 1, mode: "x".repeat(33) },
      { cartofia: 1, type: "score", score: 1, mode: 3 },
      { cartofia: 1, type: "status", text: 3 },
      { cartofia: 1, type: "hello", player: { name: "Mallory" } },
      "ready",
      null,
    ]) {
      expect(from(gameWindow, data)).toEqual({ ok: false, reason: "protocol" });
    }
  });

  it("greets with the signed-in player's name and picture only", () => {
    expect(helloMessage({ name: "Alice", avatarUrl: null })).toEqual({ cartofia: 1, type: "hello", player: { name: "Alice", avatarUrl: null } });
  });
});
