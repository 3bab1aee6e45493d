import { describe, expect, it } from "vitest";
import { atPublicAddress, isAwayFromPublicAddress } from "@/lib/security/canonical-address";

const view = (host: string | null, pathname = "/play/snake", method = "GET") => ({ method, host, pathname });

describe("one address for the portal", () => {
  it("sees a page opened at 127.0.0.1, or at the portal CT's own address, as away from AUTH_URL", () => {
    expect(isAwayFromPublicAddress(view("127.0.0.1:3000"), "http://localhost:3000")).toBe(true);
    expect(isAwayFromPublicAddress(view("10.22.0.21:3000"), "https://arcade.example.com")).toBe(true);
    expect(isAwayFromPublicAddress(view("127.0.0.1:3000", "/", "HEAD"), "http://localhost:3000")).toBe(true);
  });

  it("leaves a page alone at the public host, also behind a TLS gateway that forwards the public Host", () => {
    expect(isAwayFromPublicAddress(view("localhost:3000"), "http://localhost:3000")).toBe(false);
    expect(isAwayFromPublicAddress(view("Arcade.Example.com"), "https://arcade.example.com")).toBe(false);
    expect(isAwayFromPublicAddress(view("arcade.example.com:443"), "https://arcade.example.com")).toBe(false);
    expect(isAwayFromPublicAddress(view("arcade.example.com:8443"), "https://arcade.example.com:8443/")).toBe(false);
  });

  it("moves nothing without AUTH_URL, for the API, or for anything but a page view", () => {
    expect(isAwayFromPublicAddress(view("127.0.0.1:3000"), undefined)).toBe(false);
    expect(isAwayFromPublicAddress(view(null), "http://localhost:3000")).toBe(false);
    expect(isAwayFromPublicAddress(view("127.0.0.1:3000", "/api/v1/games"), "http://localhost:3000")).toBe(false);
    expect(isAwayFromPublicAddress(view("127.0.0.1:3000", "/", "POST"), "http://localhost:3000")).toBe(false);
  });

  it("sends only paths of this site to AUTH_URL's origin, never elsewhere", () => {
    expect(atPublicAddress("/signin?callbackUrl=%2Fplay%2Fsnake", "http://localhost:3000")).toBe("http://localhost:3000/signin?callbackUrl=%2Fplay%2Fsnake");
    expect(atPublicAddress("/play/snake", "https://arcade.example.com")).toBe("https://arcade.example.com/play/snake");
    for (const evil of ["//evil.example/x", "/\\evil.example", "https://evil.example/", "play", null]) expect(atPublicAddress(evil, "http://localhost:3000")).toBeNull();
    expect(atPublicAddress("/play/snake", undefined)).toBeNull();
  });
});
