import { type SimCore } from "../core";
import { type AuthKind, type SimState } from "../state";
import { type Reply } from "./reply";

export type RequestContext = {
  core: SimCore;
  state: SimState;
  method: string;
  /** Path without `/api` and `/vN`, e.g. `/channels/123/messages`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** Media type of the request body, lower-case, without parameters ("" when absent). */
  contentType: string;
  auth: { kind: AuthKind; credential: string };
};

export type Route = {
  method: string;
  /** Segments; `:name` captures one segment. */
  pattern: string;
  handler: (ctx: RequestContext) => Reply | Promise<Reply>;
  /** Interaction callbacks are not bound to route buckets (developers/topics/rate-limits). */
  bucketExempt?: boolean;
};

export type RouteMatch = { route: Route; params: Record<string, string> };

/** First route whose pattern fits the path and method; "method" when only the method is wrong. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | "method" | null {
  const segments = path.split("/").filter(Boolean);
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return pathMatched ? "method" : null;
}

function matchPattern(pattern: string, segments: string[]): Record<string, string> | null {
  const parts = pattern.split("/").filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] ?? "";
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(segment);
    else if (part !== segment) return null;
  }
  return params;
}
