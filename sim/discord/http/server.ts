import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type SimCore } from "../core";
import { readAuth, readBody } from "./read-body";
import { normalizeApiPath } from "./rate-limiter";
import { discordError, invalidJson, jsonReply, methodNotAllowed, notFound, type Reply } from "./reply";
import { matchRoute, type RequestContext, type Route } from "./router";

/** The sim's HTTP server: Discord's REST under /api, test controls under /__sim. */
export function createSimServer(core: SimCore, apiRoutes: readonly Route[], controlRoutes: readonly Route[]): Server {
  return createServer((req, res) => {
    handleRequest(core, apiRoutes, controlRoutes, req)
      .then((reply) => writeReply(res, reply))
      .catch((error: unknown) => {
        console.error("[discord-sim]", error);
        writeReply(res, discordError(500, 0, "500: Internal Server Error"));
      });
  });
}

async function handleRequest(
  core: SimCore,
  apiRoutes: readonly Route[],
  controlRoutes: readonly Route[],
  req: IncomingMessage,
): Promise<Reply> {
  const url = new URL(req.url ?? "/", "http://sim.invalid");
  const method = (req.method ?? "GET").toUpperCase();
  if (url.pathname.startsWith("/__sim/")) return handleControl(core, controlRoutes, req, method, url);
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) return handleApi(core, apiRoutes, req, method, url);
  if (url.pathname === "/" && method === "GET") return jsonReply(200, { name: "discord-sim", apiUrl: core.urls.apiUrl });
  return notFound();
}

async function handleApi(core: SimCore, routes: readonly Route[], req: IncomingMessage, method: string, url: URL): Promise<Reply> {
  const at = core.state.clock.now();
  const path = normalizeApiPath(url.pathname);
  const parsed = await readBody(req);
  const auth = readAuth(req.headers.authorization);
  const match = matchRoute(routes, method, path);
  const exempt = typeof match === "object" && match !== null && match.route.bucketExempt === true;
  const verdict = core.state.rateLimits.check(method, path, exempt);
  let reply: Reply;
  if (verdict.retryAfterMs !== null) {
    const seconds = Math.round(verdict.retryAfterMs) / 1000;
    reply = jsonReply(429, { message: "You are being rate limited.", retry_after: seconds, global: false });
  } else if (parsed.invalidJson) {
    reply = invalidJson();
  } else if (match === null) {
    reply = notFound();
  } else if (match === "method") {
    reply = methodNotAllowed();
  } else {
    const ctx: RequestContext = {
      core,
      state: core.state,
      method,
      path,
      params: match.params,
      query: url.searchParams,
      body: parsed.body,
      contentType: parsed.contentType,
      auth,
    };
    reply = await match.route.handler(ctx);
  }
  reply = { ...reply, headers: { ...verdict.headers, ...reply.headers } };
  core.state.requests.push({
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    body: parsed.body ?? null,
    auth: auth.kind,
    status: reply.status,
    at,
  });
  return reply;
}

async function handleControl(core: SimCore, routes: readonly Route[], req: IncomingMessage, method: string, url: URL): Promise<Reply> {
  const path = url.pathname.slice("/__sim".length);
  const parsed = await readBody(req);
  if (parsed.invalidJson) return jsonReply(400, { error: "The request body is not valid JSON" });
  const match = matchRoute(routes, method, path);
  if (match === null) return jsonReply(404, { error: `No control endpoint ${method} ${url.pathname}` });
  if (match === "method") return jsonReply(405, { error: `${method} is not allowed on ${url.pathname}` });
  const ctx: RequestContext = {
    core,
    state: core.state,
    method,
    path,
    params: match.params,
    query: url.searchParams,
    body: parsed.body,
    contentType: parsed.contentType,
    auth: { kind: "none", credential: "" },
  };
  return match.route.handler(ctx);
}

function writeReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.json !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(reply.json);
  } else if (reply.html !== undefined) {
    headers["Content-Type"] = "text/html; charset=utf-8";
    payload = reply.html;
  }
  if (reply.location) headers.Location = reply.location;
  res.writeHead(reply.status, headers);
  res.end(reply.status === 204 ? undefined : payload);
}
