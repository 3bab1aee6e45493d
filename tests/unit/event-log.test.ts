import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { EventLog } from "@/lib/events";

const mia = (name: string) => ({ kind: "user" as const, id: "400000000000000001", name });

describe("the event log behind the audit page", () => {
  it("offers each person once, under the name of their latest event, and never the system or the token", () => {
    const log = new EventLog(openDatabase(":memory:"));
    log.append({ type: "game.starting", gameId: "snake", actor: mia("Mia"), source: "web" });
    log.append({ type: "game.ready", gameId: "snake", actor: { kind: "system", id: null, name: "Arcade" }, source: "auto" });
    log.append({ type: "game.stopping", gameId: "snake", actor: mia("Mia the Great"), source: "discord", action: "shutdown" });
    expect(log.actors()).toEqual([{ id: "400000000000000001", name: "Mia the Great" }]);
  });

  it("pages newest first and says where the next page starts, and that the last page is the last", () => {
    const log = new EventLog(openDatabase(":memory:"));
    for (let i = 0; i < 5; i++) log.append({ type: "game.settings_changed", gameId: "snake", actor: mia("Mia"), source: "web" });
    const first = log.page({ gameId: "snake", limit: 3 });
    expect(first.events.map((e) => e.id)).toEqual([5, 4, 3]);
    expect(first.nextBefore).toBe(3);
    const second = log.page({ gameId: "snake", beforeId: first.nextBefore!, limit: 3 });
    expect(second.events.map((e) => e.id)).toEqual([2, 1]);
    expect(second.nextBefore).toBeNull();
  });

  it("keeps the duration out of the sentence, so the audit shows one figure, also for rows stored with it", () => {
    const db = openDatabase(":memory:");
    const log = new EventLog(db);
    const ready = log.append({ type: "game.ready", gameId: "snake", gameName: "Snake", actor: mia("Mia"), source: "web", durationMs: 1_750 });
    expect(ready.message).toBe("Snake is ready");
    expect(ready.durationMs).toBe(1_750);
    db.prepare("UPDATE events SET message = 'Snake is ready (took 1.8 s)' WHERE id = ?").run(ready.id);
    expect(log.query({ gameId: "snake" })[0]!.message).toBe("Snake is ready");
  });
});
