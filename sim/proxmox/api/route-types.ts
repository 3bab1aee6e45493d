import type { AccessControl } from "../access/access-control";
import type { VersionTraits } from "../version";
import type { ResourceBoard } from "../world/resources";
import type { SimWorld } from "../world/world";

export type ParamSpec = {
  type: "integer" | "boolean" | "string";
  optional?: boolean;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
};

export type ParamValues = Record<string, string | number | undefined>;

/** Who is calling: a token, and what it may do where. */
export type Identity = { tokenId: string; user: string; tokenName: string; can(path: string, priv: string): boolean };

export type ApiContext = {
  world: SimWorld;
  traits: VersionTraits;
  board: ResourceBoard;
  access: AccessControl;
  fingerprint: string;
};

export type HandlerInput = ApiContext & { identity: Identity; params: ParamValues };

/** What a handler answers: `data`, extra top-level attributes (task log `total`), or a raw download. */
export type ApiReply = { data: unknown; attributes?: Record<string, unknown> } | { download: string };

export type Route = {
  method: "GET" | "POST";
  /** Relative to /api2/json, with {placeholders}, as in the API viewer. */
  path: string;
  /** The schema's `check => ['perm', path, privs]`; absent = any authenticated user (handlers filter). */
  permission?: { path: string; privs: string[] };
  /** `proxyto => 'node'`: forwarded to the node in the URL, so an offline node answers 595. */
  proxyToNode?: boolean;
  params: Record<string, ParamSpec>;
  handle(input: HandlerInput): ApiReply | Promise<ApiReply>;
};

export const NODE_PARAM: ParamSpec = { type: "string" };
export const VMID_PARAM: ParamSpec = { type: "integer", minimum: 100, maximum: 999_999_999 };

/** Shorthand for a plain `{"data": …}` reply. */
export function reply(data: unknown): ApiReply {
  return { data };
}
