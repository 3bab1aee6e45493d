import type { IncomingHttpHeaders } from "node:http";
import type { AccessControl } from "../access/access-control";
import type { VersionTraits } from "../version";
import type { Identity } from "./route-types";

export type AuthOutcome = { identity: Identity } | { failure: string };

const TOKEN_ID = /^([^@!\s]+@[^@!\s]+)!([A-Za-z][A-Za-z0-9.\-_]+)$/;

function readCookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of (headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/** Formatter.pm extract_auth_value: the value after `<name>=` (or a space), up to `;`, URI-unescaped. */
function readAuthorization(headers: IncomingHttpHeaders, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}(?:=|\\s)([^;]*)`).exec(headers.authorization ?? "");
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!.trim());
  } catch {
    return match[1]!.trim();
  }
}

/**
 * Authenticates like pveproxy: a PVEAuthCookie ticket takes precedence over an API token. The sim issues no
 * tickets, so any ticket is invalid. Failure texts depend on the version (unified since 9.1.5 / 8.4.17).
 */
export function authenticate(headers: IncomingHttpHeaders, access: AccessControl, traits: VersionTraits): AuthOutcome {
  const fail = (detail: string): AuthOutcome => ({ failure: traits.unifiedAuthFailure ? "Authentication failed!" : detail });
  if (readCookie(headers, "PVEAuthCookie") !== undefined || readAuthorization(headers, "PVEAuthCookie") !== undefined) {
    return fail("permission denied - invalid PVE ticket");
  }
  const value = readAuthorization(headers, "PVEAPIToken");
  if (value === undefined) return { failure: "No ticket" };
  const split = /^(.*)=(.*)$/.exec(value);
  const parsed = split ? TOKEN_ID.exec(split[1]!) : null;
  if (!split || !parsed) return fail("no tokenid specified");
  const tokenId = split[1]!;
  const check = access.verifyToken(tokenId, split[2]!);
  if (!check.ok) return fail(check.detail);
  return { identity: { tokenId, user: check.user, tokenName: check.name, can: (path, priv) => access.can(tokenId, path, priv) } };
}
