import { describe, expect, it } from "vitest";
import type { ArcadeEventView, GameView } from "@/lib/api/schemas";
import { renderGamesList } from "@/bot/format/games-list";
import { clip, lengthOf, packLines } from "@/bot/format/limits";
import { createLinks, type MessagePayload } from "@/bot/format/payload";
import { renderStatus } from "@/bot/format/status-embeds";
import { describeMismatch, matchGame, suggestGames } from "@/bot/games/match-game";
import { loadCommands } from "@/bot/load-commands";
import { formatBacklogSummary, formatNotification } from "@/bot/notifications/format-notification";
import { renderOutcome, renderProgress, renderStillRunning } from "@/bot/play/render-progress";
import { renderStatusMessage } from "@/bot/status-message/render-status-message";
import { parseMessageBody } from "@/sim/discord/messages/message-body";
import { validateCommandList } from "@/sim/discord/rest/command-validation";
import { longText, manyPlayers, manyRecords, maxLengthManifest } from "../support/big-catalogue";

// Every message the bot can send, for the biggest catalogue the manifest allows, checked with the rules the
// strict sim/discord applies (the same code that answers the bot over HTTP in the integration and e2e tests).

const links = createLinks("https://arcade.example.com/");
const USER = "412345678901234567";
const STATES: GameView["state"][] = ["ready", "starting", "stopping", "stopped", "failed", "unknown"];
const LONG_REASON = longText("container 2201 did not start: TASK ERROR", 3000);

function view(index: number, patch: Partial<GameView> = {}): GameView {
  const { id, name, description } = maxLengthManifest(index);
  const state = STATES[index % STATES.length]!;
  return {
    id, name, description, imageUrl: null, url: `http://10.22.0.${index}/`, aspectRatio: "16/9", controls: [], vmid: 2200 + index,
    node: "pve1", state, stage: state === "starting" ? "waiting_for_game" : null, since: "2026-11-28T10:00:00.000Z",
    reason: state === "failed" || state === "unknown" ? LONG_REASON : null,
    ct: { status: "running", uptimeSec: 90_000, cpu: 0.5, cpus: 4, memBytes: 2 ** 30, maxMemBytes: 2 ** 32 }, upid: null,
    by: { kind: "user", id: "523456789012345678", name: longText("Someone", 100) }, opStartedAt: null, eta: { medianMs: 6400, samples: 3 },
    bootTimeoutSec: 900, shutdownTimeoutSec: 600, players: manyPlayers(50), playerCount: 50, records: manyRecords(), idleStopMinutes: 30,
    idleStopAt: state === "ready" ? "2026-11-28T10:30:00.000Z" : null, ...patch,
  };
}

const catalogue = Array.from({ length: 60 }, (_, i) => view(i));
const allReady = catalogue.map((v) => ({ ...v, state: "ready" as const, reason: null }));

/** Discord's answer to this body, from the sim's validator: null when accepted, else the refusal. */
function refusal(payload: MessagePayload, mode: "create" | "edit" = "create"): unknown {
  const result = parseMessageBody(JSON.parse(JSON.stringify(payload)), mode);
  return "error" in result ? result.error.json : null;
}

const textOf = (pages: MessagePayload[]) => pages.map((p) => `${p.content}\n${JSON.stringify(p.embeds)}`).join("\n");

describe("the bot's messages for 60 games at the manifest's maximum lengths, with 50 players each", () => {
  it("/games: every game listed, spread over messages Discord accepts, with the Play buttons of each page's ready games", () => {
    for (const views of [catalogue, allReady]) {
      const pages = renderGamesList(views, links);
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) expect(refusal(page)).toBeNull();
      for (const game of views) expect(textOf(pages)).toContain(`\`${game.id}\``);
      const buttons = pages.flatMap((page) => page.components.flatMap((row) => row.components));
      expect(buttons.length).toBe(Math.min(views.filter((v) => v.state === "ready").length, pages.length * 25));
    }
  });

  it("/status: one embed per game over several messages, none past ten embeds or 6000 characters", () => {
    const pages = renderStatus(catalogue, links);
    for (const page of pages) expect(refusal(page)).toBeNull();
    expect(pages.flatMap((page) => page.embeds)).toHaveLength(60);
    expect(pages.at(-1)!.content).toBe(`Games ${60 - pages.at(-1)!.embeds.length + 1}–60 of 60.`);
    const failed = pages.flatMap((page) => page.embeds).find((embed) => embed.fields?.[0]?.value.startsWith("Failed"))!;
    expect(failed.fields![0]!.value).toMatch(/…$/);
    expect(failed.fields!.find((f) => f.name === "Playing")!.value).toMatch(/ and 40 more$/);
  });

  it("the live status message: one accepted message that names every game, or says how many more the portal shows", () => {
    for (const stale of [false, true]) {
      const payload = renderStatusMessage(catalogue, links, { stale });
      expect(refusal(payload)).toBeNull();
      expect(refusal(payload, "edit")).toBeNull();
      const text = payload.embeds.map((embed) => embed.description).join("\n");
      const named = text.match(/^\S+ \*\*Game \d+ .*\*\*: /gmu)?.length ?? 0;
      const more = Number(/…and (\d+) more on the portal\./.exec(text)?.[1] ?? 0);
      expect(named + more).toBe(60);
      expect(payload.components.flatMap((row) => row.components).length).toBeLessThanOrEqual(25);
    }
  });

  it("notifications for every kind of event, with the portal's long messages and reasons, are accepted and name the game", () => {
    const types = ["game.starting", "game.ready", "game.stopped", "game.failed", "game.rebooting", "game.started_externally", "game.stopped_externally"];
    const game = catalogue[4]!;
    for (const type of types) {
      const event: ArcadeEventView = {
        id: 1, at: "2026-11-28T10:00:00.000Z", type, gameId: game.id, vmid: game.vmid, node: "pve1", durationMs: 6000, state: null, upid: null,
        actor: { kind: "user", id: USER, name: longText("Alex", 100) }, source: "discord", result: null, reason: LONG_REASON,
        message: `${game.name} failed to start: ${LONG_REASON}`,
      };
      const payload = formatNotification(event, () => game.name, links)!;
      expect(refusal(payload)).toBeNull();
      expect(payload.content).toContain("**");
    }
    expect(refusal(formatBacklogSummary(123_456, { from: "2026-11-28T10:00:00.000Z", to: "2026-11-29T10:00:00.000Z" }))).toBeNull();
  });

  it("/play progress, outcomes and the 15-minute pointer stay accepted edits", () => {
    for (const game of catalogue.slice(0, 6)) {
      for (const kind of ["play", "start", "reboot", "shutdown", "stop"] as const) {
        expect(refusal(renderProgress({ kind, view: game, elapsedMs: 754_000, userId: USER }), "edit")).toBeNull();
        expect(refusal(renderOutcome(kind, game, links, 754_000), "edit")).toBeNull();
      }
      expect(refusal(renderStillRunning(game, links, 840_000), "edit")).toBeNull();
    }
  });

  it("a name that matches nothing gets a list that fits one message, pointing to /games for the rest", () => {
    const match = matchGame("tetris", catalogue);
    if (match.kind === "found") throw new Error("tetris is not in the catalogue");
    const sentence = describeMismatch(longText("tetris", 100), match, catalogue);
    expect(lengthOf(sentence)).toBeLessThanOrEqual(2000);
    expect(sentence).toMatch(/and \d+ more \(see `\/games`\)\.$/);
    const ambiguous = matchGame("game", catalogue);
    if (ambiguous.kind !== "ambiguous") throw new Error("every game is called Game n");
    expect(lengthOf(describeMismatch("game", ambiguous, catalogue))).toBeLessThanOrEqual(2000);
  });

  it("autocomplete offers at most 25 choices, each name and value within 100 characters", () => {
    const choices = suggestGames("", catalogue, (game) => `${game.name} · ${longText("state", 80)}`);
    expect(choices).toHaveLength(25);
    for (const choice of choices) {
      expect(lengthOf(choice.name)).toBeLessThanOrEqual(100);
      expect(choice.name).toMatch(/…$/);
      expect(lengthOf(choice.value)).toBeLessThanOrEqual(100);
    }
  });

  it("registers commands Discord accepts", async () => {
    const body = [...(await loadCommands()).values()].map((command) => command.data.toJSON());
    expect(validateCommandList(JSON.parse(JSON.stringify(body)))).toEqual({ commands: body });
  });
});

describe("cutting text to Discord's limits", () => {
  it("counts an emoji once, never splits one, and marks the cut with an ellipsis", () => {
    expect(lengthOf("🟢 ready")).toBe(7);
    expect(clip("🟢🟢🟢", 3)).toBe("🟢🟢🟢");
    expect(clip("🟢🟢🟢🟢", 3)).toBe("🟢🟢…");
    expect(clip("abc def", 5)).toBe("abc…");
  });

  it("packs lines into chunks without reordering or splitting them, and turns inner newlines into spaces", () => {
    expect(packLines(["aaa", "bbb", "ccc"], 7)).toEqual([["aaa", "bbb"], ["ccc"]]);
    expect(packLines(["one\ntwo"], 20)).toEqual([["one two"]]);
    expect(packLines(["x".repeat(10)], 5)).toEqual([["xxxx…"]]);
  });
});
