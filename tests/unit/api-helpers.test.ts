import { describe, expect, it } from "vitest";
import { type ActingUserCheck, authenticateBearer, createSseParser, encodeActingUser, estimateBoot, errorResponse, sseMessage } from "@/lib/api";
import { ArcadeError } from "@/lib/errors";

describe("boot estimates", () => {
  it("uses the median of recent boots, so one slow boot does not skew it", () => {
    expect(estimateBoot([10_000, 11_000, 60_000])).toMatchObject({ medianMs: 11_000, samples: 3 });
    expect(estimateBoot([10_000, 12_000])).toMatchObject({ medianMs: 11_000, samples: 2 });
    expect(estimateBoot([])).toBeNull();
  });

  it("gives the 90th percentile as a recorded boot: nine in ten boots were at most that long", () => {
    const ten = [4_000, 4_100, 4_200, 4_300, 4_400, 4_500, 4_600, 4_700, 5_900, 20_000];
    expect(estimateBoot(ten)).toEqual({ medianMs: 4_450, p90Ms: 5_900, samples: 10 });
    expect(estimateBoot([3_000])).toEqual({ medianMs: 3_000, p90Ms: 3_000, samples: 1 });
    expect(estimateBoot([3_000, 9_000, 4_000])).toEqual({ medianMs: 4_000, p90Ms: 9_000, samples: 3 });
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
  const alex = { kind: "user" as const, discordId: "111111111111111111", name: "Alex (from Discord)", avatarUrl: null, roles: ["333333333333333333"], isGuildOwner: false };
  const asked: string[] = [];
  const discord = async (id: string): Promise<ActingUserCheck> => {
    asked.push(id);
    if (id === alex.discordId) return { status: "member", actor: alex };
    if (id === "999999999999999999") return { status: "error", reason: "Discord answered 502" };
    return { status: "not_member" };
  };
  const acting = (user: Parameters<typeof encodeActingUser>[0]) => ({ authorization: `Bearer ${token}`, "x-arcade-acting-user": encodeActingUser(user) });

  it("treats the token as an admin acting through the API", async () => {
    expect(await authenticateBearer(request({ authorization: `Bearer ${token}` }), token, discord)).toEqual({ actor: { kind: "token", name: "API token" }, source: "api" });
  });

  it("judges a bot request by what Discord says about the user, not by what the header claims", async () => {
    const claims = { id: alex.discordId, name: "Admin Alex", avatarUrl: "javascript:alert(1)", roles: ["222222222222222222"], isGuildOwner: true };
    const caller = await authenticateBearer(request(acting(claims)), token, discord);
    expect(caller).toEqual({ source: "discord", actor: alex });
    expect(asked).toContain(alex.discordId);
  });

  it("refuses a user who is not in the server with 403 and a sentence, and says so when Discord cannot be asked", async () => {
    const outsider = { id: "444444444444444444", name: "Eve", roles: [], isGuildOwner: true };
    await expect(authenticateBearer(request(acting(outsider)), token, discord)).rejects.toMatchObject({
      status: 403,
      message: "The Discord user the bot acts for is not a member of the arcade's Discord server.",
    });
    await expect(authenticateBearer(request(acting({ ...outsider, id: "999999999999999999" })), token, discord)).rejects.toMatchObject({ status: 503 });
    await expect(authenticateBearer(request({ authorization: `Bearer ${token}`, "x-arcade-acting-user": "bm90IGpzb24" }), token, discord)).rejects.toMatchObject({ status: 400 });
  });

  it("refuses a wrong token with a sentence, and returns nothing without a bearer", async () => {
    await expect(authenticateBearer(request({ authorization: "Bearer nope" }), token, discord)).rejects.toThrow("The API token is not valid.");
    expect(await authenticateBearer(request({}), token, discord)).toBeNull();
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
