import { describe, expect, it } from "vitest";
import type { ArcadeEventView } from "@/lib/api/schemas";
import { createLinks, type MessagePayload } from "@/bot/format/payload";
import { silentLogger } from "@/bot/log";
import { formatNotification } from "@/bot/notifications/format-notification";
import { createNotifier, type NotifierPorts } from "@/bot/notifications/notifier";
import { planBacklog } from "@/bot/notifications/plan-backlog";

const links = createLinks("https://arcade.example.com");
const names: Record<string, string> = { snake: "Snake" };
const nameOf = (id: string) => names[id] ?? id;
const alex = { kind: "user" as const, id: "412345678901234567", name: "Alex" };

function event(id: number, type: string, patch: Partial<ArcadeEventView> = {}): ArcadeEventView {
  return {
    id, type, at: new Date(Date.UTC(2026, 10, 28, 10, 0, id)).toISOString(), gameId: "snake", vmid: 2201, node: "pve1", actor: alex,
    source: "discord", upid: null, result: null, durationMs: null, state: null, reason: null, message: `event ${id}`, ...patch,
  };
}

const format = (e: ArcadeEventView) => formatNotification(e, nameOf, links);

describe("notification texts", () => {
  it("say who started a game and from where, and how long it took to be ready, with a Play button", () => {
    expect(format(event(1, "game.starting"))?.content).toBe("▶️ **Alex** started **Snake** from Discord.");
    expect(format(event(2, "game.starting", { source: "web" }))?.content).toBe("▶️ **Alex** started **Snake** from the web.");
    const ready = format(event(3, "game.ready", { durationMs: 6_509 }))!;
    expect(ready.content).toBe("✅ **Snake** is ready (took 6.5 s).");
    expect(ready.components[0]?.components[0]).toMatchObject({ label: "Play Snake", url: "https://arcade.example.com/play/snake" });
  });

  it("say who shut a game down or forced it, when it went to sleep by itself, and why a failure happened", () => {
    expect(format(event(4, "game.stopped", { reason: "shut down by Alex" }))?.content).toBe("⏹️ **Snake** was shut down by **Alex** from Discord.");
    expect(format(event(5, "game.stopped", { reason: "forced by Alex", source: "web" }))?.content).toBe("⏹️ **Snake** was force-stopped by **Alex** from the web.");
    expect(
      format(event(6, "game.stopped", { reason: "shutdown did not finish within 30 s (timeout), so it was force-stopped", actor: { kind: "token", id: null, name: "API token" }, source: "api" }))?.content,
    ).toBe("⏹️ **Snake** was shut down by **API token** through the API (shutdown did not finish within 30 s (timeout), so it was force-stopped).");
    expect(format(event(13, "game.stopped", { reason: "nobody played for 30 min", actor: { kind: "system", id: null, name: "Cartofia Arcade" }, source: "auto" }))?.content).toBe(
      "💤 **Snake** went to sleep: nobody played for 30 min.",
    );
    // Every member reads the channel: Proxmox's and the probe's words (addresses, tasks) stay on the audit page.
    const probe = "game not answering at http://10.22.0.20/index.html after 8 s";
    expect(format(event(7, "game.failed", { reason: probe, message: `Snake failed to start: ${probe}` }))?.content).toBe(
      "❌ **Snake** failed to start: the game did not answer in time.",
    );
    const task = "TASK ERROR: startup for container '2201' failed (UPID:pve1:0001:arcade@pve!portal:)";
    expect(format(event(8, "game.failed", { reason: task, message: `Snake failed to reboot: ${task}` }))?.content).toBe(
      "❌ **Snake** failed to reboot: the game's server could not be started.",
    );
  });

  it("flag changes nobody here asked for, and skip events the channel does not need", () => {
    expect(format(event(8, "game.stopped_externally"))?.content).toBe("⚠️ **Snake** was stopped outside the arcade (directly on Proxmox).");
    expect(format(event(9, "game.started_externally"))?.content).toBe("⚠️ **Snake** was started outside the arcade (directly on Proxmox).");
    expect(format(event(10, "game.stopping"))).toBeNull();
    expect(format(event(11, "proxmox.unreachable", { gameId: null }))).toBeNull();
  });

  it("warn the channel of a planned shutdown with its time, and say when it was called off or dropped", () => {
    // Event 14 is at 10:00:14; a 60 s notice ends at 10:01:14, which Discord shows in each reader's own words.
    expect(format(event(14, "game.shutdown_scheduled", { durationMs: 60_000, source: "web" }))?.content).toBe(
      `⏳ **Alex** is shutting down **Snake** <t:${Date.UTC(2026, 10, 28, 10, 1, 14) / 1000}:R> from the web; players see a countdown.`,
    );
    expect(format(event(15, "game.shutdown_cancelled"))?.content).toBe("↩️ **Alex** called off the planned shutdown of **Snake**; it keeps running.");
    expect(format(event(16, "game.shutdown_cancelled", { actor: { kind: "system", id: null, name: "Cartofia Arcade" }, source: "auto", reason: "the portal was not running when it was due (12 min ago)" }))?.content).toBe(
      "↩️ The planned shutdown of **Snake** was dropped: the portal was not running when it was due (12 min ago).",
    );
  });

  it("never let a Discord name add markdown", () => {
    expect(format(event(12, "game.starting", { actor: { ...alex, name: "*bold* _x_" } }))?.content).toBe("▶️ **\\*bold\\* \\_x\\_** started **Snake** from Discord.");
  });
});

describe("planning a backlog after an outage", () => {
  const replayed = [event(11, "game.starting"), event(12, "game.stopping"), event(13, "game.ready"), event(14, "game.stopped"), event(15, "game.starting")];

  it("posts one line counting the older events first, then the newest events up to the limit, in time order", () => {
    const plan = planBacklog({ afterId: 10, untilId: 15, events: replayed }, 2, format);
    expect(plan.map((d) => d.id)).toEqual([13, 14, 15]);
    expect(plan.map((d) => d.payload?.content)).toEqual([
      expect.stringMatching(/^⏭️ While the bot was away, 2 older events \(<t:\d+:f> to <t:\d+:f>\) went unposted/),
      "⏹️ **Snake** was shut down by **Alex** from Discord.",
      "▶️ **Alex** started **Snake** from Discord.",
    ]);
  });

  it("posts everything with no summary when the backlog fits, and only the summary with a limit of 0", () => {
    const all = planBacklog({ afterId: 10, untilId: 15, events: replayed }, 10, format);
    expect(all.map((d) => d.id)).toEqual([11, 13, 14, 15]);
    expect(all.some((d) => d.payload?.content.startsWith("⏭️"))).toBe(false);
    const none = planBacklog({ afterId: 10, untilId: 15, events: replayed }, 0, format);
    expect(none).toHaveLength(1);
    expect(none[0]!.id).toBe(15);
    expect(none[0]!.payload?.content).toMatch(/4 older events/);
  });

  it("still moves past trailing events that are not posted", () => {
    const plan = planBacklog({ afterId: 10, untilId: 16, events: [...replayed, event(16, "game.stopping")] }, 1, format);
    expect(plan.map((d) => [d.id, d.payload === null])).toEqual([[14, false], [15, false], [16, true]]);
  });

  it("summarises the whole outage when the portal's replay stopped short, since what it replayed is not the newest", () => {
    const plan = planBacklog({ afterId: 10, untilId: 2000, events: replayed }, 1, format);
    expect(plan).toHaveLength(1);
    expect(plan[0]!.id).toBe(2000);
    expect(plan[0]!.payload?.content).toMatch(/While the bot was away, 1989 older events went unposted/);
  });
});

type Fake = { posted: Array<{ content: string; nonce: string }>; saved: number[]; logIds: Array<string | null>; fail: number; permanent: boolean };

function notifierWith(stored: number | null, maxBacklog = 10) {
  const fake: Fake = { posted: [], saved: [], logIds: [], fail: 0, permanent: false };
  let last = stored;
  const ports: NotifierPorts = {
    async post(payload: MessagePayload, nonce: string) {
      if (fake.fail > 0) {
        fake.fail -= 1;
        throw new Error(fake.permanent ? "Unknown Channel" : "socket hang up");
      }
      fake.posted.push({ content: payload.content, nonce });
    },
    lastDelivered: () => last,
    saveLastDelivered: (id, logId) => {
      last = id;
      fake.saved.push(id);
      fake.logIds.push(logId);
    },
    format,
    isPermanent: () => fake.permanent,
    log: silentLogger,
  };
  const notifier = createNotifier(ports, { maxBacklog, retry: { initialMs: 5, maxMs: 20 }, backlogSettleMs: 50 });
  return { notifier, fake, last: () => last };
}

describe("delivering notifications", () => {
  it("starts at the portal's newest event on the very first run instead of replaying history", async () => {
    const { notifier, fake, last } = notifierWith(null);
    notifier.handleSnapshot({ lastEventId: 41 });
    notifier.handleEvent(event(42, "game.starting"));
    await notifier.idle();
    expect(fake.posted.map((p) => p.content)).toEqual(["▶️ **Alex** started **Snake** from Discord."]);
    expect(last()).toBe(42);
  });

  it("posts each event once: repeated ids are ignored and each id is saved after its message went out", async () => {
    const { notifier, fake } = notifierWith(41);
    notifier.handleSnapshot({ lastEventId: 41 });
    for (const e of [event(42, "game.starting"), event(43, "game.stopping"), event(42, "game.starting"), event(44, "game.ready")]) notifier.handleEvent(e);
    await notifier.idle();
    expect(fake.posted.map((p) => p.nonce)).toEqual(["arcade-42", "arcade-44"]);
    expect(fake.saved).toEqual([42, 43, 44]);
  });

  it("resumes after a restart with what was missed, in order, when it fits the limit", async () => {
    const { notifier, fake, last } = notifierWith(41);
    notifier.handleSnapshot({ lastEventId: 43 });
    notifier.handleEvent(event(42, "game.starting"));
    notifier.handleEvent(event(43, "game.ready", { durationMs: 2_000 }));
    notifier.handleEvent(event(44, "game.stopped", { reason: "shut down by Alex" }));
    await notifier.idle();
    expect(fake.posted.map((p) => p.content)).toEqual([
      "▶️ **Alex** started **Snake** from Discord.",
      "✅ **Snake** is ready (took 2.0 s).",
      "⏹️ **Snake** was shut down by **Alex** from Discord.",
    ]);
    expect(last()).toBe(44);
  });

  it("cuts a long backlog to one summary line followed by the newest events", async () => {
    const { notifier, fake, last } = notifierWith(10, 1);
    notifier.handleSnapshot({ lastEventId: 14 });
    [event(11, "game.starting"), event(12, "game.ready"), event(13, "game.stopping"), event(14, "game.stopped")].forEach((e) => notifier.handleEvent(e));
    await notifier.idle();
    expect(fake.posted.map((p) => p.content)).toEqual([
      expect.stringMatching(/^⏭️ While the bot was away, 2 older events/),
      "⏹️ **Snake** was shut down by **Alex** from Discord.",
    ]);
    expect(fake.saved).toEqual([13, 14]);
    expect(last()).toBe(14);
  });

  it("treats the backlog as complete when the replay stops short", async () => {
    const { notifier, fake, last } = notifierWith(10, 5);
    notifier.handleSnapshot({ lastEventId: 20 });
    notifier.handleEvent(event(11, "game.starting"));
    await notifier.idle();
    expect(fake.posted.map((p) => p.content)).toEqual([expect.stringMatching(/While the bot was away, 10 older events went unposted/)]);
    expect(last()).toBe(20);
  });

  it("retries a failed post until it goes out, without skipping ahead", async () => {
    const { notifier, fake } = notifierWith(1);
    notifier.handleSnapshot({ lastEventId: 1 });
    fake.fail = 3;
    notifier.handleEvent(event(2, "game.starting"));
    notifier.handleEvent(event(3, "game.ready"));
    await notifier.idle();
    expect(fake.posted.map((p) => p.nonce)).toEqual(["arcade-2", "arcade-3"]);
  });

  it("drops a notification Discord refuses for good, and goes on with the next", async () => {
    const { notifier, fake, last } = notifierWith(1);
    notifier.handleSnapshot({ lastEventId: 1 });
    fake.fail = 1;
    fake.permanent = true;
    notifier.handleEvent(event(2, "game.starting"));
    await notifier.idle();
    notifier.handleEvent(event(3, "game.ready"));
    await notifier.idle();
    expect(fake.posted.map((p) => p.nonce)).toEqual(["arcade-3"]);
    expect(last()).toBe(3);
  });

  it("posts the events since a reset of the portal's log, saved under the new log, with nonces the old log's posts do not share", async () => {
    const { notifier, fake, last } = notifierWith(500);
    notifier.handleSnapshot({ lastEventId: 55, logId: "b0c1d2e3f4a5", resumeAfter: 53, reset: true });
    notifier.handleEvent(event(54, "game.starting"));
    notifier.handleEvent(event(55, "game.ready"));
    await notifier.idle();
    expect(fake.posted.map((p) => p.content)).toEqual(["▶️ **Alex** started **Snake** from Discord.", "✅ **Snake** is ready."]);
    expect(fake.posted.map((p) => p.nonce)).toEqual(["arcade-b0c1-54", "arcade-b0c1-55"]);
    expect(last()).toBe(55);
    expect(fake.logIds.at(-1)).toBe("b0c1d2e3f4a5");
  });

  it("starts over from the portal's newest event when the portal's event log was reset", async () => {
    const { notifier, fake, last } = notifierWith(500);
    notifier.handleSnapshot({ lastEventId: 3 });
    notifier.handleEvent(event(4, "game.starting"));
    await notifier.idle();
    expect(fake.posted).toHaveLength(1);
    expect(last()).toBe(4);
  });
});
