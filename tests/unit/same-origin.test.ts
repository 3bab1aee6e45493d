import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/auth/same-origin";

const post = (headers: Record<string, string>) => new Request("http://10.22.0.21:3000/api/v1/games/snake/play", { method: "POST", headers });

describe("which cookie-carrying mutations are accepted", () => {
  it("with AUTH_URL, accepts only that origin: scheme, host and port", () => {
    const publicUrl = "https://arcade.example.com";
    expect(isSameOrigin(post({ origin: "https://arcade.example.com" }), publicUrl)).toBe(true);
    expect(isSameOrigin(post({ origin: "http://arcade.example.com" }), publicUrl)).toBe(false);
    expect(isSameOrigin(post({ origin: "https://arcade.example.com:8443" }), publicUrl)).toBe(false);
    expect(isSameOrigin(post({ origin: "https://evil.example" }), publicUrl)).toBe(false);
    expect(isSameOrigin(post({ origin: "https://snake.arcade.example.com" }), publicUrl)).toBe(false);
  });

  it("does not let the scheme or forwarded headers stand in for the configured origin", () => {
    expect(isSameOrigin(post({ origin: "https://localhost:3300", host: "localhost:3300" }), "http://localhost:3300")).toBe(false);
    expect(isSameOrigin(post({ origin: "http://evil.example", "x-forwarded-host": "evil.example", host: "localhost:3300" }), "http://localhost:3300")).toBe(false);
    expect(isSameOrigin(post({ origin: "http://evil.example", "x-forwarded-host": "evil.example", host: "10.22.0.21:3000" }), undefined)).toBe(false);
  });

  it("without AUTH_URL, accepts the origin the request was sent to, over the portal's own http", () => {
    expect(isSameOrigin(post({ origin: "http://10.22.0.21:3000", host: "10.22.0.21:3000" }), undefined)).toBe(true);
    expect(isSameOrigin(post({ origin: "https://10.22.0.21:3000", host: "10.22.0.21:3000" }), undefined)).toBe(false);
    expect(isSameOrigin(post({ origin: "http://10.22.0.21:3001", host: "10.22.0.21:3000" }), undefined)).toBe(false);
    expect(isSameOrigin(post({ origin: "null", host: "10.22.0.21:3000" }), undefined)).toBe(false);
  });

  it("refuses a request without Origin that the browser marks cross-site or same-site, and lets other clients through", () => {
    expect(isSameOrigin(post({ "sec-fetch-site": "cross-site" }), "https://arcade.example.com")).toBe(false);
    expect(isSameOrigin(post({ "sec-fetch-site": "same-site" }), "https://arcade.example.com")).toBe(false);
    expect(isSameOrigin(post({ "sec-fetch-site": "same-origin" }), "https://arcade.example.com")).toBe(true);
    expect(isSameOrigin(post({}), "https://arcade.example.com")).toBe(true);
  });
});
