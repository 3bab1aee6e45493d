import { expect, test } from "./support/test";
import { discord } from "./support/bot-discord";
import { botEntry, startBotProcess } from "./support/bot-process";
import { botEnv, demo } from "./support/bot-stack";

// `npm run bot:deploy` against sim/discord: the payload Discord stores is what a real guild would get.
test("the deploy script registers the commands guild-scoped, and globally without DISCORD_GUILD_ID, matching the snapshot", async ({}, testInfo) => {
  testInfo.snapshotSuffix = "";
  const guild = startBotProcess(botEnv(), botEntry("deploy-commands"));
  expect(await guild.exited()).toBe(0);
  expect(guild.output()).toMatch(/Registered 9 commands in server \d+ .*\/play /);
  const registered = await discord.commands(demo.guild.id);
  expect(`${JSON.stringify(registered, null, 2)}\n`).toMatchSnapshot("bot-commands.json");

  const global = startBotProcess(botEnv({ DISCORD_GUILD_ID: "" }), botEntry("deploy-commands"));
  expect(await global.exited()).toBe(0);
  expect(global.output()).toMatch(/Registered 9 commands globally/);
  expect(await discord.commands()).toEqual(registered);
});
