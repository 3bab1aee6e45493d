import { expect, test } from "./support/test";
import { discord, type InteractionView, type Response } from "./support/bot-discord";
import { startBotProcess } from "./support/bot-process";
import { botEnv, channels, tempStateFile, users } from "./support/bot-stack";
import { callApi } from "./support/stack-client";
import { clearScores } from "./support/scores";

// Game records on Discord: posted once each, across a bot restart, like every other notification.
test.describe.configure({ mode: "serial" });

const ready = /following the arcade's events/;
// Members of the sim's guild: the portal looks the acting user up in Discord and takes the name from there.
const player = { id: users.player.id, name: "Demo Player", roles: [] };
const owner = { id: users.owner.id, name: "Guild Owner", roles: [] };
const admin = { id: users.admin.id, name: "Demo Admin", roles: [] };
const contents = async (since: number) => (await discord.messagesSince(channels.notify, since)).map((m) => m.content);

/** A finished run as the bot would relay it for a member: the token plus the acting-user header. */
async function score(who: typeof player, points: number): Promise<void> {
  const { status, body } = await callApi("POST", "/api/v1/games/snake/scores", { acting: who, body: { score: points } });
  expect(status, JSON.stringify(body)).toBe(201);
}

test.beforeAll(async () => {
  await clearScores("snake");
});

test("a new game record is posted exactly once across a bot restart; runs that beat no record are not posted", async () => {
  const env = botEnv({ BOT_STATE_FILE: tempStateFile() });
  const since = Date.now();
  const first = startBotProcess(env);
  await first.waitForLine(ready);
  await score(player, 1300);
  await expect.poll(() => contents(since)).toEqual(["🏆 **Demo Player** set the first **Snake** record: **1,300**."]);
  expect(await first.stop()).toBe(0);

  await score(owner, 900);
  await score(admin, 1520);

  const second = startBotProcess(env);
  await second.waitForLine(/resuming after event \d+/);
  const expected = ["🏆 **Demo Player** set the first **Snake** record: **1,300**.", "🏆 **Demo Admin** set a new **Snake** record: **1,520** — beat **Demo Player**'s 1,300."];
  await expect.poll(() => contents(since)).toEqual(expected);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(await contents(since)).toEqual(expected);
  expect(await second.stop()).toBe(0);
});

test("/scores shows the game's top 5 in an embed, to the member who asked only", async () => {
  const bot = startBotProcess(botEnv());
  await bot.waitForLine(ready);
  try {
    const { id } = await discord.command(users.player.id, "scores", [{ name: "game", value: "snake" }]);
    const edited = (view: InteractionView) => view.responses.some((r: Response) => r.kind === "edit");
    const view = await discord.settle(id, edited);
    expect(view.responses[0]).toMatchObject({ kind: "callback", type: 5, flags: 64 });
    const edit = view.responses.find((r): r is Extract<Response, { kind: "edit" | "followup" }> => r.kind === "edit")!;
    const [embed] = edit.body.embeds as Array<{ title: string; description: string }>;
    expect(embed!.title).toBe("🏆 Snake: top 3");
    expect(embed!.description.split("\n").map((line) => line.replace(/ · <t:\d+:d>$/, ""))).toEqual(["🥇 **Demo Admin** · 1,520", "🥈 **Demo Player** · 1,300", "🥉 **Guild Owner** · 900"]);
  } finally {
    await bot.stop();
  }
});
