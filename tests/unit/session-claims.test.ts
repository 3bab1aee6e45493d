import { describe, expect, it } from "vitest";
import { claimsAreAdmin, claimsForLogin, RECHECK_AFTER_MS, refreshClaims } from "@/lib/auth/session-claims";

const profile = { id: "111111111111111111", username: "alex", global_name: "Alex", avatar: null };
const member = { status: "member" as const, roles: ["900000000000000001"], isGuildOwner: false, nick: null };

describe("login and session claims", () => {
  it("lets a member in with their Discord id, name and roles, and keeps tokens out", () => {
    const claims = claimsForLogin(profile, member, 1000);
    expect(claims).toEqual({ discordId: "111111111111111111", name: "Alex", avatarUrl: null, roles: ["900000000000000001"], isGuildOwner: false, checkedAt: 1000 });
    expect(JSON.stringify(claims)).not.toMatch(/token/i);
  });

  it("refuses someone who is not in the guild", () => {
    expect(claimsForLogin(profile, { status: "not_member" }, 1000)).toBeNull();
  });

  it("makes admins from configured roles or ownership", () => {
    const claims = claimsForLogin(profile, member, 0)!;
    expect(claimsAreAdmin(claims, ["900000000000000001"])).toBe(true);
    expect(claimsAreAdmin(claims, [])).toBe(false);
    expect(claimsAreAdmin({ ...claims, isGuildOwner: true }, [])).toBe(true);
  });

  it("re-checks after 15 minutes: a removed friend loses the session, a new role shows up", async () => {
    const claims = claimsForLogin(profile, member, 0)!;
    let asked = 0;
    const kicked = async () => (asked++, { status: "not_member" as const });
    expect(await refreshClaims(claims, RECHECK_AFTER_MS - 1, kicked)).toBe(claims);
    expect(asked).toBe(0);
    expect(await refreshClaims(claims, RECHECK_AFTER_MS, kicked)).toBeNull();
    const promoted = await refreshClaims(claims, RECHECK_AFTER_MS, async () => ({ ...member, roles: ["900000000000000009"] }));
    expect(promoted?.roles).toEqual(["900000000000000009"]);
  });

  it("keeps the session when Discord cannot be asked, and tries again a minute later", async () => {
    const claims = claimsForLogin(profile, member, 0)!;
    const now = RECHECK_AFTER_MS + 5;
    const kept = await refreshClaims(claims, now, async () => ({ status: "error" as const, reason: "down" }));
    expect(kept?.roles).toEqual(claims.roles);
    expect(await refreshClaims(kept!, now + 59_000, async () => ({ status: "not_member" as const }))).toBe(kept);
    expect(await refreshClaims(kept!, now + 60_000, async () => ({ status: "not_member" as const }))).toBeNull();
  });
});
