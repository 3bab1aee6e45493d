import type { IncomingMessage, ServerResponse } from "node:http";
import { PveError } from "../errors";
import { hasPrivilege } from "./acl";
import { authenticate } from "./auth";
import { readRawParams, validateParams } from "./params";
import { sendDownload, sendEmpty, sendError, sendJson } from "./respond";
import type { ApiContext, Identity, Route } from "./route-types";
import { fillPath, matchRoute, type RouteMatch } from "./router";

export const API_PREFIX = "/api2/json";

function checkPermission(match: RouteMatch, identity: Identity): void {
  const permission = match.route.permission;
  if (!permission) return;
  const path = fillPath(permission.path, match.pathParams);
  for (const priv of permission.privs) {
    if (!hasPrivilege(identity, path, priv)) throw new PveError(403, `Permission check failed (${path}, ${priv})`);
  }
}

/** pveproxy's proxy_handler: returns the reason of a 595 when the target node cannot be reached. */
function unreachableNode(ctx: ApiContext, match: RouteMatch): string | undefined {
  if (!match.route.proxyToNode) return undefined;
  const name = match.pathParams.node ?? "";
  const node = ctx.world.nodes.get(name);
  if (!node) {
    throw new PveError(500, `hostname lookup '${name}' failed - failed to get address info for: ${name}: Name or service not known`);
  }
  return node.online ? undefined : "No route to host";
}

/** One /api2/json request, checked in pveproxy's order: 401, 501, 403, proxy (595), 400, handler. */
export async function handleApiRequest(ctx: ApiContext, routes: readonly Route[], req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? "GET";
  const relative = url.pathname.slice(API_PREFIX.length) || "/";
  try {
    if (ctx.world.timing.latencyMs > 0) await ctx.world.sleep(ctx.world.timing.latencyMs);
    const auth = authenticate(req.headers, ctx.access, ctx.traits);
    if ("failure" in auth) {
      // pve-http-server: "always delay unauthorized calls by 3 seconds".
      if (ctx.world.timing.authFailDelayMs > 0) await ctx.world.sleep(ctx.world.timing.authFailDelayMs);
      sendEmpty(res, 401, auth.failure);
      return;
    }
    const raw = await readRawParams(req, url);
    const match = matchRoute(routes, method, relative);
    if (!match) throw new PveError(501, `Method '${method} ${relative}' not implemented`);
    checkPermission(match, auth.identity);
    const unreachable = unreachableNode(ctx, match);
    if (unreachable) {
      sendEmpty(res, 595, unreachable);
      return;
    }
    const params = validateParams(match.route.params, { ...raw, ...match.pathParams });
    const result = await match.route.handle({ ...ctx, identity: auth.identity, params });
    if ("download" in result) sendDownload(req, res, result.download);
    else sendJson(req, res, 200, "OK", { data: result.data, ...result.attributes });
  } catch (error) {
    const pveError = error instanceof PveError ? error : new PveError(500, error instanceof Error ? error.message : String(error));
    if (!res.headersSent) sendError(req, res, pveError, ctx.traits);
  }
}
