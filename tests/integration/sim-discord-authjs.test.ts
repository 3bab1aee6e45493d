import { Auth, type AuthConfig } from "@auth/core";
import Discord from "@auth/core/providers/discord";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import demoConfig from "@/sim/discord/demo-config.json";
import { startDiscordSim, type DiscordSim } from "@/sim/discord";

// The real Auth.js (the portal's version) against the sim: PKCE + state, Basic client auth, no id_token, no iss.

const client = demoConfig.oauthClients[0]!;
const authBase = "http://localhost:3000/api/auth";
let sim: DiscordSim;
let config: AuthConfig;

beforeAll(async () => {
  sim = await startDiscordSim(demoConfig);
  const api = sim.apiUrl;
  config = {
    secret: "a-test-secret-that-is-at-least-32-characters",
    trustHost: true,
    basePath: "/api/auth",
    logger: { error: () => {}, warn: () => {}, debug: () => {} },
    providers: [
      Discord({
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        authorization: { url: `${api}/oauth2/authorize`, params: { scope: "identify guilds.members.read" } },
        token: `${api}/oauth2/token`,
        userinfo: `${api}/users/@me`,
        checks: ["pkce", "state"],
        // Auth.js's User type has no custom fields without module augmentation, so `email` carries the verdict here.
        async profile(profile, tokens) {
          const res = await fetch(`${api}/users/@me/guilds/${demoConfig.guild.id}/member`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
          return { id: profile.id, name: profile.global_name ?? profile.username, image: null, email: res.ok ? "member" : "outsider" };
        },
      }),
    ],
    callbacks: { signIn: ({ user }) => user.email === "member" },
  };
});
afterAll(() => sim.close());

/** Drives Auth.js's sign-in as a browser would, picking the user with login_hint; returns the final redirect. */
async function signInAs(loginHint: string): Promise<{ location: string; cookies: string[] }> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const call = async (request: Request) => {
    const res = await Auth(request, config);
    for (const set of res.headers.getSetCookie()) {
      const pair = set.split(";")[0]!;
      jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
    return res;
  };
  const { csrfToken } = (await (await call(new Request(`${authBase}/csrf`))).json()) as { csrfToken: string };
  const signIn = await call(
    new Request(`${authBase}/signin/discord`, {
      method: "POST",
      headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "http://localhost:3000/" }),
    }),
  );
  const authorize = new URL(signIn.headers.get("location")!);
  authorize.searchParams.set("login_hint", loginHint);
  const discordRedirect = await fetch(authorize, { redirect: "manual" });
  const callback = await call(new Request(discordRedirect.headers.get("location")!, { headers: { cookie: cookie() } }));
  return { location: callback.headers.get("location") ?? "", cookies: [...jar.keys()] };
}

describe("Discord sim with the real Auth.js Discord provider", () => {
  it("signs a guild member in: Auth.js exchanges the code, reads @me and sets a session cookie", async () => {
    sim.clearRequests();
    const result = await signInAs("demo_player");
    expect(result.location).toBe("http://localhost:3000/");
    expect(result.cookies).toContain("authjs.session-token");
    expect(sim.requests().map((r) => `${r.method} ${r.path} ${r.auth} ${r.status}`)).toEqual([
      "GET /oauth2/authorize none 302",
      "POST /oauth2/token basic 200",
      "GET /users/@me bearer 200",
      `GET /users/@me/guilds/${demoConfig.guild.id}/member bearer 200`,
    ]);
  });

  it("lets the portal refuse an outsider, whose member lookup is a 404", async () => {
    const result = await signInAs("outsider");
    expect(result.location).toContain("error=AccessDenied");
    expect(result.cookies).not.toContain("authjs.session-token");
  });
});
