import { Auth } from "@auth/core";
import Discord from "@auth/core/providers/discord";
import { describe, expect, it } from "vitest";
import { secureCookiesFor } from "@/lib/auth/cookie-security";

// The real Auth.js, asked over plain http as the portal is behind its TLS gateway: the public URL decides.
async function csrfCookies(authUrl: string | undefined): Promise<string[]> {
  const response = await Auth(new Request("http://10.22.0.21:3000/api/auth/csrf"), {
    secret: "a-test-secret-that-is-at-least-32-characters",
    trustHost: true,
    basePath: "/api/auth",
    useSecureCookies: secureCookiesFor(authUrl),
    providers: [Discord({ clientId: "1190001122334455667", clientSecret: "secret" })],
  });
  return response.headers.getSetCookie();
}

describe("Auth.js cookies", () => {
  it("are Secure and __Host- prefixed when AUTH_URL is https, though the portal itself is reached over http", async () => {
    const [csrf] = await csrfCookies("https://arcade.example.com");
    expect(csrf).toMatch(/^__Host-authjs\.csrf-token=/);
    expect(csrf).toMatch(/; Secure/i);
    expect(csrf).toMatch(/; HttpOnly/i);
  });

  it("are plain when AUTH_URL is http (the demo on localhost)", async () => {
    const [csrf] = await csrfCookies("http://localhost:3000");
    expect(csrf).toMatch(/^authjs\.csrf-token=/);
    expect(csrf).not.toMatch(/; Secure/i);
  });
});
