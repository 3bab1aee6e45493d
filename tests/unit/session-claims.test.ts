import { describe, expect, it } from "vitest";
import { createCallbacks, userFromProfile } from "@/lib/auth/auth-callbacks";
import { avatarUrlOf } from "@/lib/auth/discord-membership";
import { claimsAreAdmin, claimsForLogin, MAX_UNVERIFIED_MS, RECHECK_AFTER_MS, refreshClaims } from "@/lib/auth/session-claims";

const profile = { id: "111111111111111111", username: "alex", global_name: "Alex", avatar: null };
const member = { status: "member" as const, roles: ["900000000000000001"], isGuildOwner: false, nick: null, profile, avatarUrl: null };

describe("login and session claims", () => {
  it("lets a member in with their Discord id, name and roles, and keeps tokens out", () => {
    const claims = claimsForLogin(profile, member, 1000);
    expect(claims).toEqual({ discordId: "111111111111111111", name: "Alex", avatarUrl: null, roles: ["900000000000000001"], isGuildOwner: false, checkedAt: 1000, verifiedAt: 1000 });
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

  it("picks up a new nickname or avatar at the re-check", async () => {
    const claims = claimsForLogin(profile, member, 0)!;
    const avatar = "a_0123456789abcdef0123456789abcdef";
    const looked = { ...member, nick: "Captain Alex", profile: { ...profile, avatar }, avatarUrl: avatarUrlOf({ ...profile, avatar }, "https://cdn.discordapp.com") };
    const renamed = await refreshClaims(claims, RECHECK_AFTER_MS, async () => looked);
    expect(renamed?.name).toBe("Captain Alex");
    expect(renamed?.avatarUrl).toBe(`https://cdn.discordapp.com/avatars/111111111111111111/${avatar}.gif?size=64`);
  });

  it("builds avatar URLs only on the configured CDN, and only from a real avatar hash", () => {
    expect(avatarUrlOf({ ...profile, avatar: "0123456789abcdef0123456789abcdef" }, "http://127.0.0.1:4000")).toBe(
      "http://127.0.0.1:4000/avatars/111111111111111111/0123456789abcdef0123456789abcdef.png?size=64",
    );
    for (const avatar of ["javascript:alert(1)", "../../evil", "abc123", ""]) expect(avatarUrlOf({ ...profile, avatar }, "https://cdn.discordapp.com")).toBeNull();
  });

  it("keeps the session when Discord cannot be asked, and tries again a minute later", async () => {
    const claims = claimsForLogin(profile, member, 0)!;
    const now = RECHECK_AFTER_MS + 5;
    const kept = await refreshClaims(claims, now, async () => ({ status: "error" as const, reason: "down" }));
    expect(kept?.roles).toEqual(claims.roles);
    expect(await refreshClaims(kept!, now + 59_000, async () => ({ status: "not_member" as const }))).toBe(kept);
    expect(await refreshClaims(kept!, now + 60_000, async () => ({ status: "not_member" as const }))).toBeNull();
  });

  it("ends a session that Discord has not confirmed for six hours, however long the outage", async () => {
    const claims = claimsForLogin(profile, member, 0)!;
    const down = async () => ({ status: "error" as const, reason: "401" });
    let current: typeof claims | null = claims;
    let now = RECHECK_AFTER_MS;
    while (current && now <= MAX_UNVERIFIED_MS) {
      current = await refreshClaims(current, now, down);
      expect(current).not.toBeNull();
      now += 30 * 60_000;
    }
    expect(await refreshClaims(current!, MAX_UNVERIFIED_MS + 1, down)).toBeNull();
  });
});

describe("Auth.js callbacks", () => {
  const admins = ["900000000000000001"];
  const login = (membership: Parameters<typeof userFromProfile>[1]) => userFromProfile(profile, membership, 0);

  it("signs a member in with the Discord id as subject, never Auth.js's random id", async () => {
    const callbacks = createCallbacks({ adminRoleIds: admins, lookup: async () => member, now: () => 1 });
    const user = login(member);
    expect(callbacks.signIn({ user })).toBe(true);
    const token = await callbacks.jwt({ token: { sub: "0f6d8a52-random-uuid" }, user, account: { provider: "discord" } });
    expect(token?.sub).toBe("111111111111111111");
    const session = callbacks.session({ session: { user: {}, expires: "" } as never, token: token! });
    expect(session.user).toMatchObject({ discordId: "111111111111111111", name: "Alex", image: null, isAdmin: true, isGuildOwner: false });
  });

  it("sends a non-member to the denied page with the reason, and a Discord outage with its own reason", () => {
    const callbacks = createCallbacks({ adminRoleIds: admins, lookup: async () => member });
    expect(callbacks.signIn({ user: login({ status: "not_member" }) })).toBe("/denied?reason=not-member");
    expect(callbacks.signIn({ user: login({ status: "error", reason: "503" }) })).toBe("/denied?reason=discord-unavailable");
  });

  it("makes a member without an admin role a plain member", async () => {
    const callbacks = createCallbacks({ adminRoleIds: ["900000000000000002"], lookup: async () => member });
    const token = await callbacks.jwt({ token: {}, user: login(member), account: {} });
    expect(callbacks.session({ session: { user: {}, expires: "" } as never, token: token! }).user.isAdmin).toBe(false);
  });

  it("ends the session of a member removed from the server at the next re-check, and of a cookie without claims", async () => {
    let clock = 0;
    let membership: Parameters<typeof userFromProfile>[1] = member;
    const callbacks = createCallbacks({ adminRoleIds: admins, lookup: async () => membership, now: () => clock });
    const token = (await callbacks.jwt({ token: {}, user: login(member), account: {} }))!;
    membership = { status: "not_member" };
    clock = RECHECK_AFTER_MS - 1;
    expect(await callbacks.jwt({ token })).not.toBeNull();
    clock = RECHECK_AFTER_MS;
    expect(await callbacks.jwt({ token })).toBeNull();
    expect(await callbacks.jwt({ token: { sub: "x" } })).toBeNull();
  });
});
