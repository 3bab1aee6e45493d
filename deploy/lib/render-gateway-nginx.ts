import { hashComment } from "./generated-header";
import type { DeploymentPlan, GameRoute } from "./plan-deployment";
import { EVENTS_PATH, GAME_DIAL_TIMEOUT_MS, HSTS, type GatewayListen } from "./render-caddyfile";

type Ports = { http: number; https: number };

/** nginx 1.25.1 replaced `listen … http2` by `http2 on;` and warns about the old form; older versions know only it. */
export function hasHttp2Directive(version: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  return major > 1 || (major === 1 && (minor > 25 || (minor === 25 && patch >= 1)));
}

/** Where certbot's HTTP-01 challenge files live on CT1010 (`certbot --webroot -w` this folder). */
export function acmeWebroot(plan: DeploymentPlan): string {
  return `${plan.site.gateway.staticDir}/acme`;
}

// Without a bind address, nginx listens on IPv4 and IPv6 alike (Debian's nginx has no ipv6only=off default).
function listenLines(plan: DeploymentPlan, port: number, flags: string): string[] {
  const bind = plan.site.gateway.bind;
  if (bind !== undefined) return [`listen ${bind.includes(":") ? `[${bind}]` : bind}:${port}${flags};`];
  return [`listen ${port}${flags};`, `listen [::]:${port}${flags};`];
}

function tlsLines(plan: DeploymentPlan, hostname: string, ports: Ports): string[] {
  if (plan.site.tls === "cloudflare-tunnel") return listenLines(plan, ports.http, "");
  const http2 = hasHttp2Directive(plan.site.nginx.version);
  return [
    ...listenLines(plan, ports.https, http2 ? " ssl" : " ssl http2"),
    ...(http2 ? ["http2 on;"] : []),
    `ssl_certificate ${plan.site.nginx.certificate.replaceAll("{host}", hostname)};`,
    `ssl_certificate_key ${plan.site.nginx.certificateKey.replaceAll("{host}", hostname)};`,
  ];
}

const proxyHeaders = [
  "proxy_http_version 1.1;",
  "proxy_set_header Host $host;",
  "proxy_set_header Upgrade $http_upgrade;",
  "proxy_set_header Connection $arcade_connection_upgrade;",
  "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
  "proxy_set_header X-Forwarded-Proto $arcade_forwarded_proto;",
  "proxy_set_header X-Forwarded-Host $host;",
  "proxy_set_header X-Real-IP $remote_addr;",
];

function server(lines: string[]): string {
  return ["server {", ...lines.map((line) => (line === "" ? "" : `    ${line}`)), "}"].join("\n");
}

function renderPortal(plan: DeploymentPlan, ports: Ports): string {
  const origin = plan.site.portal.upstream.origin;
  return server([
    ...tlsLines(plan, plan.site.portal.hostname, ports),
    `server_name ${plan.site.portal.hostname};`,
    `add_header Strict-Transport-Security "${HSTS}" always;`,
    "# The same limit as the portal's ARCADE_BODY_LIMIT_KB: larger bodies get 413 here.",
    `client_max_body_size ${plan.site.bodyLimitKb}k;`,
    ...proxyHeaders,
    "",
    "location / {",
    `    proxy_pass ${origin};`,
    "}",
    "",
    "# Server-sent events: no buffering, no compression, and a read timeout far above the heartbeat interval.",
    `location ${EVENTS_PATH} {`,
    `    proxy_pass ${origin};`,
    "    proxy_buffering off;",
    "    proxy_cache off;",
    "    gzip off;",
    "    proxy_read_timeout 1h;",
    "    proxy_send_timeout 1h;",
    "}",
  ]);
}

function renderGame(plan: DeploymentPlan, route: GameRoute, ports: Ports): string {
  return `# ${route.game.name} (CT${route.game.vmid})\n${server([
    ...tlsLines(plan, route.hostname, ports),
    `server_name ${route.hostname};`,
    `client_max_body_size ${plan.site.bodyLimitKb}k;`,
    "# The game CT decides encoding; archives must reach the browser byte for byte.",
    "gzip off;",
    ...proxyHeaders,
    "# A stopped CT's address never answers (nginx would wait 60 s): show the starting page within a second;",
    "# it reloads itself, and the first request after the game answers goes through.",
    `proxy_connect_timeout ${GAME_DIAL_TIMEOUT_MS}ms;`,
    "",
    "location / {",
    `    proxy_pass ${route.upstream.origin};`,
    "    error_page 502 504 =503 @arcade_starting;",
    "}",
    "",
    "location @arcade_starting {",
    `    root ${plan.site.gateway.staticDir};`,
    "    default_type text/html;",
    "    try_files /starting.html =503;",
    '    add_header Cache-Control "no-store" always;',
    `    add_header Content-Security-Policy "frame-ancestors ${plan.site.portal.origin}" always;`,
    '    add_header Retry-After "5" always;',
    "}",
  ])}`;
}

function renderRedirects(plan: DeploymentPlan, ports: Ports): string {
  const names = [plan.site.portal.hostname, ...plan.routes.map((r) => r.hostname)];
  return server([
    ...listenLines(plan, ports.http, ""),
    `server_name ${names.join(" ")};`,
    "# certbot --webroot renews through here while nginx keeps serving: the challenge is exempt from the redirect.",
    "location /.well-known/acme-challenge/ {",
    `    root ${acmeWebroot(plan)};`,
    "}",
    "location / {",
    `    return 308 https://$host${ports.https === 443 ? "" : `:${ports.https}`}$request_uri;`,
    "}",
  ]);
}

function renderRefusal(plan: DeploymentPlan, ports: Ports): string {
  const tls = plan.site.tls === "cloudflare-tunnel" ? [] : [...listenLines(plan, ports.https, " ssl default_server"), "ssl_reject_handshake on;"];
  return server([...listenLines(plan, ports.http, " default_server"), ...tls, "return 421;"]);
}

/**
 * The first config on a fresh gateway with `tls: auto`: plain HTTP that answers only the ACME challenge, so
 * `certbot certonly --webroot` can get the first certificates before arcade.conf (which needs them) goes in.
 */
export function renderAcmeBootstrapNginx(plan: DeploymentPlan): string {
  const names = [plan.site.portal.hostname, ...plan.routes.map((r) => r.hostname)];
  return `${hashComment(plan, ["Gateway CT1010, first install only: /etc/nginx/conf.d/arcade.conf until certbot has the certificates."])}

${server([
    ...listenLines(plan, 80, " default_server"),
    `server_name ${names.join(" ")};`,
    "location /.well-known/acme-challenge/ {",
    `    root ${acmeWebroot(plan)};`,
    "}",
    "location / {",
    "    return 503;",
    "}",
  ])}
`;
}

function renderMaps(plan: DeploymentPlan): string {
  const trusted = plan.site.gateway.trustedProxies.map((cidr) => `    ${cidr} 1;`);
  // Only a trusted proxy (cloudflared) may say the client used https; anyone else gets the scheme we saw.
  return `map $http_upgrade $arcade_connection_upgrade {
    default upgrade;
    "" "";
}

geo $arcade_trusted_proxy {
    default 0;
${trusted.join("\n")}${trusted.length > 0 ? "\n" : ""}}

map "$arcade_trusted_proxy:$http_x_forwarded_proto" $arcade_forwarded_proto {
    default $scheme;
    "1:https" https;
    "1:http" http;
}`;
}

/** The gateway's nginx site file (CT1010, /etc/nginx/conf.d/arcade.conf): same routes as the Caddyfile. */
export function renderGatewayNginx(plan: DeploymentPlan, listen: GatewayListen = {}): string {
  const ports = { http: listen.httpPort ?? 80, https: listen.httpsPort ?? 443 };
  const tunnel = plan.site.tls === "cloudflare-tunnel";
  const parts = [
    hashComment(plan, [
      "Gateway CT1010: /etc/nginx/conf.d/arcade.conf (http context of Debian's stock nginx.conf; remove sites-enabled/default).",
      tunnel ? "TLS: terminated by Cloudflare; cloudflared forwards plain HTTP here." : `TLS: certificates from ${plan.site.nginx.certificate}.`,
    ]),
    renderMaps(plan),
    `# Any other Host header: refuse rather than guess.\n${renderRefusal(plan, ports)}`,
    ...(tunnel ? [] : [renderRedirects(plan, ports)]),
    renderPortal(plan, ports),
    ...plan.routes.map((route) => renderGame(plan, route, ports)),
  ];
  return `${parts.join("\n\n")}\n`;
}
