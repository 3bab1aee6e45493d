import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import type { ScoreBoard, ScoreBoards, ScoreEntry } from "@/lib/api/score-schemas";
import type { ArcadeEventView } from "@/lib/api/schemas";
import { latestSlot, nextSlot, weekBefore } from "@/bot/digest/digest-schedule";
import { createDigestCheck, type DigestPorts } from "@/bot/digest/weekly-digest";
import { createLinks, type MessagePayload } from "@/bot/format/payload";
import { EMBED_LIMITS, renderScores } from "@/bot/format/scores-embed";
import { silentLogger } from "@/bot/log";
import { formatNotification } from "@/bot/notifications/format-notification";

const links = createLinks("https://arcade.example.com");
const alice = { kind: "user" as const, id: "412345678901234567", name: "Alice" };

function recordEvent(detail: Record<string, unknown> | null, patch: Partial<ArcadeEventView> = {}): ArcadeEventView {
  return {
    id: 7, type: "score.record", at: "2026-11-28T18:00:00.000Z", gameId: "star-dodge", vmid: 2203, node: "pve1", actor: alice, source: "web",
    upid: null, result: "ok", durationMs: null, state: null, reason: null, message: "Alice set a new Star Dodge record: 1,520 — beat Bob's 1,300", detail, ...patch,
  };
}

const entry = (rank: number, name: string, score: number, id = rank): ScoreEntry => ({
  id, rank, score, mode: null, at: "2026-11-28T18:00:00.000Z", player: { key: `k${id}`, name, avatarUrl: null },
});
const board = (mode: string | null, top: ScoreEntry[], mine: ScoreEntry | null = null): ScoreBoard => ({ mode, players: top.length, top, mine });
const boards = (list: ScoreBoard[]): ScoreBoards => ({ gameId: "star-dodge", you: null, canDelete: false, boards: list });

function embedLength(embed: APIEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

describe("a new game record on Discord", () => {
  it("names the player, the game, the score and the record it beat", () => {
    const detail = { scoreId: 3, score: 1520, mode: null, player: { name: "Alice" }, previous: { name: "Bob", score: 1300, samePlayer: false } };
    const posted = formatNotification(recordEvent(detail), () => "Star Dodge", links)!;
    expect(posted.content).toBe("🏆 **Alice** set a new **Star Dodge** record: **1,520** — beat **Bob**'s 1,300.");
    expect(posted.components[0]?.components[0]).toMatchObject({ label: "Play Star Dodge", url: "https://arcade.example.com/play/star-dodge" });
  });

  it("says when someone beat their own record, names the board of a mode, and greets the first record", () => {
    const own = { scoreId: 4, score: 2000, mode: "hard", player: { name: "Alice" }, previous: { name: "Alice", score: 1520, samePlayer: true } };
    expect(formatNotification(recordEvent(own), () => "Star Dodge", links)!.content).toBe("🏆 **Alice** set a new **Star Dodge** (hard) record: **2,000** — beat their own 1,520.");
    const first = { scoreId: 1, score: 10, mode: null, player: { name: "Alice" }, previous: null };
    expect(formatNotification(recordEvent(first), () => "Star Dodge", links)!.content).toBe("🏆 **Alice** set the first **Star Dodge** record: **10**.");
  });

  it("keeps names from turning into markdown or mentions", () => {
    const detail = { scoreId: 3, score: 5, mode: null, player: { name: "*x*" }, previous: { name: "__Bob__", score: 1, samePlayer: false } };
    const posted = formatNotification(recordEvent(detail, { actor: { ...alice, name: "*x*" } }), () => "Star Dodge", links)!;
    expect(posted.content).toBe("🏆 **\\*x\\*** set a new **Star Dodge** record: **5** — beat **\\_\\_Bob\\_\\_**'s 1.");
  });

  it("falls back to the portal's sentence for an event whose details it does not understand, and leaves deletions to the audit", () => {
    expect(formatNotification(recordEvent({ odd: true }), () => "Star Dodge", links)!.content).toBe("🏆 Alice set a new Star Dodge record: 1,520 — beat Bob's 1,300.");
    expect(formatNotification(recordEvent(null, { type: "score.deleted" }), () => "Star Dodge", links)).toBeNull();
  });
});

describe("/scores", () => {
  it("shows the top 5 with medals and the asker's own place further down", () => {
    const top = [entry(1, "Alice", 1520), entry(2, "Bob", 1300), entry(3, "Cleo", 900), entry(4, "Dan", 400), entry(5, "Eve", 10)];
    const payload = renderScores({ ...boards([board(null, top, entry(9, "Me", 3, 99))]) }, { id: "star-dodge", name: "Star Dodge" }, links);
    const embed = payload.embeds[0]!;
    expect(embed.title).toBe("🏆 Star Dodge: top 5");
    expect(embed.url).toBe("https://arcade.example.com/play/star-dodge");
    expect(embed.description!.split("\n")).toEqual([
      "🥇 **Alice** · 1,520 · <t:1795888800:d>",
      "🥈 **Bob** · 1,300 · <t:1795888800:d>",
      "🥉 **Cleo** · 900 · <t:1795888800:d>",
      "4. **Dan** · 400 · <t:1795888800:d>",
      "5. **Eve** · 10 · <t:1795888800:d>",
      "You: 9. **Me** · 3 · <t:1795888800:d>",
    ]);
  });

  it("says so when nobody has a score yet", () => {
    expect(renderScores(boards([]), { id: "snake", name: "Snake" }, links).content).toBe("Nobody has a score in **Snake** yet: be the first!");
  });

  it("stays within Discord's embed limits with twenty boards of long names", () => {
    const longName = "N".repeat(100);
    const many = Array.from({ length: 20 }, (_, b) => board(b === 0 ? null : `mode-${b}-${"m".repeat(24)}`, Array.from({ length: 5 }, (_, i) => entry(i + 1, `${longName}${i}`, 10 ** 12 + i, b * 10 + i))));
    const embed = renderScores(boards(many), { id: "snake", name: "S".repeat(300) }, links).embeds[0]!;
    expect(embed.title!.length).toBeLessThanOrEqual(EMBED_LIMITS.title);
    expect(embed.description!.length).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect(embed.fields!.length).toBeGreaterThan(0);
    expect(embed.fields!.length).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    for (const field of embed.fields!) expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
    expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  });
});

describe("the weekly digest", () => {
  const sunday18 = { day: 0, hour: 18, minute: 0 };

  it("falls on the configured weekday and time, and covers the seven days before it", () => {
    const wednesday = new Date(2026, 10, 25, 12, 0);
    expect(latestSlot(wednesday, sunday18)).toEqual(new Date(2026, 10, 22, 18, 0));
    expect(nextSlot(wednesday, sunday18)).toEqual(new Date(2026, 10, 29, 18, 0));
    expect(latestSlot(new Date(2026, 10, 29, 18, 0), sunday18)).toEqual(new Date(2026, 10, 29, 18, 0));
    expect(latestSlot(new Date(2026, 10, 29, 17, 59), sunday18)).toEqual(new Date(2026, 10, 22, 18, 0));
    expect(weekBefore(new Date(2026, 10, 29, 18, 0))).toEqual({ since: new Date(2026, 10, 22, 18, 0), until: new Date(2026, 10, 29, 18, 0) });
  });

  function digest(clock: { now: Date }, state: { last: string | null }, posts: Array<{ payload: MessagePayload; nonce: string }>, fail = { next: false }) {
    const ports: DigestPorts = {
      games: () => [{ id: "snake", name: "Snake" }, { id: "star-dodge", name: "Star Dodge" }],
      scores: async (gameId) => (gameId === "snake" ? boards([board(null, [entry(1, "Alice", 1520)]), board("hard", [entry(1, "Bob", 30)])]) : boards([])),
      post: async (payload, nonce) => {
        if (fail.next) {
          fail.next = false;
          throw new Error("Discord is down");
        }
        posts.push({ payload, nonce });
      },
      lastSlot: () => state.last,
      saveLastSlot: (iso) => void (state.last = iso),
      log: silentLogger,
      now: () => clock.now,
    };
    return createDigestCheck(ports, sunday18);
  }

  it("posts each week's best once, also across a restart, and starts with the week after it was switched on", async () => {
    const clock = { now: new Date(2026, 10, 25, 12, 0) };
    const state = { last: null as string | null };
    const posts: Array<{ payload: MessagePayload; nonce: string }> = [];
    await digest(clock, state, posts)();
    expect(posts).toEqual([]);

    clock.now = new Date(2026, 10, 29, 18, 0, 5);
    await digest(clock, state, posts)();
    await digest(clock, state, posts)();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.nonce.length).toBeLessThanOrEqual(25);
    expect(posts[0]!.payload.embeds[0]!.description!.split("\n").slice(2)).toEqual(["**Snake**: **Alice** · 1,520", "**Snake** (hard): **Bob** · 30"]);
  });

  it("retries a post that failed, and skips a week whose time passed more than a day ago while the bot was down", async () => {
    const clock = { now: new Date(2026, 10, 29, 18, 1) };
    const state = { last: new Date(2026, 10, 22, 18, 0).toISOString() as string | null };
    const posts: Array<{ payload: MessagePayload; nonce: string }> = [];
    const fail = { next: true };
    await expect(digest(clock, state, posts, fail)()).rejects.toThrow("Discord is down");
    expect(state.last).toBe(new Date(2026, 10, 22, 18, 0).toISOString());
    await digest(clock, state, posts, fail)();
    expect(posts).toHaveLength(1);

    clock.now = new Date(2026, 11, 8, 9, 0);
    await digest(clock, state, posts)();
    expect(posts).toHaveLength(1);
    expect(state.last).toBe(new Date(2026, 11, 6, 18, 0).toISOString());
  });
});
