import { describe, expect, it } from "vitest";
import type { GameView } from "@/lib/api/schemas";
import { renderGamesList } from "@/bot/format/games-list";
import { createLinks } from "@/bot/format/payload";
import { renderStatus, renderStatusEmbed } from "@/bot/format/status-embeds";
import { renderOutcome, renderProgress, renderReady, renderStillRunning } from "@/bot/play/render-progress";
import { renderStatusMessage } from "@/bot/status-message/render-status-message";

const links = createLinks("https://arcade.example.com/");
const USER = "412345678901234567";

function game(patch: Partial<GameView> = {}): GameView {
  return {
    id: "snake", name: "Snake", description: "", imageUrl: null, url: "http://10.22.0.21/", aspectRatio: "1/1", controls: [],
    vmid: 2201, node: "pve1", state: "stopped", stage: null, since: "2026-11-28T10:00:00.000Z", reason: null, ct: null, upid: null,
    by: null, opStartedAt: null, eta: null, bootTimeoutSec: 60, shutdownTimeoutSec: 30, players: [], playerCount: 0, idleStopMinutes: 30, idleStopAt: null, records: [],
    ...patch,
  };
}

const buttons = (payload: { components: Array<{ components: Array<{ label?: string; url?: string }> }> }) =>
  payload.components.flatMap((row) => row.components.map((b) => ({ label: b.label, url: b.url })));

describe("the /play reply while a game boots", () => {
  it("shows the stage, the elapsed time in whole seconds and the usual boot time", () => {
    const view = game({ state: "starting", stage: "waiting_for_game", eta: { medianMs: 6400, samples: 5 } });
    expect(renderProgress({ kind: "play", view, elapsedMs: 4_700, userId: USER }).content).toBe(
      "⏳ Starting **Snake**: waiting for the game to answer\nElapsed 4 s · usually ready in about 6.4 s",
    );
  });

  it("says when a boot takes longer than usual, and when there is no history yet", () => {
    const slow = game({ state: "starting", stage: "container_starting", eta: { medianMs: 6400, samples: 5 } });
    expect(renderProgress({ kind: "play", view: slow, elapsedMs: 12_000, userId: USER }).content).toMatch(/taking longer than usual \(about 6\.4 s\); gives up after 60 s$/);
    const fresh = game({ state: "starting", stage: "requested" });
    expect(renderProgress({ kind: "play", view: fresh, elapsedMs: 0, userId: USER }).content).toMatch(/no boot time recorded yet; gives up after 60 s$/);
  });

  it("tells someone who joins another person's boot who started it", () => {
    const view = game({ state: "starting", stage: "container_running", by: { kind: "user", id: "523456789012345678", name: "Alex" } });
    expect(renderProgress({ kind: "play", view, elapsedMs: 2_000, userId: USER }).content).toMatch(/\nAlex started it; the link comes here too\.$/);
  });

  it("ends with a link button to the game's page on the portal", () => {
    const ready = renderOutcome("play", game({ state: "ready" }), links, 6_512);
    expect(ready.content).toBe("✅ **Snake** is ready (took 6.5 s).");
    expect(buttons(ready)).toEqual([{ label: "Play Snake", url: "https://arcade.example.com/play/snake" }]);
    expect(renderReady(game({ state: "ready" }), links, null).content).toBe("✅ **Snake** is ready and running.");
  });

  it("gives the reason of a failure and what to try next", () => {
    const failed = renderOutcome("play", game({ state: "failed", reason: "game not answering at http://10.22.0.21/ after 60 s" }), links, 60_000);
    expect(failed.content).toMatch(/^❌ \*\*Snake\*\* could not start: game not answering at http:\/\/10\.22\.0\.21\/ after 60 s\.\n/);
    expect(failed.content).toMatch(/run `\/play game:snake` again in a minute.*ask an arcade admin/);
    expect(failed.components).toEqual([]);
  });

  it("points to the portal when Discord's 15-minute window runs out", () => {
    const still = renderStillRunning(game({ state: "starting" }), links, 14 * 60_000);
    expect(still.content).toMatch(/still starting after 14 min 0 s/);
    expect(buttons(still)).toEqual([{ label: "Open Snake", url: "https://arcade.example.com/play/snake" }]);
  });

  it("describes admin operations in their own words", () => {
    expect(renderProgress({ kind: "shutdown", view: game({ state: "stopping" }), elapsedMs: 3_000, userId: USER }).content).toBe(
      "⏳ Shutting down **Snake**\nElapsed 3 s · forced after 30 s if it does not go down",
    );
    expect(renderOutcome("stop", game(), links, 800).content).toBe("⏹️ **Snake** is stopped (took 0.8 s).");
    expect(renderOutcome("shutdown", game({ state: "failed", reason: "lock held" }), links, 800).content).toBe(
      "❌ **Snake** could not be shut down: lock held. Try `/stop game:snake` to force it.",
    );
  });
});

describe("/status embeds", () => {
  it("show state, node, uptime, CPU and memory, coloured by state", () => {
    const view = game({ state: "ready", ct: { status: "running", uptimeSec: 3_725, cpu: 0.034, cpus: 2, memBytes: 41_943_040, maxMemBytes: 268_435_456 } });
    const embed = renderStatusEmbed(view, links);
    expect(embed.title).toBe("🟢 Snake");
    expect(embed.color).toBe(0x57f287);
    expect(embed.url).toBe("https://arcade.example.com/play/snake");
    expect(Object.fromEntries(embed.fields!.map((f) => [f.name, f.value]))).toEqual({
      State: "Ready", Node: "pve1", Uptime: "1 h 2 min", CPU: "3.4 % of 2 cores", Memory: "40 MiB of 256 MiB", Playing: "nobody",
    });
  });

  it("name who is playing and when an idle game goes to sleep", () => {
    const players = [{ id: "1", name: "Alex", avatarUrl: null, status: null }, { id: "2", name: "Sam_", avatarUrl: null, status: null }];
    const playing = renderStatusEmbed(game({ state: "ready", players, playerCount: players.length }), links);
    expect(playing.fields!.find((f) => f.name === "Playing")!.value).toBe("Alex, Sam\\_");
    const idle = renderStatusEmbed(game({ state: "ready", idleStopAt: "2026-11-28T10:30:00.000Z" }), links);
    expect(idle.description).toBe("Ready since <t:1795860000:R>\nGoes to sleep <t:1795861800:R> if nobody plays");
    const line = renderStatusMessage([game({ state: "ready", players, playerCount: players.length })], links).embeds[0]!.description;
    expect(line).toBe("🟢 **Snake**: Ready · since <t:1795860000:R> · 2 playing");
  });

  it("use a different colour per state and say why a game failed", () => {
    const colours = (["stopped", "starting", "failed", "unknown"] as const).map((state) => renderStatusEmbed(game({ state }), links).color);
    expect(new Set([...colours, 0x57f287]).size).toBe(5);
    const failed = renderStatusEmbed(game({ state: "failed", reason: "container did not start" }), links);
    expect(failed.fields![0]).toEqual({ name: "State", value: "Failed: container did not start", inline: true });
    expect(failed.fields!.find((f) => f.name === "Uptime")!.value).toBe("not running");
  });

  it("spread over several messages of at most ten embeds, each saying which games it shows", () => {
    const many = Array.from({ length: 12 }, (_, i) => game({ id: `g${i}`, name: `Game ${i}` }));
    const pages = renderStatus(many, links);
    expect(pages.map((page) => page.embeds.length)).toEqual([10, 2]);
    expect(pages.map((page) => page.content)).toEqual(["Games 1–10 of 12; the rest follow.", "Games 11–12 of 12."]);
    expect(pages.flatMap((page) => page.embeds.map((embed) => embed.title))).toEqual(many.map((view) => `⚫ ${view.name}`));
    expect(renderStatus(many.slice(0, 3), links)).toHaveLength(1);
    expect(renderStatus(many.slice(0, 3), links)[0]!.content).toBe("");
  });
});

describe("/games and the live status message", () => {
  const views = [game({ state: "ready" }), game({ id: "star-dodge", name: "Star Dodge", state: "starting", stage: "container_starting" })];

  it("lists every game with its state and offers a Play button for each ready one", () => {
    const [payload, ...more] = renderGamesList(views, links);
    expect(more).toEqual([]);
    expect(payload!.content).toBe(
      "🟢 [Snake](<https://arcade.example.com/play/snake>) `snake`: Ready\n🟡 [Star Dodge](<https://arcade.example.com/play/star-dodge>) `star-dodge`: Starting (container starting)\nStart one with `/play game:`.",
    );
    expect(buttons(payload!)).toEqual([{ label: "Play Snake", url: "https://arcade.example.com/play/snake" }]);
  });

  it("renders the same states identically, so an unchanged arcade needs no edit, and says when it may be stale", () => {
    expect(renderStatusMessage(views, links)).toEqual(renderStatusMessage(structuredClone(views), links));
    const embed = renderStatusMessage(views, links).embeds[0]!;
    expect(embed.description).toBe("🟢 **Snake**: Ready · since <t:1795860000:R>\n🟡 **Star Dodge**: Starting (container starting) · since <t:1795860000:R>");
    expect(embed.footer?.text).toBe("1 of 2 ready · /play game: starts one");
    expect(renderStatusMessage(views, links, { stale: true }).embeds[0]!.description).toMatch(/^⚠️ The portal is not answering/);
  });

  it("keeps link buttons within five rows of five", () => {
    const many = Array.from({ length: 30 }, (_, i) => game({ id: `g${i}`, name: `Game ${i}`, state: "ready" }));
    const rows = renderStatusMessage(many, links).components;
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.components.length === 5)).toBe(true);
  });
});
