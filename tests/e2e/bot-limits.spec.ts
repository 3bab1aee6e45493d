import { expect, test } from "./support/test";
import type { SimInteraction, SimInteractionResponse } from "@/sim/discord";
import { type BotProcess, startBotProcess } from "./support/bot-process";
import { tempStateFile } from "./support/bot-stack";
import { GAME_COUNT, PLAYER_COUNT, reportPlaying, startBigArcade, type BigArcade } from "./support/big-arcade";

// The real bot, the production portal and the strict sim/discord with the biggest catalogue the manifest
// allows: 60 games whose ids, names and descriptions are at their maximum length, and 50 people playing.
// Whatever the bot shows must be accepted by Discord: split into pages or shortened, never refused.
test.describe.configure({ mode: "serial" });

let arcade: BigArcade;
let bot: BotProcess;

const channel = (name: string) => arcade.config.guild.channels.find((c) => c.name === name)!.id;
const member = () => arcade.config.users.find((u) => u.username === "demo_player")!;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  arcade = await startBigArcade();
  for (const gameId of [arcade.games[1]!.id, arcade.games[2]!.id]) {
    for (const player of arcade.players) expect(await reportPlaying(arcade, gameId, player)).toBe(204);
  }
  const { stack, config } = arcade;
  bot = startBotProcess({
    DISCORD_TOKEN: config.bot.token,
    DISCORD_APP_ID: config.bot.applicationId,
    DISCORD_GUILD_ID: config.guild.id,
    DISCORD_NOTIFY_CHANNEL_ID: channel("arcade"),
    DISCORD_STATUS_CHANNEL_ID: channel("arcade-status"),
    DISCORD_API_URL: stack.discord.apiUrl,
    ARCADE_URL: stack.url,
    ARCADE_PUBLIC_URL: stack.url,
    ARCADE_API_TOKEN: stack.apiToken,
    BOT_STATE_FILE: tempStateFile(),
  });
  await bot.waitForLine(/following the arcade's events/);
});

test.afterAll(async () => {
  await bot?.stop();
  await arcade?.close();
});

type Body = { content?: string; embeds?: Array<{ title?: string; description?: string }>; components?: unknown[] };
const bodies = (responses: SimInteractionResponse[]): Body[] => responses.flatMap((r) => (r.kind === "callback" ? [] : [r.body as Body]));

/** Waits until the interaction's replies satisfy `done`, then returns them. */
async function settle(interaction: SimInteraction, done: (replies: Body[]) => boolean): Promise<Body[]> {
  await expect.poll(() => done(bodies(interaction.responses())), { timeout: 30_000, intervals: [100, 250] }).toBe(true);
  return bodies(interaction.responses());
}

test("/games lists all 60 games over several accepted messages", async () => {
  const interaction = await arcade.stack.discord.dispatchCommand({ userId: member().id, name: "games" });
  const text = (replies: Body[]) => replies.map((r) => r.content ?? "").join("\n");
  const replies = await settle(interaction, (r) => arcade.games.every((game) => text(r).includes(`\`${game.id}\``)));
  expect(replies.length).toBeGreaterThan(1);
  expect(interaction.responses().map((r) => r.kind)).toEqual(["callback", "edit", ...replies.slice(1).map(() => "followup")]);
});

test("/status shows one embed per game, 60 in all, spread over messages within Discord's limits", async () => {
  const interaction = await arcade.stack.discord.dispatchCommand({ userId: member().id, name: "status" });
  const replies = await settle(interaction, (r) => r.flatMap((b) => b.embeds ?? []).length === GAME_COUNT);
  for (const reply of replies) expect(reply.embeds!.length).toBeLessThanOrEqual(10);
  const titles = replies.flatMap((b) => b.embeds!.map((e) => e.title));
  for (const game of arcade.games) expect(titles.some((title) => title?.endsWith(game.name))).toBe(true);
  expect(JSON.stringify(replies)).toContain(`and ${PLAYER_COUNT - 10} more`);
});

test("autocomplete offers 25 games at most; a name that matches none gets a list that fits one message", async () => {
  const suggest = await arcade.stack.discord.dispatchAutocomplete({ userId: member().id, name: "play", focused: { name: "game", value: "" } });
  await expect.poll(() => suggest.responses().length).toBe(1);
  const [answer] = suggest.responses();
  expect(answer).toMatchObject({ kind: "callback", type: 8 });
  expect((answer as { data: { choices: unknown[] } }).data.choices).toHaveLength(25);

  const play = await arcade.stack.discord.dispatchCommand({ userId: member().id, name: "play", options: [{ name: "game", value: "tetris" }] });
  const [reply] = await settle(play, (r) => r.length > 0);
  expect(reply!.content).toMatch(/^⚠️ There is no game called “tetris”\. The games are .* and \d+ more \(see `\/games`\)\.$/);
});

test("/play on a game with a 60-character name boots it, and the channel is told in messages Discord accepts", async () => {
  const since = arcade.stack.discord.now();
  const game = arcade.games[0]!;
  const play = await arcade.stack.discord.dispatchCommand({ userId: member().id, name: "play", options: [{ name: "game", value: game.id }] });
  const replies = await settle(play, (r) => (r.at(-1)?.content ?? "").startsWith("✅"));
  expect(replies.at(-1)!.content).toMatch(/^✅ \*\*Game 0 .*\*\* is ready/);
  const notify = () => arcade.stack.discord.messages(channel("arcade")).filter((m) => m.createdAt >= since);
  await expect.poll(() => notify().map((m) => m.content.split(" ")[0])).toEqual(["▶️", "✅"]);
});

test("the live status message names every game, or says how many more the portal shows, in one accepted message", async () => {
  const messages = () => arcade.stack.discord.messages(channel("arcade-status"));
  await expect.poll(() => messages().length).toBe(1);
  const [status] = messages();
  const text = (status!.embeds as Array<{ description: string }>).map((e) => e.description).join("\n");
  const named = text.match(/^\S+ \*\*Game \d+ .*\*\*: /gmu)?.length ?? 0;
  const more = Number(/…and (\d+) more on the portal\./.exec(text)?.[1] ?? 0);
  expect(named + more).toBe(GAME_COUNT);
});

test("Discord refused nothing the bot sent", async () => {
  const refused = arcade.stack.discord.requests().filter((r) => r.status >= 400);
  expect(refused.map((r) => `${r.method} ${r.path} → ${r.status}`)).toEqual([]);
});
