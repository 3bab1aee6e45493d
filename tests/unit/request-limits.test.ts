import { describe, expect, it } from "vitest";
import { assertBodyWithinLimit, isJsonMediaType, readBodyWithinLimit, readJsonWithinLimit } from "@/lib/api/request-body";
import type { Caller } from "@/lib/api/authenticate-bearer";
import { ACTION_LIMIT, CallerLimits } from "@/lib/control-plane/caller-limits";

const chunked = (bytes: number) =>
  new Request("http://arcade.test/api/v1/games/snake/settings", {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: new ReadableStream({
      start(controller) {
        for (let sent = 0; sent < bytes; sent += 1024) controller.enqueue(new Uint8Array(1024).fill(32));
        controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit);

describe("request bodies", () => {
  it("refuses a body announced larger than the limit with 413, before reading it", () => {
    const request = new Request("http://arcade.test/x", { method: "POST", headers: { "content-length": String(50 * 1024 * 1024) } });
    expect(() => assertBodyWithinLimit(request, 64 * 1024)).toThrow(expect.objectContaining({ status: 413, message: "The request body is larger than the portal accepts (64 kB)." }));
    expect(() => assertBodyWithinLimit(new Request("http://arcade.test/x", { headers: { "content-length": "-1" } }), 10)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it("stops reading a body without a length as soon as it passes the limit", async () => {
    await expect(readBodyWithinLimit(chunked(200 * 1024), 64 * 1024)).rejects.toMatchObject({ status: 413 });
    expect((await readBodyWithinLimit(chunked(8 * 1024), 64 * 1024)).byteLength).toBe(8 * 1024);
  });

  it("parses the media type: any casing and parameters of application/json, and nothing else", () => {
    for (const ok of ["application/json", "APPLICATION/JSON", "application/json; charset=UTF-8", "Application/Json ; charset=utf-8"]) expect(isJsonMediaType(ok), ok).toBe(true);
    for (const bad of ["application/jsonp", "text/plain; application/json", "application/json, text/plain", "application/json; charset=latin1", "text/json", ""]) expect(isJsonMediaType(bad), bad).toBe(false);
  });

  it("answers a body that is not JSON, or not UTF-8, with a sentence", async () => {
    const body = (bytes: Uint8Array) => new Request("http://arcade.test/x", { method: "POST", headers: { "content-type": "application/json" }, body: bytes as BodyInit });
    await expect(readJsonWithinLimit(body(new TextEncoder().encode("{nope")), 1024)).rejects.toMatchObject({ status: 400, message: "The body is not valid JSON." });
    await expect(readJsonWithinLimit(body(new Uint8Array([0x7b, 0xff, 0x7d])), 1024)).rejects.toMatchObject({ status: 400 });
    expect(await readJsonWithinLimit(body(new TextEncoder().encode('{"a":1}')), 1024)).toEqual({ a: 1 });
  });
});

describe("per-caller rate limits", () => {
  const user = (discordId: string): Caller => ({ actor: { kind: "user", discordId, name: "Alex", avatarUrl: null, roles: [], isGuildOwner: false }, source: "web" });

  it("allows a few plays and power actions a second per person, then answers 429 with Retry-After", async () => {
    const limits = new CallerLimits();
    for (let i = 0; i < ACTION_LIMIT.points; i++) await limits.action(user("111111111111111111"));
    await expect(limits.action(user("111111111111111111"))).rejects.toMatchObject({ status: 429, retryAfterSec: 1, message: expect.stringMatching(/^Too many plays/) });
    await expect(limits.action(user("222222222222222222"))).resolves.toBeUndefined();
    for (let i = 0; i < 20; i++) await limits.action({ actor: { kind: "token", name: "API token" }, source: "api" });
  });

  it("counts heartbeats per player and game", async () => {
    const limits = new CallerLimits();
    await limits.beat(user("111111111111111111"), "snake");
    await limits.beat(user("111111111111111111"), "snake");
    const refused = await limits.beat(user("111111111111111111"), "snake").catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 429, code: "rate_limited:caller" });
    expect((refused as { retryAfterSec: number }).retryAfterSec).toBeGreaterThanOrEqual(14);
    await expect(limits.beat(user("111111111111111111"), "chess")).resolves.toBeUndefined();
  });
});
