/** What pve-access-control keeps in user.cfg, as far as the sim needs it. */
export type AclRecord = { path: string; kind: "user" | "token"; ugid: string; role: string; propagate: boolean };
export type TokenRecord = { name: string; secret: string; privsep: boolean; comment?: string };
export type UserRecord = { id: string; enable: boolean; comment?: string; tokens: Map<string, TokenRecord> };
export type PoolRecord = { id: string; comment?: string; vmids: Set<number> };

export type AccessState = {
  roles: Map<string, ReadonlySet<string>>;
  users: Map<string, UserRecord>;
  pools: Map<string, PoolRecord>;
  acl: AclRecord[];
};

const TOKEN_ID = /^([^@!\s]+@[^@!\s]+)!([A-Za-z][A-Za-z0-9.\-_]+)$/;

export function splitTokenId(id: string): { user: string; name: string } | undefined {
  const match = TOKEN_ID.exec(id);
  return match ? { user: match[1]!, name: match[2]! } : undefined;
}

export function normalisePath(path: string): string {
  const trimmed = `/${path.split("/").filter(Boolean).join("/")}`;
  return trimmed;
}

/**
 * AccessControl.pm roles(): walks the ACL paths from "/" down to `path`; at each level the subject's own entries
 * that apply (on the path itself, or propagating from above) replace what was inherited. NoAccess wins.
 */
function rolesAt(state: AccessState, kind: AclRecord["kind"], ugid: string, path: string): Set<string> {
  let roles = new Set<string>();
  const levels = [...new Set(state.acl.map((entry) => entry.path))].filter((p) => p === "/" || p === path || path.startsWith(`${p}/`)).sort();
  for (const level of levels) {
    const final = level === path;
    const here = state.acl.filter((e) => e.path === level && e.kind === kind && e.ugid === ugid && (final || e.propagate));
    if (here.length > 0) roles = new Set(here.map((e) => e.role));
  }
  return roles.has("NoAccess") ? new Set(["NoAccess"]) : roles;
}

function poolOf(state: AccessState, vmid: number): string | undefined {
  for (const pool of state.pools.values()) if (pool.vmids.has(vmid)) return pool.id;
  return undefined;
}

/** RPCEnvironment compile_acl_path: the path's roles, plus those granted on the pool a guest belongs to. */
function compile(state: AccessState, kind: AclRecord["kind"], ugid: string, path: string): Set<string> {
  let roles = rolesAt(state, kind, ugid, path);
  const vmid = /^\/vms\/(\d+)$/.exec(path)?.[1];
  const pool = vmid === undefined ? undefined : poolOf(state, Number(vmid));
  if (pool !== undefined && !roles.has("NoAccess")) {
    const inherited = rolesAt(state, kind, ugid, `/pool/${pool}`);
    // NoAccess on the pool trumps the guest's own ACL; otherwise pool roles are added to it.
    roles = inherited.has("NoAccess") ? new Set(["NoAccess"]) : new Set([...roles, ...inherited]);
  }
  return new Set([...roles].flatMap((role) => [...(state.roles.get(role) ?? [])]));
}

/**
 * RPCEnvironment permissions(): a user's privileges on a path; a token's are its user's (privsep=0) or the
 * intersection of its own and its user's (privsep=1). Unknown users and tokens have none.
 */
export function permissionsOf(state: AccessState, subject: string, path: string): Set<string> {
  const normalised = normalisePath(path);
  const token = splitTokenId(subject);
  if (!token) return state.users.has(subject) ? compile(state, "user", subject, normalised) : new Set();
  const record = state.users.get(token.user)?.tokens.get(token.name);
  if (!record) return new Set();
  const userPrivs = permissionsOf(state, token.user, normalised);
  if (!record.privsep) return userPrivs;
  return new Set([...compile(state, "token", subject, normalised)].filter((priv) => userPrivs.has(priv)));
}

/** get_effective_permissions: every top-level path, every ACL path and every pool member, with what is granted there. */
export function effectivePermissions(state: AccessState, subject: string): Map<string, string[]> {
  const paths = new Set(["/", "/access", "/access/groups", "/nodes", "/pool", "/sdn", "/storage", "/vms", ...state.acl.map((e) => e.path)]);
  for (const pool of state.pools.values()) for (const vmid of pool.vmids) paths.add(`/vms/${vmid}`);
  const result = new Map<string, string[]>();
  for (const path of [...paths].sort()) {
    const privs = [...permissionsOf(state, subject, path)].sort();
    if (privs.length > 0) result.set(path, privs);
  }
  return result;
}
