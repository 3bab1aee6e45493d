import { hashComment } from "./generated-header";
import type { DeploymentPlan, GameRoute } from "./plan-deployment";

/** Ports and admin endpoint of the gateway process; production leaves them at 80/443 and Caddy's default admin. */
export type GatewayListen = {
  httpPort?: number;
  httpsPort?: number;
  admin?: string;
  /** Tests with `tls internal`: keep Caddy from adding its root to the machine's trust store. */
  skipInstallTrust?: boolean;
};

export const EVENTS_PATH = "/api/v1/events";
export const HSTS = "max-age=31536000";
/**
 * How long the gateway waits to connect to a game CT. A stopped CT's address does not exist, so a connect is never
 * refused, only unanswered; a running one answers on the same bridge within milliseconds. Short, so a stopped
 * game's starting page shows within a second instead of holding the request.
 */
export const GAME_DIAL_TIMEOUT_MS = 700;

function siteAddress(plan: DeploymentPlan, hostname: string): string {
  return plan.site.tls === "cloudflare-tunnel" ? `http://${hostname}` : hostname;
}

function siteCommon(plan: DeploymentPlan): string[] {
  const lines: string[] = [];
  if (plan.site.gateway.bind !== undefined) lines.push(`bind ${plan.site.gateway.bind}`);
  if (plan.site.tls === "internal") lines.push("tls internal");
  // The same limit as the portal's ARCADE_BODY_LIMIT_KB. A declared Content-Length above it gets 413 before any
  // upstream is asked; request_body cuts off a longer chunked body while it streams.
  const bytes = plan.site.bodyLimitKb * 1024;
  lines.push(
    "request_body {",
    `\tmax_size ${plan.site.bodyLimitKb}KiB`,
    "}",
    `@too_large expression \`{http.request.header.Content-Length} != "" && int({http.request.header.Content-Length}) > ${bytes}\``,
    "handle @too_large {",
    `\trespond "Request body larger than ${plan.site.bodyLimitKb} KiB" 413`,
    "}",
  );
  return lines;
}

function proxyOptions(plan: DeploymentPlan, extra: string[]): string[] {
  const trusted = plan.site.gateway.trustedProxies;
  return [...extra, ...(trusted.length > 0 ? [`trusted_proxies ${trusted.join(" ")}`] : [])];
}

function reverseProxy(dial: string, options: string[]): string[] {
  if (options.length === 0) return [`reverse_proxy ${dial}`];
  return [`reverse_proxy ${dial} {`, ...options.map((o) => `\t${o}`), "}"];
}

function indent(lines: string[]): string[] {
  return lines.map((line) => `\t${line}`);
}

function block(address: string, body: string[]): string {
  return [`${address} {`, ...body.map((line) => (line === "" ? "" : `\t${line}`)), "}"].join("\n");
}

function renderPortal(plan: DeploymentPlan): string {
  const dial = plan.site.portal.upstream.dial;
  return block(siteAddress(plan, plan.site.portal.hostname), [
    ...siteCommon(plan),
    `header Strict-Transport-Security "${HSTS}"`,
    "",
    "# Server-sent events: pass every event on at once; Caddy has no read timeout to outlast.",
    `handle ${EVENTS_PATH}* {`,
    ...indent(reverseProxy(dial, proxyOptions(plan, ["flush_interval -1"]))),
    "}",
    "handle {",
    ...indent(reverseProxy(dial, proxyOptions(plan, []))),
    "}",
  ]);
}

function renderGame(plan: DeploymentPlan, route: GameRoute): string {
  // No `encode` here: an archive mislabelled upstream would be compressed and break pygbag's loader.
  // No lb_try_duration: it would hold every request to a stopped game. No passive health checks either, so the
  // first request after the game answers (the starting page reloads itself) goes through.
  // keepalive off: a CT that is stopped hard never closes its connections, and a request sent on a pooled one would
  // wait for an answer that never comes; a fresh connection per request hits the dial timeout instead (a handshake
  // on the same bridge costs well under a millisecond).
  const transport = ["transport http {", `\tdial_timeout ${GAME_DIAL_TIMEOUT_MS}ms`, "\tkeepalive off", "}"];
  return [
    `# ${route.game.name} (CT${route.game.vmid})`,
    block(siteAddress(plan, route.hostname), [
      ...siteCommon(plan),
      ...reverseProxy(route.upstream.dial, proxyOptions(plan, transport)),
      "",
      "# A stopped or booting CT cannot be dialled: show the self-refreshing page at once, keeping the error status.",
      "handle_errors {",
      "\t@starting expression `{err.status_code} in [502, 503, 504]`",
      "\thandle @starting {",
      `\t\troot * ${plan.site.gateway.staticDir}`,
      "\t\trewrite * /starting.html",
      "\t\theader Cache-Control no-store",
      `\t\theader Content-Security-Policy "frame-ancestors ${plan.site.portal.origin}"`,
      "\t\tfile_server",
      "\t}",
      "}",
    ]),
  ].join("\n");
}

function renderGlobal(plan: DeploymentPlan, listen: GatewayListen): string {
  const options: string[] = [];
  if (plan.site.tls === "auto" && plan.site.acmeEmail !== undefined) options.push(`email ${plan.site.acmeEmail}`);
  if (listen.admin !== undefined) options.push(`admin ${listen.admin}`);
  if (listen.httpPort !== undefined) options.push(`http_port ${listen.httpPort}`);
  if (listen.httpsPort !== undefined) options.push(`https_port ${listen.httpsPort}`);
  if (listen.skipInstallTrust) options.push("skip_install_trust");
  return options.length === 0 ? "" : `${block("", options).trimStart()}\n\n`;
}

/** The gateway's Caddyfile (CT1010): portal with SSE passthrough and HSTS, one site per game, unknown hosts refused. */
export function renderCaddyfile(plan: DeploymentPlan, listen: GatewayListen = {}): string {
  const tlsNote = {
    auto: "TLS: automatic HTTPS (ACME); ports 80 and 443 must reach CT1010.",
    internal: "TLS: Caddy's internal CA; clients must trust its root certificate.",
    "cloudflare-tunnel": "TLS: terminated by Cloudflare; cloudflared forwards plain http:// to these sites.",
  }[plan.site.tls];
  const catchAll = block("http://", [...(plan.site.gateway.bind === undefined ? [] : [`bind ${plan.site.gateway.bind}`]), 'respond "Unknown site" 421']);
  // caddy fmt wants the global block right under the header comment, without a blank line.
  const global = renderGlobal(plan, listen);
  return `${hashComment(plan, ["Gateway CT1010: /etc/caddy/Caddyfile.", tlsNote])}
${global === "" ? "\n" : global}${renderPortal(plan)}

${plan.routes.map((route) => renderGame(plan, route)).join("\n\n")}

# Any other Host header: refuse rather than guess.
${catchAll}
`;
}
