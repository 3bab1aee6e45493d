import type { Page } from "@playwright/test";
import { getGameOrThrow, loadCatalogue } from "@/lib/games";
import { DEMO_TOKEN_ID } from "../../scripts/demo-scenario";
import { AdminPage } from "./pages/admin-page";
import { openSignedIn } from "./pages/sign-in-page";
import { callPortal, controlProxmox, ensureStopped, getGame, stackEnv, waitForGameState } from "./support/portal-stack";
import { callApi } from "./support/stack-client";
import { startStaticServer } from "./support/static-server";
import { expect, test } from "./support/test";

const catalogue = loadCatalogue("games-demo");
const snake = getGameOrThrow(catalogue, "snake");
const brickBlitz = getGameOrThrow(catalogue, "brick-blitz");
const starDodge = getGameOrThrow(catalogue, "star-dodge");
// sim/discord/demo-config.json
const ADMIN = { id: "523456789012345678", name: "Demo Admin", roles: [] };
const PLAYER = { id: "412345678901234567", name: "Demo Player", roles: [] };
const OUTSIDER = { id: "734567890123456789", name: "Outsider", roles: [] };
// The guild owner: no other spec acts as them, so their rate-limit counters and presence are this spec's own.
const OWNER = { id: "286117733482340352", name: "Guild Owner", roles: [] };
// What a Proxmox failure can say: an internal address and the pinned certificate's fingerprint.
const FINGERPRINT = "4F:2A:91:0C:5B:7E:33:D1:08:AA:6C:E2:19:F0:77:4B:90:12:3C:DE:45:67:89:AB:CD:EF:01:23:45:67:89:9C";
const INTERNAL_FAILURE = `unable to reach https://10.22.0.20:8006 (certificate ${FINGERPRINT})`;

test.describe("the portal against an attacker", () => {
  test("a page on another loopback origin cannot frame /admin, and a click there starts nothing", async ({ browser, cspViolations }) => {
    await ensureStopped(snake.id);
    const { context, page } = await openSignedIn(browser, "Demo admin");
    const admin = new AdminPage(page);
    await admin.goto();
    const start = await admin.powerButton(snake.name, "Start").boundingBox();
    expect(start).not.toBeNull();
    // localhost on another port is another origin but the same site: the admin's Lax session cookie goes along.
    const attacker = await startStaticServer({
      pages: { "/": `<!doctype html><body style="margin:0"><iframe src="${stackEnv().portalUrl}/admin" style="border:0;width:100vw;height:100vh"></iframe></body>` },
    });
    try {
      await page.goto(attacker.url.replace("127.0.0.1", "localhost"));
      await expect.poll(() => cspViolations.some((v) => v.includes("frame-ancestors"))).toBe(true);
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      await expect(frame.getByRole("button", { name: "Start" })).toHaveCount(0);
      await page.mouse.click(start!.x + start!.width / 2, start!.y + start!.height / 2);
      // Nothing can be pending: the frame never loaded. The state is watched a while anyway, as a start would show.
      for (let i = 0; i < 10; i++) {
        expect((await getGame(snake.id)).state).toBe("stopped");
        await page.waitForTimeout(150);
      }
      cspViolations.splice(0);
    } finally {
      await attacker.close();
      await context.close();
    }
  });

  test("every page and API answer carries the security headers", async ({ browser }) => {
    const { context, page } = await openSignedIn(browser, "Demo player");
    try {
      for (const path of ["/", `/play/${snake.id}`, "/signin", "/nowhere"]) {
        const response = await page.request.get(`${stackEnv().portalUrl}${path}`, { maxRedirects: 0 });
        const headers = response.headers();
        expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
        expect(headers["content-security-policy"], path).toContain("frame-ancestors 'self'");
        expect(headers["permissions-policy"], path).toMatch(/gamepad=\(self "http:\/\/localhost:\d+"/);
        expect(headers["x-frame-options"], path).toBe("SAMEORIGIN");
        expect(headers["x-content-type-options"], path).toBe("nosniff");
        expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      }
      const api = (await page.request.get(`${stackEnv().portalUrl}/api/v1/games`)).headers();
      expect(api["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'self'");
      expect(api["x-content-type-options"]).toBe("nosniff");
    } finally {
      await context.close();
    }
  });

  test("a member sees no UPID, token id, other people's Discord ids, internal address or fingerprint anywhere", async ({ browser }) => {
    await ensureStopped(snake.id);
    await ensureStopped(brickBlitz.id);
    await ensureStopped(starDodge.id);
    // Snake: started by the admin, who keeps it open (a player, with a Discord id and a start event with a UPID).
    const admin = await openSignedIn(browser, "Demo admin");
    const member = await openSignedIn(browser, "Demo player");
    try {
      await admin.page.goto(`${stackEnv().portalUrl}/play/${snake.id}`);
      await waitForGameState(snake.id, "ready");
      await expect.poll(async () => (await getGame(snake.id) as unknown as { playerCount: number }).playerCount).toBe(1);
      // Brick Blitz: a start that fails with Proxmox's words.
      await controlProxmox("faults", { fault: "startFails", vmid: brickBlitz.vmid, message: INTERNAL_FAILURE });
      await callPortal(`/api/v1/games/${brickBlitz.id}/play`, "POST");
      await waitForGameState(brickBlitz.id, "failed");
      const full = await getGame(brickBlitz.id);
      expect(full.reason).toContain("10.22.0.20");

      const seen: string[] = [];
      member.page.on("response", async (response) => {
        if (new URL(response.url()).origin === new URL(stackEnv().portalUrl).origin) seen.push(await response.text().catch(() => ""));
      });
      for (const path of ["/", `/play/${snake.id}`, `/play/${brickBlitz.id}`, "/admin"]) {
        await member.page.goto(`${stackEnv().portalUrl}${path}`);
        seen.push(await member.page.content());
      }
      await member.page.goto(`${stackEnv().portalUrl}/`);
      // The member's own stream while the admin starts Star Dodge from Discord: snapshot and status frames.
      const stream = readStream(member.page, starDodge.id);
      await callApi("POST", `/api/v1/games/${starDodge.id}/play`, { acting: ADMIN });
      seen.push(await stream);
      for (const path of ["/api/v1/games", `/api/v1/games/${snake.id}`, `/api/v1/games/${brickBlitz.id}`]) {
        seen.push(await (await member.page.request.get(`${stackEnv().portalUrl}${path}`)).text());
        seen.push(JSON.stringify((await callApi("GET", path, { acting: PLAYER })).body));
      }
      const origin = { origin: stackEnv().portalUrl };
      seen.push(await (await member.page.request.post(`${stackEnv().portalUrl}/api/v1/games/${snake.id}/play`, { headers: origin })).text());

      const text = seen.join("\n");
      expect(text).toContain("The game's server could not be started.");
      expect(text).toContain("Demo Admin");
      const proxmoxHost = new URL(stackEnv().proxmoxUrl).host;
      for (const secret of ["UPID:", DEMO_TOKEN_ID, ADMIN.id, "10.22.0.20", FINGERPRINT, proxmoxHost]) expect(text, secret).not.toContain(secret);
    } finally {
      await controlProxmox("faults", { fault: "startFails", vmid: brickBlitz.vmid, message: null });
      await admin.context.close();
      await member.context.close();
      await ensureStopped(brickBlitz.id);
    }
  });

  test("the bot's acting user is looked up in Discord: claims in the header count for nothing", async () => {
    const outsider = await callApi("POST", `/api/v1/games/${snake.id}/play`, { acting: OUTSIDER });
    expect(outsider).toEqual({
      status: 403,
      body: { error: { code: "forbidden:not_member", message: "The Discord user the bot acts for is not a member of the arcade's Discord server." } },
    });
    const claimsAdmin = await callApi("POST", `/api/v1/games/${snake.id}/shutdown`, { acting: { ...PLAYER, roles: ["1187422815486296114"], isGuildOwner: true } });
    expect(claimsAdmin.status).toBe(403);
    const claims = { ...OWNER, name: "Totally Someone Else", avatarUrl: "javascript:alert(1)", isGuildOwner: false };
    const headers = { authorization: `Bearer ${stackEnv().apiToken}`, "x-arcade-acting-user": Buffer.from(JSON.stringify(claims)).toString("base64url") };
    const presence = new URL(`/api/v1/games/${starDodge.id}/presence`, stackEnv().portalUrl);
    expect((await fetch(presence, { method: "POST", headers })).status).toBe(204);
    try {
      const players = (await getGame(starDodge.id) as unknown as { players: Array<{ id: string; name: string; avatarUrl: string | null }> }).players;
      expect(players).toContainEqual({ id: OWNER.id, name: "Guild Owner", avatarUrl: null, status: null });
    } finally {
      await fetch(presence, { method: "DELETE", headers });
    }
  });

  test("bodies over the limit get 413 before they are read, broken paths 400, and floods 429", async () => {
    const big = new Uint8Array(5 * 1024 * 1024);
    const callback = await fetch(`${stackEnv().portalUrl}/api/auth/callback/discord`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: big });
    expect(callback.status).toBe(413);
    expect(await callback.json()).toEqual({ error: { code: "too_large:body", message: "The request body is larger than the portal accepts (64 kB)." } });
    const settings = await fetch(`${stackEnv().portalUrl}/api/v1/games/${snake.id}/settings`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${stackEnv().apiToken}`, "content-type": "application/json" },
      body: JSON.stringify({ bootTimeoutSec: 60, padding: "x".repeat(70 * 1024) }),
    });
    expect(settings.status).toBe(413);
    expect((await callApi("GET", "/api/v1/games/%u0073nake")).status).toBe(400);
    expect((await fetch(`${stackEnv().portalUrl}/play/%u0073nake`)).status).toBe(400);
    const typed = (type: string) =>
      fetch(`${stackEnv().portalUrl}/api/v1/games/${snake.id}/settings`, { method: "PATCH", headers: { authorization: `Bearer ${stackEnv().apiToken}`, "content-type": type }, body: "{}" });
    expect((await typed("APPLICATION/JSON")).status).toBe(200);
    expect((await typed("application/jsonp")).status).toBe(400);
    expect((await typed("text/plain; application/json")).status).toBe(400);

    // The guild owner, whom no other spec plays as, so the counters are this test's own.
    const presence = new URL(`/api/v1/games/${brickBlitz.id}/presence`, stackEnv().portalUrl);
    const beats = [];
    for (let i = 0; i < 3; i++) beats.push(await fetch(presence, { method: "POST", headers: actingHeaders(OWNER) }));
    await fetch(presence, { method: "DELETE", headers: actingHeaders(OWNER) });
    expect(beats.map((b) => b.status)).toEqual([204, 204, 429]);
    expect(Number(beats[2]!.headers.get("retry-after"))).toBeGreaterThan(0);
    const plays = await Promise.all(Array.from({ length: 8 }, () => fetch(new URL(`/api/v1/games/${brickBlitz.id}/play`, stackEnv().portalUrl), { method: "POST", headers: actingHeaders(OWNER) })));
    const refused = plays.filter((p) => p.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.headers.get("retry-after")).toBe("1");
    await waitForGameState(brickBlitz.id, "ready");
    await ensureStopped(brickBlitz.id);
  });
});

function actingHeaders(user: { id: string; name: string; roles: string[] }): Record<string, string> {
  const encoded = Buffer.from(JSON.stringify({ isGuildOwner: false, ...user })).toString("base64url");
  return { authorization: `Bearer ${stackEnv().apiToken}`, "x-arcade-acting-user": encoded };
}

/** Reads the member's own event stream in the browser until the game has gone through starting to ready. */
function readStream(page: Page, gameId: string): Promise<string> {
  return page.evaluate(async (id) => {
    const response = await fetch("/api/v1/events");
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !new RegExp(`event: status\\ndata: \\{"id":"${id}"[^\\n]*"state":"ready"`).test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    await reader.cancel();
    return text;
  }, gameId);
}
