import type { Identity } from "./route-types";

function normalise(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed === "" ? "/" : trimmed;
}

function selfAndAncestors(path: string): string[] {
  const parts = normalise(path).split("/").filter(Boolean);
  const chain = parts.map((_, i) => `/${parts.slice(0, parts.length - i).join("/")}`);
  return [...chain, "/"];
}

/**
 * Whether the caller holds `priv` on `path`. ACLs propagate down the tree and the deepest path that has an
 * entry wins ("permissions on deeper levels replace those inherited from an upper level", pveum.adoc).
 */
export function hasPrivilege(identity: Identity, path: string, priv: string): boolean {
  if (!identity.acl) return true;
  for (const candidate of selfAndAncestors(path)) {
    const entries = identity.acl.filter((entry) => normalise(entry.path) === candidate);
    if (entries.length > 0) return entries.some((entry) => entry.privs.includes(priv));
  }
  return false;
}
