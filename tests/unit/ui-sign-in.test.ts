import { describe, expect, it } from "vitest";
import { describeSignInError } from "@/components/auth/sign-in-errors";
import { findDemoLogin } from "@/lib/auth/demo-logins";
import { safeCallbackPath, signInPath } from "@/lib/auth/redirect-target";

describe("where sign-in sends people back to", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeCallbackPath("/play/snake")).toBe("/play/snake");
    expect(safeCallbackPath("/admin?game=snake#audit")).toBe("/admin?game=snake#audit");
    expect(safeCallbackPath("http://localhost:3000/admin")).toBe("/admin");
  });

  it("never leaves the site, whatever it is handed", () => {
    for (const evil of ["//evil.example/x", "/\\evil.example", "https://evil.example//evil.example", "javascript:alert(1)", "\\\\evil.example"]) {
      const path = safeCallbackPath(evil);
      expect(path.startsWith("/")).toBe(true);
      expect(path.startsWith("//")).toBe(false);
      expect(new URL(path, "https://arcade.example").host).toBe("arcade.example");
    }
  });

  it("does not loop back into sign-in or land on an API route", () => {
    expect(safeCallbackPath("/signin?callbackUrl=/signin")).toBe("/");
    expect(safeCallbackPath("/denied?reason=not-member")).toBe("/");
    expect(safeCallbackPath("/api/v1/games")).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/admin"])).toBe("/");
  });

  it("remembers the page a visitor asked for on the sign-in link", () => {
    expect(signInPath("/")).toBe("/signin");
    expect(signInPath("/play/snake")).toBe("/signin?callbackUrl=%2Fplay%2Fsnake");
  });
});

describe("the sign-in page's words and demo buttons", () => {
  it("explains Auth.js error codes in sentences, including unknown ones", () => {
    expect(describeSignInError(undefined)).toBeNull();
    expect(describeSignInError("AccessDenied")).toMatch(/cancelled or refused/);
    expect(describeSignInError("SomethingNew")).toMatch(/did not work/);
  });

  it("knows exactly two demo logins and nothing else", () => {
    expect(findDemoLogin("player")?.hint).toBe("demo_player");
    expect(findDemoLogin("admin")?.hint).toBe("demo_admin");
    expect(findDemoLogin("owner")).toBeUndefined();
    expect(findDemoLogin(null)).toBeUndefined();
  });
});
