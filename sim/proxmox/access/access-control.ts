import { randomUUID } from "node:crypto";
import type { SimAclEntry, SimScenario, SimUser } from "../types";
import { type AccessState, type AclRecord, effectivePermissions, normalisePath, permissionsOf, splitTokenId } from "./permissions";
import { BUILTIN_ROLES, PRIVILEGES } from "./privileges";

/** A refusal worded like pveum / the API (the `what failed: why` prefix is lock_user_config's). */
export class AccessError extends Error {}

const VALID_ACL_PATH = /^\/(?:|access(?:\/groups(?:\/[^/]+)?|\/realm\/[^/]+)?|nodes(?:\/[^/]+)?|pool(?:\/[^/]+)?|storage(?:\/[^/]+)?|vms(?:\/\d+)?|sdn(?:\/.+)?|mapping(?:\/.+)?)$/;

export type TokenCheck = { ok: true; user: string; name: string } | { ok: false; detail: string };

/** Users, tokens, roles, pools and ACLs of the simulated cluster (pve-access-control's user.cfg), changeable at run time. */
export class AccessControl {
  private readonly state: AccessState = { roles: new Map(), users: new Map(), pools: new Map(), acl: [] };

  constructor(scenario: Pick<SimScenario, "tokens" | "users" | "roles" | "pools">) {
    for (const [name, privs] of Object.entries(BUILTIN_ROLES)) this.state.roles.set(name, new Set(privs));
    for (const [name, privs] of Object.entries(scenario.roles ?? {})) this.state.roles.set(name, new Set(privs));
    for (const pool of scenario.pools ?? []) this.state.pools.set(pool.id, { id: pool.id, vmids: new Set(pool.vmids) });
    // Without `users`, each token's user is implied with Administrator on "/": scenarios that do not model users.
    const users: SimUser[] = scenario.users ?? [...new Set(scenario.tokens.map((t) => splitTokenId(t.id)!.user))].map((id) => ({ id, acl: [{ path: "/", role: "Administrator" }] }));
    for (const user of users) {
      this.state.users.set(user.id, { id: user.id, enable: user.enable ?? true, tokens: new Map() });
      for (const entry of user.acl ?? []) this.grant("user", user.id, entry);
    }
    for (const token of scenario.tokens) {
      const { user, name } = splitTokenId(token.id)!;
      this.state.users.get(user)!.tokens.set(name, { name, secret: token.secret, privsep: token.privsep ?? token.acl !== undefined });
      for (const entry of token.acl ?? []) this.grant("token", token.id, entry);
    }
  }

  private grant(kind: AclRecord["kind"], ugid: string, entry: SimAclEntry): void {
    let role = entry.role;
    if (role === undefined) {
      // The `privs` shorthand: an unnamed role holding exactly those privileges.
      role = `(${[...(entry.privs ?? [])].sort().join(" ")})`;
      this.state.roles.set(role, new Set(entry.privs ?? []));
    }
    this.state.acl.push({ path: normalisePath(entry.path), kind, ugid, role, propagate: entry.propagate ?? true });
  }

  /** AccessControl.pm verify_token's checks, in its order; `detail` is what older versions put in the 401. */
  verifyToken(tokenId: string, secret: string): TokenCheck {
    const { user, name } = splitTokenId(tokenId)!;
    const record = this.state.users.get(user);
    if (!record) return { ok: false, detail: `no such user ('${user}')` };
    if (!record.enable) return { ok: false, detail: `user '${user}' is disabled` };
    const token = record.tokens.get(name);
    if (!token) return { ok: false, detail: `no such token '${name}' for user '${user}'` };
    if (token.secret !== secret) return { ok: false, detail: "invalid token value!" };
    return { ok: true, user, name };
  }

  can(subject: string, path: string, priv: string): boolean {
    return permissionsOf(this.state, subject, path).has(priv);
  }

  effective(subject: string): Map<string, string[]> {
    return effectivePermissions(this.state, subject);
  }

  poolOf(vmid: number): string | undefined {
    return [...this.state.pools.values()].find((pool) => pool.vmids.has(vmid))?.id;
  }

  // ------------------------------------------------------------------------------ changes (pveum, API)

  private checkPrivs(privs: string[]): void {
    const bad = privs.find((p) => !PRIVILEGES.includes(p));
    if (bad !== undefined) throw new AccessError(`invalid privilege '${bad}'`);
  }

  setRole(id: string, privs: string[], mode: "create" | "replace" | "append"): void {
    const exists = this.state.roles.has(id);
    if (mode === "create" && exists) throw new AccessError(`create role failed: role '${id}' already exists`);
    if (mode !== "create" && !exists) throw new AccessError(`update role failed: role '${id}' does not exist`);
    if (mode !== "create" && id in BUILTIN_ROLES) throw new AccessError(`update role failed: cannot modify special role '${id}'`);
    this.checkPrivs(privs);
    this.state.roles.set(id, new Set([...(mode === "append" ? (this.state.roles.get(id) ?? []) : []), ...privs]));
  }

  addUser(id: string, comment?: string): void {
    if (this.state.users.has(id)) throw new AccessError(`create user failed: user '${id}' already exists`);
    this.state.users.set(id, { id, enable: true, comment, tokens: new Map() });
  }

  addPool(id: string, comment?: string): void {
    if (this.state.pools.has(id)) throw new AccessError(`create pool failed: pool '${id}' already exists`);
    this.state.pools.set(id, { id, comment, vmids: new Set() });
  }

  /** Pool.pm update_pool: adding a member of this pool or of another one is refused. */
  addPoolMembers(id: string, vmids: number[]): void {
    const pool = this.state.pools.get(id);
    if (!pool) throw new AccessError(`update pools failed: pool '${id}' does not exist`);
    for (const vmid of vmids) {
      if (pool.vmids.has(vmid)) throw new AccessError(`update pools failed: VM ${vmid} is already a pool member`);
      const other = this.poolOf(vmid);
      if (other !== undefined) throw new AccessError(`update pools failed: VM ${vmid} belongs already to pool '${other}'`);
      pool.vmids.add(vmid);
    }
  }

  /** ACL.pm update_acl. */
  modifyAcl(input: { path: string; roles: string[]; users: string[]; tokens: string[]; propagate: boolean; remove: boolean }): void {
    const path = normalisePath(input.path);
    if (!input.remove && !VALID_ACL_PATH.test(path)) throw new AccessError(`400 Parameter verification failed.\npath: invalid ACL path '${input.path}'`);
    for (const role of input.roles) {
      if (!this.state.roles.has(role)) throw new AccessError(`ACL update failed: role '${role}' does not exist`);
      const subjects: Array<[AclRecord["kind"], string]> = [...input.users.map((u) => ["user", u] as ["user", string]), ...input.tokens.map((t) => ["token", t] as ["token", string])];
      for (const [kind, ugid] of subjects) {
        if (kind === "user" && !this.state.users.has(ugid)) throw new AccessError(`ACL update failed: user '${ugid}' does not exist`);
        if (kind === "token") {
          const { user, name } = splitTokenId(ugid) ?? { user: "", name: ugid };
          if (!this.state.users.get(user)?.tokens.has(name)) throw new AccessError(`ACL update failed: no such token '${name}' for user '${user}'`);
        }
        this.state.acl = this.state.acl.filter((e) => !(e.path === path && e.kind === kind && e.ugid === ugid && e.role === role));
        if (!input.remove) this.state.acl.push({ path, kind, ugid, role, propagate: input.propagate });
      }
    }
  }

  /** User.pm generate_token; returns the secret, shown once. */
  addToken(userId: string, name: string, privsep: boolean, comment?: string): string {
    const user = this.state.users.get(userId);
    if (!user) throw new AccessError(`generating token failed: no such user ('${userId}')`);
    if (user.tokens.has(name)) throw new AccessError("generating token failed: Token already exists.");
    const secret = randomUUID();
    user.tokens.set(name, { name, secret, privsep, comment });
    return secret;
  }

  removeToken(userId: string, name: string): void {
    const user = this.state.users.get(userId);
    if (!user?.tokens.delete(name)) throw new AccessError(`delete token failed: no such token '${name}' for user '${userId}'`);
    this.state.acl = this.state.acl.filter((e) => !(e.kind === "token" && e.ugid === `${userId}!${name}`));
  }

  // ------------------------------------------------------------------------------ reading

  listRoles(): Array<{ roleid: string; privs: string; special: 0 | 1 }> {
    return [...this.state.roles.entries()]
      .filter(([id]) => !id.startsWith("("))
      .map(([roleid, privs]) => ({ roleid, privs: [...privs].sort().join(","), special: roleid in BUILTIN_ROLES ? 1 : 0 }));
  }

  listUsers(): Array<{ userid: string; enable: 0 | 1; comment?: string }> {
    return [...this.state.users.values()].map((u) => ({ userid: u.id, enable: u.enable ? 1 : 0, ...(u.comment ? { comment: u.comment } : {}) }));
  }

  listPools(): Array<{ poolid: string; comment?: string }> {
    return [...this.state.pools.values()].map((p) => ({ poolid: p.id, ...(p.comment ? { comment: p.comment } : {}) }));
  }

  listTokens(userId: string): Array<{ tokenid: string; privsep: 0 | 1; comment?: string }> {
    const user = this.state.users.get(userId);
    if (!user) throw new AccessError(`no such user ('${userId}')`);
    return [...user.tokens.values()].map((t) => ({ tokenid: t.name, privsep: t.privsep ? 1 : 0, ...(t.comment ? { comment: t.comment } : {}) }));
  }

  /** Everything but secrets, comparable between a scenario and what setup scripts built. */
  describe(): unknown {
    const custom = [...this.state.roles.entries()].filter(([id]) => !(id in BUILTIN_ROLES));
    return {
      roles: Object.fromEntries(custom.map(([id, privs]) => [id, [...privs].sort()])),
      users: [...this.state.users.values()].map((u) => ({ id: u.id, enable: u.enable, tokens: [...u.tokens.values()].map((t) => ({ name: t.name, privsep: t.privsep })) })),
      pools: [...this.state.pools.values()].map((p) => ({ id: p.id, vmids: [...p.vmids].sort((a, b) => a - b) })),
      acl: this.state.acl.map((e) => ({ ...e })).sort((a, b) => `${a.path} ${a.kind} ${a.ugid}`.localeCompare(`${b.path} ${b.kind} ${b.ugid}`)),
    };
  }
}
