import { ArcadeError } from "../errors";
import type { Actor } from "./actor";

export type Permission = "games:view" | "games:play" | "games:power" | "audit:view" | "settings:edit" | "load:view" | "scores:delete";

export type AuthzConfig = { adminRoleIds: string[] };

const memberPermissions: Permission[] = ["games:view", "games:play"];
const adminPermissions: Permission[] = [...memberPermissions, "games:power", "audit:view", "settings:edit", "load:view", "scores:delete"];

/** Admins: the automation token, the system, the guild owner, or a member holding a configured admin role. */
export function isAdmin(actor: Actor, config: AuthzConfig): boolean {
  if (actor.kind !== "user") return true;
  return actor.isGuildOwner || actor.roles.some((role) => config.adminRoleIds.includes(role));
}

export function permissionsOf(actor: Actor, config: AuthzConfig): Set<Permission> {
  return new Set(isAdmin(actor, config) ? adminPermissions : memberPermissions);
}

export function can(actor: Actor, permission: Permission, config: AuthzConfig): boolean {
  return permissionsOf(actor, config).has(permission);
}

const refusal: Record<Permission, string> = {
  "games:view": "You need to be a member of the arcade's Discord server to see the games.",
  "games:play": "You need to be a member of the arcade's Discord server to play.",
  "games:power": "Only arcade admins can start, shut down, stop or reboot containers; ask someone with the admin role.",
  "audit:view": "Only arcade admins can read the audit log.",
  "settings:edit": "Only arcade admins can change game settings.",
  "load:view": "Only arcade admins can see the containers' and Proxmox nodes' load.",
  "scores:delete": "Only arcade admins can delete scores.",
};

/** Throws a forbidden ArcadeError, with a sentence saying who may do it, unless the actor holds the permission. */
export function assertCan(actor: Actor, permission: Permission, config: AuthzConfig): void {
  if (!can(actor, permission, config)) throw new ArcadeError(`forbidden:${permission}`, refusal[permission]);
}
