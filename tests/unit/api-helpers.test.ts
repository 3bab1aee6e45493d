import { describe, expect, it } from "vitest";
import { authenticateBearer, createSseParser, encodeActingUser, estimateBoot, errorResponse, sseMessage } from "@/lib/api";
import { ArcadeError } from "@/lib/errors";

describe("boot estimates", () => {
  it("uses the median of recent boots, so one slow boot does not skew it", () => {
    expect(estimateBoot([10_000, 11_000, 60_000])).toEqual({ medianMs: 11_000, samples: 3 });
    expect(estimateBoot([10_000, 12_000])).toEqual({ medianMs: 11_000, samples: 2 });
    expect(estimateBoot([])).toBeNull();
  });
});

describe("server-sent events", () => {
  it("parses messages split across chunks, with ids and comments", () => {
    const frames: Array<{ event: string; data: string; id: string | undefined }> = [];
    const feed = createSseParser((f) => frames.push(f));
    const text = `: hello\n\n${sseMessage({ event: "arcade", id: 7, data: { a: 1 } })}${sseMessage({ event: "status", data: "x" })}`;
    feed(text.slice(0, 13));
    feed(text.slice(13));
    expect(frames).toEqual([
      { event: "arcade", data: '{"a":1}', id: "7" },
      { event: "status", data: '"x"', id: undefined },
    ]);
  });
});

describe("API token authentication", () => {
  const token = "t".repeat(32);
  const request = (headers: Record<string, string>) => new Request("http://arcade.test/api/v1/games", { headers });

  it("treats the token as an admin acting through the API", () => {
    expect(authenticateBearer(request({ authorization: `Bearer ${token}` }), token)).toEqual({ actor: { kind: "token", name: "API token" }, source: "api" });
  });

  it("judges a bot request by the Discord user it acts for", () => {
    const acting = encodeActingUser({ id: "111111111111111111", name: "Alex", roles: ["222222222222222222"], isGuildOwner: false });
    const caller = authenticateBearer(request({ authorization: `Bearer ${token}`, "x-arcade-acting-user": acting }), token);
    expect(caller).toMatchObject({ source: "discord", actor: { kind: "user", discordId: "111111111111111111", roles: ["222222222222222222"] } });
  });

  it("refuses a wrong token with a sentence, and returns nothing without a bearer", () => {
    expect(() => authenticateBearer(request({ authorization: "Bearer nope" }), token)).toThrow("The API token is not valid.");
    expect(authenticateBearer(request({}), token)).toBeNull();
  });
});

describe("error responses", () => {
  it("turns a typed error into its status and sentence, and hides anything unexpected", async () => {
    const notFound = errorResponse(new ArcadeError("not_found:game", 'There is no game "x".'));
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: { code: "not_found:game", message: 'There is no game "x".' } });
    const original = console.error;
    console.error = () => undefined;
    const crash = errorResponse(new TypeError("cannot read properties of undefined"));
    console.error = original;
    expect(crash.status).toBe(500);
    expect(JSON.stringify(await crash.json())).not.toMatch(/TypeError|undefined/);
  });
});
