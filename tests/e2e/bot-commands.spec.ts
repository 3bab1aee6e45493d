import { expect, test } from "./support/test";
import { contentOf, discord, linkButtons, type InteractionView, type Response } from "./support/bot-discord";
import { type BotProcess, startBotProcess } from "./support/bot-process";
import { botEnv, channels, portal, stack, users } from "./support/bot-stack";

// The real bot (tsx bot/main.ts, discord.js 14) against sim/discord, the production portal and sim/proxmox.
test.describe.configure({ mode: "serial" });

let bot: BotProcess;

test.beforeAll(async () => {
  await portal.ensureStopped("snake");
  bot = startBotProcess(botEnv());
  await bot.waitForLine(/following the arcade's events/);
});

test.afterAll(async () => {
  await bot?.stop();
  await portal.ensureStopped("snake");
});

type Edit = Extract<Response, { kind: "edit" | "followup" }>;
const edits = (view: InteractionView) => view.responses.filter((r): r is Edit => r.kind === "edit");
const lastEdit = (view: InteractionView) => edits(view).at(-1);
const hasEdit = (view: InteractionView) => edits(view).length > 0;

test("/play on a stopped game defers at once, shows the boot, ends with a link button, and notifies started and ready once", async () => {
  const since = Date.now();
  const { id } = await discord.command(users.player.id, "play", [{ name: "game", value: "snake" }]);
  const view = await discord.settle(id, (v) => linkButtons(lastEdit(v)?.body.components).length > 0);

  expect(view.responses[0]).toMatchObject({ kind: "callback", type: 5, flags: 64 });
  expect(view.acknowledgedAt! - view.dispatchedAt).toBeLessThan(1_000);
  const all = edits(view);
  const progress = all.slice(0, -1).map(contentOf);
  expect(progress.length).toBeGreaterThanOrEqual(1);
  expect(progress[0]).toMatch(/Starting \*\*Snake\*\*/);
  // Every progress edit says how long it has taken and what to expect; at least one names the boot stage.
  for (const text of progress) expect(text).toMatch(/\nElapsed \d+ s · (no boot time recorded yet; gives up after \d+ s|usually ready in about [\d.]+ s|taking longer than usual)/);
  const stages = /Starting \*\*Snake\*\*: (asking Proxmox to start the container|container starting|container running, game loading|waiting for the game to answer)$/m;
  expect(progress.some((text) => stages.test(text)), progress.join("\n---\n")).toBe(true);
  for (let i = 1; i < all.length; i++) expect(all[i]!.at - all[i - 1]!.at).toBeGreaterThanOrEqual(950);
  const final = lastEdit(view)!;
  expect(contentOf(final)).toMatch(/✅ \*\*Snake\*\* is ready \(took [\d.]+ s\)/);
  expect(linkButtons(final.body.components)).toEqual([{ label: "Play Snake", url: `${stack().portalUrl}/play/snake` }]);
  expect(view.original?.flags ?? 0).toBe(64);

  const expected = [expect.stringMatching(/\*\*Demo Player\*\* started \*\*Snake\*\* from Discord/), expect.stringMatching(/\*\*Snake\*\* is ready/)];
  await expect.poll(async () => (await discord.messagesSince(channels.notify, since)).map((m) => m.content)).toEqual(expected);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect((await discord.messagesSince(channels.notify, since)).map((m) => m.content)).toEqual(expected);
});

test("/play on a game that is already ready answers with the link at once", async () => {
  await portal.post("snake", "play");
  await portal.waitForState("snake", "ready");
  const { id } = await discord.command(users.player.id, "play", [{ name: "game", value: "Snake" }]);
  const view = await discord.settle(id, hasEdit);
  expect(edits(view)).toHaveLength(1);
  expect(contentOf(lastEdit(view)!)).toMatch(/\*\*Snake\*\* is ready and running/);
});

test("a member's /stop is refused with the portal's sentence and the game keeps running", async () => {
  await portal.waitForState("snake", "ready");
  const { id } = await discord.command(users.player.id, "stop", [{ name: "game", value: "snake" }]);
  const view = await discord.settle(id, hasEdit);
  expect(view.responses[0]).toMatchObject({ kind: "callback", type: 5, flags: 64 });
  expect(contentOf(lastEdit(view)!)).toMatch(/Only arcade admins can start, shut down, stop or reboot containers/);
  expect((await portal.game("snake")).state).toBe("ready");
});

test("an admin's /shutdown stops the game, says so, and notifies who did it", async () => {
  await portal.waitForState("snake", "ready");
  const since = Date.now();
  const { id } = await discord.command(users.admin.id, "shutdown", [{ name: "game", value: "snake" }]);
  const view = await discord.settle(id, (v) => /is shut down/.test(String(lastEdit(v)?.body.content)));
  expect(contentOf(edits(view)[0]!)).toMatch(/Shutting down \*\*Snake\*\*/);
  expect((await portal.game("snake")).state).toBe("stopped");
  await expect
    .poll(async () => (await discord.messagesSince(channels.notify, since)).map((m) => m.content))
    .toEqual([expect.stringMatching(/\*\*Snake\*\* was shut down by \*\*Demo Admin\*\* from Discord/)]);
});

test("typed input that names no game gets the list of valid games", async () => {
  const { id } = await discord.command(users.player.id, "play", [{ name: "game", value: "tetris" }]);
  const view = await discord.settle(id, hasEdit);
  expect(contentOf(lastEdit(view)!)).toMatch(/There is no game called “tetris”\. The games are .*Snake \(`snake`\)/);
  const alias = await discord.command(users.player.id, "play_cartofia");
  expect(contentOf(lastEdit(await discord.settle(alias.id, hasEdit))!)).toMatch(/There is no game called “cartofia”/);
});

test("autocomplete suggests games with their state; /status and /games describe them", async () => {
  const suggestion = await discord.autocomplete(users.player.id, "play", { name: "game", value: "sn" });
  const answered = await discord.settle(suggestion.id, (v) => v.responses.length > 0);
  expect(answered.responses[0]).toMatchObject({ kind: "callback", type: 8, data: { choices: [{ name: "Snake · ⚫ Stopped", value: "snake" }] } });

  const status = await discord.command(users.player.id, "status", [{ name: "game", value: "snake" }]);
  const statusEdit = lastEdit(await discord.settle(status.id, hasEdit))!;
  const embeds = statusEdit.body.embeds as Array<{ title: string; color: number; fields: Array<{ name: string; value: string }> }>;
  expect(embeds).toHaveLength(1);
  expect(embeds[0]!.title).toBe("⚫ Snake");
  expect(embeds[0]!.fields.map((f) => f.name)).toEqual(["State", "Node", "Uptime", "CPU", "Memory", "Playing"]);
  expect(embeds[0]!.fields.find((f) => f.name === "Node")?.value).toBe("pve1");

  const games = await discord.command(users.player.id, "games");
  expect(contentOf(lastEdit(await discord.settle(games.id, hasEdit))!)).toMatch(/Snake.*`snake`: Stopped/);
});
