import { describe, expect, it } from "vitest";
import { FULL_VIEW, friendlyReason, viewerFor, visibleGameView } from "@/lib/api/game-visibility";
import type { GameView } from "@/lib/api/schemas";
import { createEventStream } from "@/lib/api/event-stream";
import { createSseParser } from "@/lib/api/sse";
import type { ViewHub } from "@/lib/control-plane/view-hub";
import { openDatabase } from "@/lib/db";
import { EventLog } from "@/lib/events";

const ADMIN_ID = "523456789012345678";
const MEMBER_ID = "412345678901234567";
const upid = "UPID:pve1:0001E240:00A1B2C3:6750A1B2:vzstart:2203:arcade@pve!portal:";
const internal = "game not answering at http://10.22.0.20/index.html after 8 s (connect ECONNREFUSED 10.22.0.20:80)";
const authz = { adminRoleIds: ["900000000000000001"] };
const member = viewerFor({ kind: "user", discordId: MEMBER_ID, name: "Demo Player", avatarUrl: null, roles: [], isGuildOwner: false }, authz);

const failed: GameView = {
  id: "star-dodge", name: "Star Dodge", description: "", imageUrl: null, url: "https://star.arcade.example/", aspectRatio: "16/9", controls: [], vmid: 2203,
  node: "pve1", state: "failed", stage: null, since: "2026-12-01T10:00:00.000Z", reason: internal, ct: null, upid,
  by: { kind: "user", id: ADMIN_ID, name: "Demo Admin" }, opStartedAt: null, eta: null, bootTimeoutSec: 8, shutdownTimeoutSec: 30,
  players: [
    { id: ADMIN_ID, name: "Demo Admin", avatarUrl: `https://cdn.discordapp.com/avatars/${ADMIN_ID}/0123456789abcdef0123456789abcdef.png?size=64`, status: "Wave 3" },
    { id: MEMBER_ID, name: "Demo Player", avatarUrl: null, status: null },
  ],
  playerCount: 2, idleStopMinutes: 30, idleStopAt: null,
  records: [{ mode: null, score: 1520, name: "Demo Admin", avatarUrl: `https://cdn.discordapp.com/avatars/${ADMIN_ID}/0123456789abcdef0123456789abcdef.png?size=64`, at: "2026-12-01T09:00:00.000Z" }],
};

describe("what a caller may see of a game", () => {
  it("gives admins, the guild owner and the bare API token everything", () => {
    expect(viewerFor({ kind: "token", name: "API token" }, authz)).toBe(FULL_VIEW);
    expect(viewerFor({ kind: "user", discordId: ADMIN_ID, name: "A", avatarUrl: null, roles: ["900000000000000001"], isGuildOwner: false }, authz)).toBe(FULL_VIEW);
    expect(viewerFor({ kind: "user", discordId: ADMIN_ID, name: "A", avatarUrl: null, roles: [], isGuildOwner: true }, authz)).toBe(FULL_VIEW);
    expect(visibleGameView(failed, FULL_VIEW)).toEqual(failed);
  });

  it("gives a member names and a friendly reason, and no UPID, address or other person's Discord id", () => {
    const seen = visibleGameView(failed, member);
    expect(seen.reason).toBe("The game did not answer in time.");
    expect(seen.upid).toBeNull();
    expect(seen.by).toEqual({ kind: "user", id: null, name: "Demo Admin" });
    expect(seen.players.map((p) => p.name)).toEqual(["Demo Admin", "Demo Player"]);
    expect(seen.players[1]).toEqual({ id: MEMBER_ID, name: "Demo Player", avatarUrl: null, status: null });
    expect(seen.players[0]).toMatchObject({ avatarUrl: null, status: "Wave 3" });
    expect(seen.players[0]!.id).toMatch(/^p_[\w-]{16}$/);
    expect(seen.records).toEqual([{ mode: null, score: 1520, name: "Demo Admin", avatarUrl: null, at: "2026-12-01T09:00:00.000Z" }]);
    const text = JSON.stringify(seen);
    for (const secret of [ADMIN_ID, "UPID:", "arcade@pve", "10.22.0.20"]) expect(text).not.toContain(secret);
  });

  it("tells a member who planned a shutdown by name only, and why an idle game went to sleep", () => {
    const planned = visibleGameView({ ...failed, state: "ready", reason: null, scheduledShutdown: { at: "2026-12-01T10:01:00.000Z", by: { kind: "user", id: ADMIN_ID, name: "Demo Admin" } } }, member);
    expect(planned.scheduledShutdown).toEqual({ at: "2026-12-01T10:01:00.000Z", by: { kind: "user", id: null, name: "Demo Admin" } });
    expect(visibleGameView({ ...failed, state: "stopped", reason: "nobody played for 30 min" }, member).reason).toBe("nobody played for 30 min");
    expect(visibleGameView({ ...failed, state: "stopping", reason: "shut down by Demo Admin" }, member).reason).toBeNull();
  });

  it("keeps the member's own id where they started the game themselves", () => {
    const mine = visibleGameView({ ...failed, by: { kind: "user", id: MEMBER_ID, name: "Demo Player" } }, member);
    expect(mine.by).toEqual({ kind: "user", id: MEMBER_ID, name: "Demo Player" });
  });

  it("turns every reason the lifecycle gives into a sentence without Proxmox's details", () => {
    const cases: Array<[GameView["state"], string, string]> = [
      ["failed", internal, "The game did not answer in time."],
      ["failed", "Proxmox could not start CT 2203: command 'lxc-start -n 2203' failed: exit code 1", "The game's server could not be started."],
      ["failed", "CT 2203 did not report running in time", "The game's server did not come up in time."],
      ["failed", "could not shut down: Proxmox answered 500 CT is locked (backup).", "The game's server could not be stopped."],
      ["unknown", 'CT 2203 is not in the Proxmox cluster: check "vmid" in game.json', "The game's server is not set up yet."],
      ["unknown", "Proxmox cannot see CT 2203 right now: node pve2 is not reporting", "The machine that hosts this game is not reporting right now."],
      ["unknown", "TLS: certificate fingerprint 4F:2A:...:9C of https://10.22.0.2:8006 does not match PROXMOX_FINGERPRINT", "The game servers cannot be reached right now."],
    ];
    for (const [state, reason, friendly] of cases) expect(friendlyReason(state, reason)).toBe(friendly);
    expect(friendlyReason("ready", null)).toBeNull();
  });

  it("applies to the event stream's snapshot and status frames", async () => {
    let push: ((view: GameView) => void) | undefined;
    const hub = { shutdownRetryMs: null, views: () => [failed], subscribe: (l: { status?: (v: GameView) => void }) => ((push = l.status), () => undefined) } as unknown as ViewHub;
    const controller = new AbortController();
    const stream = createEventStream(hub, new EventLog(openDatabase(":memory:")), {
      cursor: null, signal: controller.signal, redact: true, maxDurationMs: 50, present: (view) => visibleGameView(view, member),
    });
    push!({ ...failed, state: "starting", reason: null });
    let text = "";
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) text += new TextDecoder().decode(chunk);
    const frames: Array<{ event: string; data: string }> = [];
    createSseParser((f) => frames.push(f))(text);
    expect(frames.map((f) => f.event)).toEqual(["snapshot", "status"]);
    for (const secret of [ADMIN_ID, "UPID:", "10.22.0.20"]) expect(text).not.toContain(secret);
    expect(JSON.parse(frames[0]!.data).games[0].reason).toBe("The game did not answer in time.");
  });
});
