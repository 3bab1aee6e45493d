import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import demoConfig from "@/sim/discord/demo-config.json";
import { startDiscordSim, type DiscordSim } from "@/sim/discord";

const client = demoConfig.oauthClients[0]!;
const guildId = demoConfig.guild.id;
const redirectUri = "http://localhost:3000/api/auth/callback/discord";
const userNamed = (username: string) => demoConfig.users.find((u) => u.username === username)!;
const player = userNamed("demo_player");
const admin = userNamed("demo_admin");
const outsider = userNamed("outsider");
const botAuth = { Authorization: `Bot ${demoConfig.bot.token}` };

let sim: DiscordSim;

beforeAll(async () => {
  sim = await startDiscordSim(demoConfig);
});
afterAll(() => sim.close());
beforeEach(() => sim.clearRequests());

function createPkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

function authorizeUrl(params: Record<string, string>): string {
  const query = new URLSearchParams({
    client_id: client.clientId,
    response_type: "code",
    redirect_uri: redirectUri,
    scope: "identify guilds.members.read",
    state: "state-123",
    ...params,
  });
  return `${sim.apiUrl}/oauth2/authorize?${query}`;
}

/** Runs the browser leg with login_hint and returns the code from the redirect. */
async function authorizeAs(username: string, challenge: string, scope = "identify guilds.members.read"): Promise<string> {
  const res = await fetch(authorizeUrl({ login_hint: username, code_challenge: challenge, code_challenge_method: "S256", scope }), { redirect: "manual" });
  expect(res.status).toBe(302);
  const code = new URL(res.headers.get("location")!).searchParams.get("code");
  expect(code).toMatch(/^[A-Za-z0-9]{30}$/);
  return code!;
}

function basicAuth(id = client.clientId, secret = client.clientSecret): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;
}

function exchange(form: Record<string, string>, authorization: string | null = basicAuth()) {
  return fetch(`${sim.apiUrl}/oauth2/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(authorization ? { Authorization: authorization } : {}) },
    body: new URLSearchParams(form),
  });
}

async function tokenFor(username: string, scope?: string): Promise<string> {
  const { verifier, challenge } = createPkce();
  const code = await authorizeAs(username, challenge, scope);
  const res = await exchange({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

describe("Discord sim OAuth2 (the portal's login)", () => {
  it("shows a chooser page with one button per configured user, their standing, and Cancel", async () => {
    const res = await fetch(authorizeUrl({}));
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(html).toContain("Sign in to Cartofia Arcade as…");
    for (const user of demoConfig.users) expect(html).toMatch(new RegExp(`<button[^>]*name="user_id" value="${user.id}"[^>]*>${user.globalName}</button>`));
    expect(html).toContain("Member · Arcade Admin, Friends");
    expect(html).toContain("Not in Cartofia");
    expect(html).toMatch(/<button[^>]*value="cancel"[^>]*>Cancel<\/button>/);
  });

  it("approves the login_hint user at once: the redirect carries code and state but no iss", async () => {
    const res = await fetch(authorizeUrl({ login_hint: player.id }), { redirect: "manual" });
    const location = new URL(res.headers.get("location")!);
    expect(res.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get("state")).toBe("state-123");
    expect(location.searchParams.get("code")).toBeTruthy();
    expect(location.searchParams.has("iss")).toBe(false);
  });

  it("completes the chooser form with a code, and Cancel with error=access_denied", async () => {
    const form = { client_id: client.clientId, response_type: "code", redirect_uri: redirectUri, scope: "identify", state: "s1" };
    const post = (extra: Record<string, string>) =>
      fetch(`${sim.apiUrl}/oauth2/authorize`, { method: "POST", body: new URLSearchParams({ ...form, ...extra }), redirect: "manual" });
    const chosen = new URL((await post({ user_id: admin.id })).headers.get("location")!);
    expect(chosen.searchParams.get("code")).toBeTruthy();
    expect(chosen.searchParams.get("state")).toBe("s1");
    const cancelled = new URL((await post({ action: "cancel" })).headers.get("location")!);
    expect(cancelled.searchParams.get("error")).toBe("access_denied");
    expect(cancelled.searchParams.get("state")).toBe("s1");
    expect(cancelled.searchParams.has("code")).toBe(false);
  });

  it("refuses an unknown client with an error page and a bad PKCE method with an error redirect", async () => {
    const unknownClient = await fetch(authorizeUrl({ client_id: "nope" }), { redirect: "manual" });
    expect(unknownClient.status).toBe(400);
    expect(await unknownClient.text()).toContain("Unknown application");
    const plain = await fetch(authorizeUrl({ code_challenge: createPkce().challenge, code_challenge_method: "plain" }), { redirect: "manual" });
    expect(new URL(plain.headers.get("location")!).searchParams.get("error")).toBe("invalid_request");
  });

  it("exchanges a code with the right PKCE verifier for a Bearer token and no id_token", async () => {
    const { verifier, challenge } = createPkce();
    const code = await authorizeAs("demo_player", challenge);
    const res = await exchange({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier });
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 604800, scope: "identify guilds.members.read" });
    expect(typeof body.access_token).toBe("string");
    expect(typeof body.refresh_token).toBe("string");
    expect(body).not.toHaveProperty("id_token");
  });

  it("rejects a wrong verifier, and any second use of a code", async () => {
    const first = createPkce();
    const wrongCode = await authorizeAs("demo_player", first.challenge);
    const wrong = await exchange({ grant_type: "authorization_code", code: wrongCode, redirect_uri: redirectUri, code_verifier: createPkce().verifier });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: "invalid_grant" });

    const second = createPkce();
    const code = await authorizeAs("demo_player", second.challenge);
    const form = { grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: second.verifier };
    expect((await exchange(form)).status).toBe(200);
    const replay = await exchange(form);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("accepts client_secret_post, refuses a wrong secret and a JSON body", async () => {
    const { verifier, challenge } = createPkce();
    const code = await authorizeAs("demo_player", challenge);
    const badSecret = await exchange({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier }, basicAuth(client.clientId, "wrong"));
    expect(badSecret.status).toBe(401);
    expect(await badSecret.json()).toEqual({ error: "invalid_client" });
    const json = await fetch(`${sim.apiUrl}/oauth2/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: basicAuth() },
      body: JSON.stringify({ grant_type: "authorization_code", code }),
    });
    expect(json.status).toBe(400);
    const viaPost = await exchange(
      { grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier, client_id: client.clientId, client_secret: client.clientSecret },
      null,
    );
    expect(viaPost.status).toBe(200);
  });

  it("rotates tokens on the refresh_token grant", async () => {
    const { verifier, challenge } = createPkce();
    const code = await authorizeAs("demo_player", challenge);
    const first = (await (await exchange({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier })).json()) as { refresh_token: string };
    const refreshed = await exchange({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(((await refreshed.json()) as { refresh_token: string }).refresh_token).not.toBe(first.refresh_token);
    expect((await exchange({ grant_type: "refresh_token", refresh_token: first.refresh_token })).status).toBe(400);
  });

  it("serves /users/@me for identify, without email unless the email scope was granted", async () => {
    const token = await tokenFor("demo_player", "identify");
    const res = await fetch(`${sim.apiUrl}/users/@me`, { headers: { Authorization: `Bearer ${token}` } });
    const me = (await res.json()) as Record<string, unknown>;
    expect(me).toMatchObject({ id: player.id, username: "demo_player", global_name: "Demo Player", discriminator: "0", avatar: null });
    expect(me).not.toHaveProperty("email");
    const anonymous = await fetch(`${sim.apiUrl}/users/@me`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ message: "401: Unauthorized", code: 0 });
  });

  it("answers the user-token member endpoint only with guilds.members.read, and 10004 for non-members", async () => {
    const memberUrl = `${sim.apiUrl}/v10/users/@me/guilds/${guildId}/member`;
    const identifyOnly = await tokenFor("demo_admin", "identify");
    expect((await fetch(memberUrl, { headers: { Authorization: `Bearer ${identifyOnly}` } })).status).toBe(401);

    const adminToken = await tokenFor("demo_admin");
    const member = (await (await fetch(memberUrl, { headers: { Authorization: `Bearer ${adminToken}` } })).json()) as { roles: string[]; user: { id: string } };
    expect(member.user.id).toBe(admin.id);
    expect(member.roles).toEqual(admin.member!.roles);

    const outsiderToken = await tokenFor("outsider");
    const notMember = await fetch(memberUrl, { headers: { Authorization: `Bearer ${outsiderToken}` } });
    expect(notMember.status).toBe(404);
    expect(await notMember.json()).toEqual({ message: "Unknown Guild", code: 10004 });
  });
});

describe("Discord sim bot-token guild routes (the portal's membership check)", () => {
  const memberUrl = (userId: string) => `${sim.apiUrl}/v10/guilds/${guildId}/members/${userId}`;

  it("returns a member with roles and joined_at, and 404 code 10007 for a non-member", async () => {
    const res = await fetch(memberUrl(admin.id), { headers: botAuth });
    const member = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(member).toMatchObject({ roles: admin.member!.roles, user: { id: admin.id, username: "demo_admin" } });
    expect(typeof member.joined_at).toBe("string");
    const outsiderRes = await fetch(memberUrl(outsider.id), { headers: botAuth });
    expect(outsiderRes.status).toBe(404);
    expect(await outsiderRes.json()).toEqual({ message: "Unknown Member", code: 10007 });
  });

  it("refuses a wrong or missing bot token with 401 code 0", async () => {
    const attempts: Array<Record<string, string>> = [{ Authorization: "Bot not-the-token" }, {}];
    for (const headers of attempts) {
      const res = await fetch(memberUrl(admin.id), { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ message: "401: Unauthorized", code: 0 });
    }
  });

  it("serves the guild's owner_id and roles, @everyone included", async () => {
    const guild = (await (await fetch(`${sim.apiUrl}/v10/guilds/${guildId}`, { headers: botAuth })).json()) as { owner_id: string; name: string };
    expect(guild).toMatchObject({ owner_id: demoConfig.guild.ownerId, name: "Cartofia" });
    const roles = (await (await fetch(`${sim.apiUrl}/guilds/${guildId}/roles`, { headers: botAuth })).json()) as Array<{ id: string; name: string }>;
    expect(roles.map((r) => r.name)).toEqual(expect.arrayContaining(["@everyone", "Arcade Admin", "Friends"]));
    expect(roles.find((r) => r.name === "@everyone")?.id).toBe(guildId);
  });

  it("reflects kicks and role changes made with setMember", async () => {
    sim.setMember(outsider.id, { roles: [demoConfig.guild.roles[1]!.id] });
    expect((await fetch(memberUrl(outsider.id), { headers: botAuth })).status).toBe(200);
    sim.setMember(outsider.id, null);
    expect((await fetch(memberUrl(outsider.id), { headers: botAuth })).status).toBe(404);
  });

  it("sends rate-limit headers and answers an injected 429 with retry_after", async () => {
    sim.rateLimit(`GET /guilds/${guildId}/members/*`, 1, 20);
    const limited = await fetch(memberUrl(player.id), { headers: botAuth });
    expect(limited.status).toBe(429);
    // Discord's Retry-After header is whole seconds, rounded up; the body keeps the fraction.
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(limited.headers.get("x-ratelimit-scope")).toBe("user");
    expect(await limited.json()).toMatchObject({ message: "You are being rate limited.", retry_after: 0.02, global: false });
    const ok = await fetch(memberUrl(player.id), { headers: botAuth });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-ratelimit-bucket")).toMatch(/^[0-9a-f]{32}$/);
    expect(Number(ok.headers.get("x-ratelimit-remaining"))).toBeLessThan(Number(ok.headers.get("x-ratelimit-limit")));
  });

  it("records each request without the /api/v10 prefix, with its auth kind and status", async () => {
    await fetch(memberUrl(player.id), { headers: botAuth });
    await fetch(`${sim.apiUrl}/users/@me`);
    expect(sim.requests().map((r) => [r.method, r.path, r.auth, r.status])).toEqual([
      ["GET", `/guilds/${guildId}/members/${player.id}`, "bot", 200],
      ["GET", "/users/@me", "none", 401],
    ]);
  });
});
