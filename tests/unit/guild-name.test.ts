import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { lookupGuildName } from "@/lib/auth/discord-membership";
import { describeGameLink, describeLiveState, describePortalLink } from "@/lib/format/link-preview";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A stand-in for Discord's REST API that answers GET /guilds/{id} as told and counts the calls. */
async function discord(answer: (guildId: string) => { status: number; body?: unknown; delayMs?: number }) {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    const guildId = /^\/api\/v10\/guilds\/(\d+)$/.exec(req.url ?? "")?.[1] ?? "";
    calls.push(guildId);
    const { status, body, delayMs = 0 } = answer(guildId);
    setTimeout(() => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body ?? { message: "Service Unavailable" })), delayMs);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  return { calls, api: (guildId: string) => ({ apiUrl, cdnUrl: apiUrl, botToken: "bot-token", guildId }) };
}

describe("the Discord server's name on the not-a-member page", () => {
  it("comes from Discord with the bot's token and is asked once for many page views", async () => {
    const { calls, api } = await discord((id) => ({ status: 200, body: { id, name: "Cartofia", owner_id: "1" } }));
    expect(await lookupGuildName(api("1001"))).toBe("Cartofia");
    expect(await lookupGuildName(api("1001"))).toBe("Cartofia");
    expect(calls).toEqual(["1001"]);
  });

  it("is left out, quickly and without an error, while Discord fails or hangs", async () => {
    const { calls, api } = await discord(() => ({ status: 503 }));
    expect(await lookupGuildName(api("1002"))).toBeNull();
    // A failure is remembered for a while: an outage does not cost one Discord call per page view.
    expect(await lookupGuildName(api("1002"))).toBeNull();
    expect(calls).toEqual(["1002"]);
    const hanging = await discord((id) => ({ status: 200, body: { id, name: "Late", owner_id: "1" }, delayMs: 2_600 }));
    const began = Date.now();
    expect(await lookupGuildName(hanging.api("1003"))).toBeNull();
    expect(Date.now() - began).toBeLessThan(3_000);
  });
});

describe("link preview words", () => {
  const game = { id: "snake", name: "Snake", description: "Eat apples.", imageUrl: null, state: "ready" as const, playerCount: 2 };
  it("say the live state and how many play, then what the game is", () => {
    expect(describeLiveState(game)).toBe("ready · 2 playing");
    expect(describeLiveState({ ...game, state: "stopped", playerCount: 0 })).toBe("stopped");
    expect(describeGameLink(game)).toBe("Ready · 2 playing. Eat apples.");
  });

  it("list every game on the portal's link, counting the rest once the preview is full", () => {
    expect(describePortalLink([game, { ...game, name: "Chess", state: "stopped", playerCount: 0 }])).toBe("Our games, one click away. Snake: ready · 2 playing · Chess: stopped");
    const many = Array.from({ length: 40 }, (_, i) => ({ ...game, name: `Game number ${i}` }));
    const text = describePortalLink(many);
    expect(text.length).toBeLessThan(320);
    expect(text).toMatch(/ · \d+ more$/);
  });
});
