import { describe, expect, it } from "vitest";
import { assertCan, can, type Actor } from "@/lib/authz";

const config = { adminRoleIds: ["900000000000000001"] };
const member: Actor = { kind: "user", discordId: "111111111111111111", name: "Sam", avatarUrl: null, roles: ["900000000000000002"], isGuildOwner: false };

describe("permissions", () => {
  it("lets members view and play but not power containers or read the audit", () => {
    expect(can(member, "games:play", config)).toBe(true);
    expect(can(member, "games:power", config)).toBe(false);
    expect(() => assertCan(member, "games:power", config)).toThrow(/Only arcade admins can start, shut down, stop or reboot/);
  });

  it("makes admins of the configured roles and of the guild owner", () => {
    expect(can({ ...member, roles: ["900000000000000001"] }, "games:power", config)).toBe(true);
    expect(can({ ...member, isGuildOwner: true }, "audit:view", config)).toBe(true);
  });

  it("treats the automation token as an admin", () => {
    expect(can({ kind: "token", name: "API token" }, "settings:edit", config)).toBe(true);
  });
});
