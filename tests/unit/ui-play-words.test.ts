import { describe, expect, it } from "vitest";
import type { GameView } from "@/lib/api/schemas";
import { idleSleepPreview } from "@/components/admin/idle-preview";
import { powerEnabled, powerQuestion } from "@/components/admin/power-questions";
import { formatRemaining } from "@/lib/format/durations";
import { cardEta, cardLine, playLabel } from "@/components/games/card-words";
import { bootWords, shutdownNotice, stoppedWords } from "@/components/play/play-words";

const T = Date.parse("2026-11-28T10:00:00.000Z");
const admin = { kind: "user" as const, id: null, name: "Demo Admin" };
const arcade = { kind: "system" as const, id: null, name: "Cartofia Arcade" };

function view(state: GameView["state"], extra: Partial<GameView> = {}): GameView {
  return {
    id: "snake", name: "Snake", description: "", imageUrl: null, url: "http://localhost:1/", aspectRatio: "1/1", controls: [], vmid: 2201,
    node: "pve1", state, stage: null, since: new Date(T).toISOString(), reason: null, ct: null, upid: null, by: null, opStartedAt: null,
    eta: { medianMs: 4_000, p90Ms: 9_000, samples: 10 }, bootTimeoutSec: 60, shutdownTimeoutSec: 30, players: [], playerCount: 0,
    idleStopMinutes: 30, idleStopAt: null, records: [], ...extra,
  };
}

describe("boot words", () => {
  it("says 'taking longer than usual' only past the 90th percentile, not past the median", () => {
    const eta = { medianMs: 4_000, p90Ms: 9_000, samples: 10 };
    expect(formatRemaining(eta, 1_000)).toBe("about 3 s left");
    expect(formatRemaining(eta, 5_000)).toBe("any moment now");
    expect(formatRemaining(eta, 9_000)).toBe("any moment now");
    expect(formatRemaining(eta, 9_001)).toBe("taking longer than usual");
  });

  it("calls a reboot a restart the player comes back from, with no cold-start estimate", () => {
    expect(bootWords(view("starting", { operation: "reboot", by: admin }))).toEqual({
      eyebrow: "Restarting the server",
      title: "Restarting Snake",
      note: "Demo Admin is restarting it; you go back to the game as soon as it answers.",
    });
    expect(bootWords(view("starting", { operation: "start" }))).toEqual({ eyebrow: "Waking the server", title: "Starting Snake", note: null });
  });
});

describe("why a game the player had open is gone", () => {
  it("says that nobody played, and offers to wake it again", () => {
    expect(stoppedWords(view("stopped", { by: arcade, reason: "nobody played for 30 min", operation: "shutdown" }))).toEqual({
      title: "Snake went to sleep",
      reason: "Nobody played for 30 min, so its server went to sleep.",
      retryLabel: "Wake it again",
    });
  });

  it("names the admin who shut it down or stopped it", () => {
    expect(stoppedWords(view("stopping", { by: admin, operation: "shutdown" }))).toMatchObject({ title: "Snake is shutting down", reason: "Demo Admin shut it down." });
    expect(stoppedWords(view("stopped", { by: admin, operation: "stop" }))).toMatchObject({ title: "Snake was stopped", reason: "Demo Admin stopped it.", retryLabel: "Play again" });
  });

  it("counts a planned shutdown down from its time, naming who planned it", () => {
    const planned = view("ready", { scheduledShutdown: { at: new Date(T + 60_000).toISOString(), by: admin } });
    expect(shutdownNotice(planned, T + 18_000)).toEqual({ leftMs: 42_000, by: "Demo Admin" });
    expect(shutdownNotice(view("ready"), T)).toBeNull();
  });
});

describe("honest words on the cards", () => {
  it("never says Join for a game where everyone plays their own copy", () => {
    expect(playLabel(view("starting"))).toBe("Play");
    expect(playLabel(view("ready", { playerCount: 2 }))).toBe("Play now");
    expect(playLabel(view("starting", { multiplayer: true }))).toBe("Join");
    expect(playLabel(view("ready", { multiplayer: true, playerCount: 2 }))).toBe("Join");
    expect(playLabel(view("ready", { multiplayer: true }))).toBe("Play now");
  });

  it("shows the usual boot time only where Play would boot the game", () => {
    expect(cardEta(view("stopped"))).toBe("usually ready in ~4 s");
    expect(cardEta(view("starting", { operation: "start" }))).toBe("usually ready in ~4 s");
    expect(cardEta(view("stopping", { by: admin }))).toBeNull();
    expect(cardEta(view("starting", { operation: "reboot" }))).toBeNull();
    expect(cardEta(view("ready"))).toBeNull();
  });

  it("tells of a planned shutdown, a restart and idle sleep under the badge", () => {
    expect(cardLine(view("ready", { scheduledShutdown: { at: new Date(T + 60_000).toISOString(), by: admin } }), T + 5_000)).toBe("Shuts down in 0:55 (Demo Admin).");
    expect(cardLine(view("starting", { operation: "reboot", by: admin }), T)).toBe("Restarting: Demo Admin rebooted it.");
    expect(cardLine(view("stopping", { by: arcade, reason: "nobody played for 30 min" }), T)).toBe("Going to sleep: nobody played for 30 min.");
    expect(cardLine(view("stopped", { by: arcade, reason: "nobody played for 30 min" }), T)).toBe("Asleep since nobody played for 30 min; Play wakes it up.");
    expect(cardLine(view("stopping", { by: admin }), T)).toBe("Stopped by Demo Admin");
  });
});

describe("the admin's power actions", () => {
  const players = [{ id: "p_1", name: "Demo Player", avatarUrl: null, status: null }, { id: "p_2", name: "Alex", avatarUrl: null, status: "Level 3" }];

  it("name who is playing now in every confirmation, and offer the countdown only when someone is", () => {
    const playing = view("ready", { players, playerCount: 2 });
    expect(powerQuestion("shutdown", playing)).toMatchObject({
      body: "Demo Player and Alex are playing Snake right now. The container gets 30 s to shut down cleanly, then it is stopped.",
      offersDelay: true,
    });
    expect(powerQuestion("reboot", playing).body).toBe("Demo Player and Alex are playing Snake right now. They see that it is restarting and go back to the game when CT 2201 answers again.");
    expect(powerQuestion("stop", playing).body).toContain("they are dropped and unsaved state is lost");
    expect(powerQuestion("shutdown", view("ready"))).toMatchObject({ body: expect.stringMatching(/^Nobody is playing Snake right now\./), offersDelay: false });
  });

  it("are disabled while the game stops, except Force stop during a clean shutdown", () => {
    const stopping = (operation: GameView["operation"]) => (["start", "shutdown", "stop", "reboot"] as const).filter((a) => powerEnabled(a, view("stopping", { operation })));
    expect(stopping("shutdown")).toEqual(["stop"]);
    expect(stopping("stop")).toEqual([]);
    expect((["start", "shutdown", "stop", "reboot"] as const).filter((a) => powerEnabled(a, view("ready")))).toEqual(["shutdown", "stop", "reboot"]);
  });
});

describe("the idle setting says what it will do before it is saved", () => {
  // Nobody has played for 12 min: with 30 min the game sleeps at 18 min from now.
  const idle = view("ready", { idleStopMinutes: 30, idleStopAt: new Date(T + 18 * 60_000).toISOString() });

  it("says the game goes to sleep on saving when nobody has played for longer than the new time", () => {
    expect(idleSleepPreview(idle, 5, T)).toBe("Nobody has played Snake for 12 min: with 5 min it goes to sleep as soon as you save.");
  });

  it("says when it would sleep otherwise, and nothing when the setting does not change", () => {
    expect(idleSleepPreview(idle, 20, T)).toBe("Snake would go to sleep in 8 min if nobody plays.");
    expect(idleSleepPreview(idle, 0, T)).toBe("Snake will not go to sleep by itself.");
    expect(idleSleepPreview(idle, 30, T)).toBeNull();
    expect(idleSleepPreview({ ...idle, state: "stopped" }, 5, T)).toBeNull();
    expect(idleSleepPreview({ ...idle, idleStopAt: null, playerCount: 1 }, 5, T)).toBe("Someone is playing Snake: it goes to sleep 5 min after the last player leaves.");
  });
});
