import type { Identity } from "./route-types";

/** Whether the caller holds `priv` on `path`, as RPCEnvironment permissions() computes it (see access/permissions.ts). */
export function hasPrivilege(identity: Identity, path: string, priv: string): boolean {
  return identity.can(path, priv);
}
