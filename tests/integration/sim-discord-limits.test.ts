import { afterAll, beforeAll, describe, expect, it } from "vitest";
import demoConfig from "@/sim/discord/demo-config.json";
import { startDiscordSim, type DiscordSim } from "@/sim/discord";
import { startSimWithClient, type SimWithClient } from "../support/discord-sim-client";

// Each limit Discord documents, refused by sim/discord over HTTP with Discord's error shape: HTTP 400, code
// 50035 "Invalid Form Body" and the `errors` tree naming the field and the rule. Sources: message.mdx (Create
// Message, Embed Limits), components/reference.mdx, application-commands.mdx, receiving-and-responding.mdx,
// opcodes-and-status-codes.mdx.

const { bot, guild } = demoConfig;
const channelId = guild.channels[0]!.id;
const player = demoConfig.users.find((u) => u.username === "demo_player")!;
const botHeaders = { Authorization: `Bot ${bot.token}`, "Content-Type": "application/json" };

let sim: DiscordSim;

let running: SimWithClient | undefined;

beforeAll(async () => {
  // A logged-in bot that never answers: dispatching needs a gateway session; the tests answer over HTTP.
  running = await startSimWithClient();
  ({ sim } = running);
});

afterAll(() => running?.close());

async function call(method: string, path: string, body: unknown, headers: Record<string, string> = botHeaders) {
  const response = await fetch(`${sim.apiUrl}/v10${path}`, { method, headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown> };
}

const post = (body: unknown) => call("POST", `/channels/${channelId}/messages`, body);

/** The `_errors` Discord lists at `path` ("embeds.0.title") of a 50035 answer. */
function errorsAt(json: Record<string, unknown>, path: string): Array<{ code: string; message: string }> {
  let node: unknown = json.errors;
  for (const key of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[key];
  return ((node as { _errors?: unknown } | undefined)?._errors ?? []) as Array<{ code: string; message: string }>;
}

async function expectRefused(body: unknown, path: string, code: string, send = post) {
  const answer = await send(body);
  expect(answer.status).toBe(400);
  expect(answer.json).toMatchObject({ code: 50035, message: "Invalid Form Body" });
  expect(errorsAt(answer.json, path).map((e) => e.code), JSON.stringify(answer.json)).toContain(code);
  return errorsAt(answer.json, path);
}

const x = (n: number) => "x".repeat(n);
const embedOf = (patch: Record<string, unknown>) => ({ embeds: [{ title: "t", ...patch }] });
const link = (patch: Record<string, unknown> = {}) => ({ type: 2, style: 5, label: "Play", url: "https://arcade.example.com/play/snake", ...patch });
const primary = (customId: string, patch: Record<string, unknown> = {}) => ({ type: 2, style: 1, label: "Stop", custom_id: customId, ...patch });
const row = (...components: unknown[]) => ({ type: 1, components });

describe("messages: content and embeds", () => {
  it("refuses content over 2000 characters, counting an emoji as one like Discord", async () => {
    const [error] = await expectRefused({ content: x(2001) }, "content", "BASE_TYPE_MAX_LENGTH");
    expect(error!.message).toBe("Must be 2000 or fewer in length.");
    expect((await post({ content: x(2000) })).status).toBe(200);
    expect((await post({ content: "🟢".repeat(2000) })).status).toBe(200);
  });

  it("refuses an empty message with 50006, on create and when an edit would empty it", async () => {
    const empty = await post({ content: "" });
    expect(empty).toEqual({ status: 400, json: { message: "Cannot send an empty message", code: 50006 } });
    const created = await post({ content: "hello" });
    const edit = await call("PATCH", `/channels/${channelId}/messages/${String(created.json.id)}`, { content: "" });
    expect(edit.json).toMatchObject({ code: 50006 });
  });

  it("refuses more than 10 embeds", async () => {
    await expectRefused({ embeds: Array.from({ length: 11 }, () => ({ title: "t" })) }, "embeds", "BASE_TYPE_MAX_LENGTH");
  });

  it("refuses a title past 256, a description past 4096, a footer past 2048 and an author past 256", async () => {
    await expectRefused(embedOf({ title: x(257) }), "embeds.0.title", "BASE_TYPE_MAX_LENGTH");
    await expectRefused(embedOf({ description: x(4097) }), "embeds.0.description", "BASE_TYPE_MAX_LENGTH");
    await expectRefused(embedOf({ footer: { text: x(2049) } }), "embeds.0.footer.text", "BASE_TYPE_MAX_LENGTH");
    await expectRefused(embedOf({ author: { name: x(257) } }), "embeds.0.author.name", "BASE_TYPE_MAX_LENGTH");
    // Leading and trailing whitespace is trimmed before counting.
    expect((await post(embedOf({ title: ` ${x(256)}  ` }))).status).toBe(200);
  });

  it("refuses more than 25 fields, a field name past 256, a value past 1024, and an empty value", async () => {
    const field = { name: "n", value: "v" };
    await expectRefused(embedOf({ fields: Array.from({ length: 26 }, () => field) }), "embeds.0.fields", "BASE_TYPE_MAX_LENGTH");
    await expectRefused(embedOf({ fields: [{ name: x(257), value: "v" }] }), "embeds.0.fields.0.name", "BASE_TYPE_MAX_LENGTH");
    await expectRefused(embedOf({ fields: [{ name: "n", value: x(1025) }] }), "embeds.0.fields.0.value", "BASE_TYPE_MAX_LENGTH");
    await expectRefused(embedOf({ fields: [field, { name: "n", value: "  " }] }), "embeds.0.fields.1.value", "BASE_TYPE_REQUIRED");
  });

  it("refuses embeds that together pass 6000 characters, however each one fits", async () => {
    const full = (n: number) => ({ title: x(256), description: x(n) });
    const [error] = await expectRefused({ embeds: [full(4096), full(1500)] }, "embeds", "MAX_EMBED_SIZE_EXCEEDED");
    expect(error!.message).toBe("Embed size exceeds maximum size of 6000");
    expect((await post({ embeds: [full(4096), full(6000 - 512 - 4096)] })).status).toBe(200);
  });
});

describe("messages: components", () => {
  it("refuses more than 5 action rows and more than 5 buttons in a row", async () => {
    const rows = Array.from({ length: 6 }, (_, i) => row(primary(`b${i}`)));
    await expectRefused({ content: "c", components: rows }, "components", "BASE_TYPE_MAX_LENGTH");
    const wide = row(...Array.from({ length: 6 }, (_, i) => primary(`w${i}`)));
    await expectRefused({ content: "c", components: [wide] }, "components.0.components.5", "COMPONENT_LAYOUT_WIDTH_EXCEEDED");
  });

  it("refuses a link button with a custom_id, and one without a url", async () => {
    await expectRefused({ content: "c", components: [row(link({ custom_id: "play" }))] }, "components.0.components.0.custom_id", "BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE");
    await expectRefused({ content: "c", components: [row(link({ url: undefined }))] }, "components.0.components.0.url", "BASE_TYPE_REQUIRED");
  });

  it("refuses other buttons without a custom_id or with one past 100, duplicated ids, and labels past 80", async () => {
    await expectRefused({ content: "c", components: [row(primary("a", { custom_id: undefined }))] }, "components.0.components.0.custom_id", "BUTTON_COMPONENT_CUSTOM_ID_REQUIRED");
    await expectRefused({ content: "c", components: [row(primary(x(101)))] }, "components.0.components.0.custom_id", "BASE_TYPE_BAD_LENGTH");
    await expectRefused({ content: "c", components: [row(primary("same")), row(primary("same"))] }, "components.1.components.0.custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED");
    await expectRefused({ content: "c", components: [row(link({ label: x(81) }))] }, "components.0.components.0.label", "BASE_TYPE_MAX_LENGTH");
    expect((await post({ content: "c", components: [row(link({ label: x(80) }), primary(x(100)))] })).status).toBe(200);
  });
});

describe("interactions", () => {
  const callback = (id: string, token: string, body: unknown, query = "") => call("POST", `/interactions/${id}/${token}/callback${query}`, body, {});
  const webhook = (method: string, token: string, path: string, body: unknown) => call(method, `/webhooks/${bot.applicationId}/${token}${path}`, body, {});

  it("refuses a second initial response with 400 code 40060", async () => {
    const interaction = await sim.dispatchCommand({ userId: player.id, name: "status" });
    expect((await callback(interaction.id, interaction.token, { type: 5, data: { flags: 64 } })).status).toBe(204);
    const again = await callback(interaction.id, interaction.token, { type: 4, data: { content: "again" } });
    expect(again).toEqual({ status: 400, json: { message: "Interaction has already been acknowledged.", code: 40060 } });
  });

  it("refuses a first response after 3 seconds with 404 code 10062, and the token is dead from then on", async () => {
    const interaction = await sim.dispatchCommand({ userId: player.id, name: "status" });
    sim.advanceClock(3_001);
    const late = await callback(interaction.id, interaction.token, { type: 5 });
    expect(late).toEqual({ status: 404, json: { message: "Unknown interaction", code: 10062 } });
    expect((await webhook("POST", interaction.token, "", { content: "late" })).json).toMatchObject({ code: 50027 });
  });

  it("lets the token edit and follow up for 15 minutes after the interaction, and not after", async () => {
    const interaction = await sim.dispatchCommand({ userId: player.id, name: "status" });
    expect((await callback(interaction.id, interaction.token, { type: 5 })).status).toBe(204);
    sim.advanceClock(15 * 60_000 - 1_000);
    expect((await webhook("PATCH", interaction.token, "/messages/@original", { content: "still here" })).status).toBe(200);
    sim.advanceClock(2_000);
    expect(await webhook("PATCH", interaction.token, "/messages/@original", { content: "too late" })).toEqual({ status: 401, json: { message: "Invalid Webhook Token", code: 50027 } });
    expect((await webhook("POST", interaction.token, "", { content: "too late" })).status).toBe(401);
  });

  it("checks response bodies with the message rules, naming the field under data", async () => {
    const interaction = await sim.dispatchCommand({ userId: player.id, name: "status" });
    await expectRefused({ type: 4, data: { content: x(2001) } }, "data.content", "BASE_TYPE_MAX_LENGTH", (body) => callback(interaction.id, interaction.token, body));
    expect((await callback(interaction.id, interaction.token, { type: 5 })).status).toBe(204);
    await expectRefused({ embeds: [{ title: x(257) }] }, "embeds.0.title", "BASE_TYPE_MAX_LENGTH", (body) => webhook("PATCH", interaction.token, "/messages/@original", body));
    await expectRefused({ content: "c", components: [row(link({ custom_id: "x" }))] }, "components.0.components.0.custom_id", "BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE", (body) =>
      webhook("POST", interaction.token, "", body),
    );
  });

  it("refuses more than 25 autocomplete choices, and choice names past 100", async () => {
    const interaction = await sim.dispatchAutocomplete({ userId: player.id, name: "play", focused: { name: "game", value: "" } });
    const choices = (n: number, name = "game") => ({ type: 8, data: { choices: Array.from({ length: n }, (_, i) => ({ name, value: `g${i}` })) } });
    const respond = (body: unknown) => callback(interaction.id, interaction.token, body);
    await expectRefused(choices(26), "data.choices", "BASE_TYPE_MAX_LENGTH", respond);
    await expectRefused(choices(1, x(101)), "data.choices.0.name", "BASE_TYPE_BAD_LENGTH", respond);
    expect((await respond(choices(25))).status).toBe(204);
  });
});

describe("application commands", () => {
  const put = (commands: unknown) => call("PUT", `/applications/${bot.applicationId}/guilds/${guild.id}/commands`, commands);
  const option = (name: string, required: boolean) => ({ type: 3, name, description: "d", required });

  it("refuses names that break the pattern, are not lower case or are past 32, and descriptions outside 1–100", async () => {
    for (const name of ["Play", "play game", x(33), ""]) await expectRefused([{ name, description: "d" }], "0.name", "APPLICATION_COMMAND_INVALID_NAME", put);
    await expectRefused([{ name: "play", description: "" }], "0.description", "BASE_TYPE_BAD_LENGTH", put);
    await expectRefused([{ name: "play", description: x(101) }], "0.description", "BASE_TYPE_BAD_LENGTH", put);
    expect((await put([{ name: "jouer-à_2", description: x(100) }])).status).toBe(200);
  });

  it("refuses more than 25 options, required options after optional ones, and more than 25 choices", async () => {
    const many = Array.from({ length: 26 }, (_, i) => option(`o${i}`, false));
    await expectRefused([{ name: "play", description: "d", options: many }], "0.options", "BASE_TYPE_MAX_LENGTH", put);
    await expectRefused([{ name: "play", description: "d", options: [option("a", false), option("b", true)] }], "0.options.1.required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", put);
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` }));
    await expectRefused([{ name: "play", description: "d", options: [{ ...option("game", true), choices }] }], "0.options.0.choices", "BASE_TYPE_MAX_LENGTH", put);
  });

  it("refuses a command whose names, descriptions and choice values pass 8000 characters in all", async () => {
    const choices = Array.from({ length: 25 }, (_, i) => ({ name: x(100), value: `${i}`.padEnd(100, "v") }));
    const options = Array.from({ length: 2 }, (_, i) => ({ ...option(`o${i}`, false), description: x(100), choices }));
    const answer = await put([{ name: "play", description: "d", options }]);
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual({ "0": { _errors: [{ code: "APPLICATION_COMMAND_TOO_LARGE", message: "Command exceeds maximum size (8000)" }] } });
  });
});

describe("rate limits per bucket", () => {
  it("answers 429 with retry_after once a route's bucket is spent, for that channel only, with Discord's headers", async () => {
    const limited = await startDiscordSim({ ...demoConfig, routeRateLimit: { limit: 2, windowMs: 60_000 } });
    try {
      const send = (channel: string) =>
        fetch(`${limited.apiUrl}/v10/channels/${channel}/messages`, { method: "POST", headers: botHeaders, body: JSON.stringify({ content: "hi" }) });
      const [first, second, third] = [await send(channelId), await send(channelId), await send(channelId)];
      expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
      expect(second.headers.get("x-ratelimit-limit")).toBe("2");
      expect(second.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(Number(second.headers.get("x-ratelimit-reset-after"))).toBeGreaterThan(59);
      expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(third.headers.get("x-ratelimit-scope")).toBe("user");
      expect(third.headers.get("x-ratelimit-bucket")).toBe(first.headers.get("x-ratelimit-bucket"));
      const body = (await third.json()) as { retry_after: number; global: boolean; message: string };
      expect(body).toMatchObject({ message: "You are being rate limited.", global: false });
      expect(body.retry_after).toBeGreaterThan(59);
      // The channel is the route's top-level resource: another channel has its own budget in the same bucket.
      const other = await send(guild.channels[1]!.id);
      expect(other.status).toBe(200);
      expect(other.headers.get("x-ratelimit-bucket")).toBe(first.headers.get("x-ratelimit-bucket"));
    } finally {
      await limited.close();
    }
  });
});
