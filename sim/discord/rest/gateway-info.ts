import { jsonReply, type Reply } from "../http/reply";
import { type RequestContext, type Route } from "../http/router";
import { rejectUnlessBot } from "./require-auth";

const SESSION_STARTS_PER_DAY = 1000;

/**
 * `GET /gateway/bot`: discord.js opens its WebSocket at the `url` returned here, which is how the real client
 * ends up on the sim's gateway (reference C1).
 */
function getGatewayBot(ctx: RequestContext): Reply {
  const rejected = rejectUnlessBot(ctx);
  if (rejected) return rejected;
  return jsonReply(200, {
    url: ctx.core.urls.gatewayUrl,
    shards: 1,
    session_start_limit: {
      total: SESSION_STARTS_PER_DAY,
      remaining: Math.max(0, SESSION_STARTS_PER_DAY - ctx.core.gateway.identifyCount()),
      reset_after: 86_400_000,
      max_concurrency: 1,
    },
  });
}

export const gatewayInfoRoutes: Route[] = [
  { method: "GET", pattern: "/gateway", handler: (ctx) => jsonReply(200, { url: ctx.core.urls.gatewayUrl }) },
  { method: "GET", pattern: "/gateway/bot", handler: getGatewayBot },
];
