import { describe, expect, it } from "vitest";
import type { Catalogue } from "@/lib/games";
import { buildSitePolicy, contentSecurityPolicy, isWellEncodedPath, nonceOf, permissionsPolicy } from "@/lib/security/site-policy";

const game = (id: string, url: string, image?: string) => ({ id, url, image }) as Catalogue["games"][number];
const catalogue = {
  games: [game("snake", "https://snake.arcade.example/", "cover.svg"), game("chess", "https://chess.arcade.example:8443/play/", "https://img.example/chess.png"), game("zuma", "https://snake.arcade.example/zuma/")],
} as Catalogue;
const env = { authUrl: "https://arcade.example", discordApiUrl: "https://discord.com/api", discordCdnUrl: "https://cdn.discordapp.com" };

describe("the pages' security policy", () => {
  const policy = buildSitePolicy(catalogue, env);
  const csp = contentSecurityPolicy(policy, "bm9uY2U=");
  const directive = (name: string) => csp.split("; ").find((d) => d.split(" ")[0] === name);

  it("frames only the catalogue's game origins, and lets only the portal frame itself", () => {
    expect(directive("frame-src")).toBe("frame-src https://chess.arcade.example:8443 https://snake.arcade.example");
    expect(directive("frame-ancestors")).toBe("frame-ancestors 'self'");
  });

  it("runs only the portal's own scripts and the ones carrying this request's nonce", () => {
    expect(directive("script-src")).toBe("script-src 'self' 'nonce-bm9uY2U='");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    expect(directive("connect-src")).toBe("connect-src 'self'");
    expect(directive("object-src")).toBe("object-src 'none'");
  });

  it("gives a page its own nonce back from the policy, and none where there is no policy", () => {
    expect(nonceOf(csp)).toBe("bm9uY2U=");
    expect(nonceOf(contentSecurityPolicy(policy, "a+b/c9=="))).toBe("a+b/c9==");
    expect(nonceOf(null)).toBeUndefined();
    expect(nonceOf("default-src 'none'")).toBeUndefined();
  });

  it("shows images from the portal, Discord's CDN and card pictures the catalogue names by URL", () => {
    expect(directive("img-src")).toBe("img-src 'self' https://cdn.discordapp.com https://img.example");
    expect(directive("form-action")).toBe("form-action 'self' https://discord.com");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy(buildSitePolicy(catalogue, { ...env, authUrl: "http://localhost:3000" }), "x")).not.toContain("upgrade-insecure-requests");
  });

  it("keeps autoplay, fullscreen and gamepad for the game frames and turns off camera and microphone", () => {
    const features = permissionsPolicy(policy);
    expect(features).toContain('fullscreen=(self "https://chess.arcade.example:8443" "https://snake.arcade.example")');
    expect(features).toContain('gamepad=(self "https://chess.arcade.example:8443" "https://snake.arcade.example")');
    expect(features).toContain('autoplay=(self "https://chess.arcade.example:8443" "https://snake.arcade.example")');
    expect(features).toContain("camera=()");
    expect(features).toContain("microphone=()");
  });

  it("tells a path with broken %-escapes from a well-encoded one", () => {
    expect(isWellEncodedPath("/api/v1/games/%u0073nake")).toBe(false);
    expect(isWellEncodedPath("/play/%E0%A4%A")).toBe(false);
    expect(isWellEncodedPath("/play/%C3%28")).toBe(false);
    expect(isWellEncodedPath("/play/snake%20game")).toBe(true);
  });
});
