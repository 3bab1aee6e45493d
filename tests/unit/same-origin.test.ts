import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/auth/same-origin";

const post = (headers: Record<string, string>) => new Request("http://10.22.0.21:3000/api/v1/games/snake/play", { method: "POST", headers });

describe("which cookie-carrying mutations are accepted", () => {
  it("behind the gateway, accepts only the public origin, scheme included", () => {
    const publicUrl = "https://arcade.example.com";
    expect(isSameOrigin(post({ origin: "https://arcade.example.com" }), publicUrl)).toBe(true);
    expect(isSameOrigin(post({ origin: "http://arcade.example.com" }), publicUrl)).toBe(false);
    expect(isSameOrigin(post({ origin: "https://evil.example" }), publicUrl)).toBe(false);
  });

  it("accepts the host the request was sent to, as when the portal is opened directly", () => {
    expect(isSameOrigin(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), "http://localhost:3000")).toBe(true);
    expect(isSameOrigin(post({ origin: "http://10.22.0.21:3000", host: "10.22.0.21:3000" }), undefined)).toBe(true);
    expect(isSameOrigin(post({ origin: "http://evil.example", host: "10.22.0.21:3000" }), undefined)).toBe(false);
    expect(isSameOrigin(post({ origin: "null", host: "10.22.0.21:3000" }), undefined)).toBe(false);
  });

  it("lets non-browser clients without an Origin through (they carry no cookie a site could borrow)", () => {
    expect(isSameOrigin(post({}), "https://arcade.example.com")).toBe(true);
  });
});
