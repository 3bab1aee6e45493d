import { expect, test } from "./support/test";
import { discord } from "./support/bot-discord";
import { startBotProcess } from "./support/bot-process";
import { botEnv, channels, portal, tempStateFile } from "./support/bot-stack";

// Notifications and the live status message across bot restarts: the bot keeps its place in BOT_STATE_FILE.
test.describe.configure({ mode: "serial" });

const ready = /following the arcade's events/;
const contents = async (channelId: string, since: number) => (await discord.messagesSince(channelId, since)).map((m) => m.content);
const settleMs = 1_500;

test.afterEach(async () => {
  await portal.ensureStopped("snake");
});

test("a bot restarted between two events delivers each exactly once", async () => {
  const env = botEnv({ BOT_STATE_FILE: tempStateFile() });
  const since = Date.now();
  const first = startBotProcess(env);
  await first.waitForLine(ready);
  await portal.post("snake", "play");
  await expect.poll(() => contents(channels.notify, since)).toEqual([expect.stringMatching(/started \*\*Snake\*\* through the API/), expect.stringMatching(/\*\*Snake\*\* is ready/)]);
  expect(await first.stop()).toBe(0);

  expect(await portal.post("snake", "shutdown")).toBe(202);
  await portal.waitForState("snake", "stopped");

  const second = startBotProcess(env);
  await second.waitForLine(/resuming after event \d+/);
  const expected = [
    expect.stringMatching(/started \*\*Snake\*\* through the API/),
    expect.stringMatching(/\*\*Snake\*\* is ready/),
    expect.stringMatching(/\*\*Snake\*\* was shut down by \*\*API token\*\* through the API/),
  ];
  await expect.poll(() => contents(channels.notify, since)).toEqual(expected);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  expect(await contents(channels.notify, since)).toEqual(expected);
  expect(await second.stop()).toBe(0);
});

test("after an outage it posts at most BOT_MAX_BACKLOG missed events and one line counting the rest", async () => {
  const env = botEnv({ BOT_STATE_FILE: tempStateFile(), BOT_MAX_BACKLOG: "1" });
  const first = startBotProcess(env);
  await first.waitForLine(ready);
  await first.stop();

  const since = Date.now();
  await portal.post("snake", "play");
  await portal.waitForState("snake", "ready");
  await portal.post("snake", "shutdown");
  await portal.waitForState("snake", "stopped");

  const second = startBotProcess(env);
  await second.waitForLine(ready);
  const expected = [expect.stringMatching(/While the bot was away, 2 older events .* went unposted/), expect.stringMatching(/\*\*Snake\*\* was shut down/)];
  await expect.poll(() => contents(channels.notify, since)).toEqual(expected);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  expect(await contents(channels.notify, since)).toEqual(expected);
  await second.stop();
});

test("a notification that meets a Discord rate limit waits it out and is posted once", async () => {
  const bot = startBotProcess(botEnv());
  await bot.waitForLine(ready);
  const since = Date.now();
  await discord.rateLimit("POST /channels/*/messages", 2, 400);
  await portal.post("snake", "play");
  const expected = [expect.stringMatching(/started \*\*Snake\*\* through the API/), expect.stringMatching(/\*\*Snake\*\* is ready/)];
  await expect.poll(() => contents(channels.notify, since)).toEqual(expected);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  expect(await contents(channels.notify, since)).toEqual(expected);
  const posts = (await discord.requests()).filter((r) => r.at >= since && r.method === "POST" && r.path === `/channels/${channels.notify}/messages`);
  expect(posts.map((r) => r.status)).toEqual([429, 429, 200, 200]);
  await bot.stop();
});

test("the live status message is edited in place, also by a restarted bot, with a link button for ready games", async () => {
  const env = botEnv({ BOT_STATE_FILE: tempStateFile(), DISCORD_STATUS_CHANNEL_ID: channels.status });
  const since = Date.now();
  const first = startBotProcess(env);
  await first.waitForLine(ready);
  await expect.poll(async () => (await discord.messagesSince(channels.status, since)).length).toBe(1);
  const [posted] = await discord.messagesSince(channels.status, since);

  await portal.post("snake", "play");
  await expect
    .poll(async () => {
      const [message] = await discord.messagesSince(channels.status, since);
      return JSON.stringify(message?.components ?? []);
    })
    .toContain("/play/snake");
  await first.stop();

  const restartedAt = Date.now();
  const second = startBotProcess(env);
  await second.waitForLine(ready);
  await expect.poll(async () => (await discord.messagesSince(channels.status, since))[0]?.editedAt ?? 0).toBeGreaterThan(restartedAt);
  const after = await discord.messagesSince(channels.status, since);
  expect(after.map((m) => m.id)).toEqual([posted!.id]);
  expect(JSON.stringify(after[0]!.embeds)).toMatch(/🟢 \*\*Snake\*\*: Ready/);
  await second.stop();
});
