import { createConnection, createServer, type Server } from "node:net";
import { expect, test } from "./support/test";
import { contentOf, discord, type InteractionView, linkButtons, type Response } from "./support/bot-discord";
import { startBotProcess } from "./support/bot-process";
import { botEnv, portal, stack, users } from "./support/bot-stack";
import { freePort } from "./support/e2e-catalogue";

/** The portal "coming back" on the port the bot was given: a plain TCP forwarder to the running portal. */
function forwardToPortal(port: number): Promise<Server> {
  const target = new URL(stack().portalUrl);
  const server = createServer((socket) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    socket.pipe(upstream).pipe(socket);
    socket.on("error", () => upstream.destroy());
    upstream.on("error", () => socket.destroy());
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

test("with the portal down, commands answer with a sentence saying so; the bot keeps running and recovers when it returns", async () => {
  await portal.ensureStopped("snake");
  const closedPort = await freePort();
  const bot = startBotProcess(botEnv({ ARCADE_URL: `http://127.0.0.1:${closedPort}`, ARCADE_PUBLIC_URL: "https://arcade.example.com" }));
  await bot.waitForLine(/logged in to Discord/);
  await bot.waitForLine(/event stream is down .* reconnecting in/);

  for (const [name, options] of [["play", [{ name: "game", value: "snake" }]], ["status", []]] as const) {
    const { id } = await discord.command(users.player.id, name, [...options]);
    const view = await discord.settle(id, (v) => v.responses.some((r) => r.kind === "edit"));
    expect(view.responses[0]).toMatchObject({ kind: "callback", type: 5, flags: 64 });
    expect(contentOf(view.responses.at(-1)!)).toMatch(/The arcade portal is not answering right now/);
  }
  const suggestion = await discord.autocomplete(users.player.id, "play", { name: "game", value: "sn" });
  const answered = await discord.settle(suggestion.id, (v) => v.responses.length > 0);
  expect(answered.responses[0]).toMatchObject({ kind: "callback", type: 8, data: { choices: [] } });

  expect(bot.child.exitCode).toBeNull();
  await expect.poll(() => bot.output().match(/event stream is down/g)?.length ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);

  const forwarder = await forwardToPortal(closedPort);
  try {
    await bot.waitForLine(/following the arcade's events/);
    const { id } = await discord.command(users.player.id, "play", [{ name: "game", value: "snake" }]);
    const lastEdit = (v: InteractionView) => v.responses.filter((r): r is Extract<Response, { body: unknown }> => r.kind === "edit").at(-1);
    const view = await discord.settle(id, (v) => linkButtons(lastEdit(v)?.body.components).length > 0);
    expect(contentOf(view.responses.at(-1)!)).toMatch(/\*\*Snake\*\* is ready/);
    expect(await bot.stop()).toBe(0);
  } finally {
    forwarder.close();
    await portal.ensureStopped("snake");
  }
  expect(bot.output()).not.toMatch(/^\s+at /m);
});

test("a bad configuration prints every problem and exits 1 without a stack trace", async () => {
  const bot = startBotProcess({ DISCORD_TOKEN: "x", DISCORD_APP_ID: "not-an-id", ARCADE_URL: "portal.lan", BOT_MAX_BACKLOG: "lots" });
  expect(await bot.exited()).toBe(1);
  const output = bot.output();
  expect(output).toMatch(/DISCORD_APP_ID must be/);
  expect(output).toMatch(/ARCADE_URL must be an http\(s\) URL/);
  expect(output).toMatch(/ARCADE_API_TOKEN is not set/);
  expect(output).toMatch(/BOT_MAX_BACKLOG must be a whole number/);
  expect(output).not.toMatch(/^\s+at /m);
});
