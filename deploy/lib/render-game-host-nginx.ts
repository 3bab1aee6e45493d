import { hashComment } from "./generated-header";
import type { DeploymentPlan, GameHost, GameRoute } from "./plan-deployment";

/**
 * Where the generated nginx.conf puts its process files and sockets. Production uses the Debian defaults; tests
 * move every path into a temporary folder and listen on loopback, and render through the same function.
 */
export type GameHostRuntime = {
  /** Overrides every server's `listen`, e.g. { address: "127.0.0.1", port: 41234 }. */
  listen?: { address?: string; port?: number };
  /** Worker user; null leaves the directive out (workers then run as the invoking user or nobody). */
  user?: string | null;
  pidFile?: string;
  errorLog?: string;
  accessLog?: string;
  /** Folder for client_body/proxy/fastcgi/uwsgi/scgi temp files; omitted means the compiled-in paths. */
  tempDir?: string;
  mimeTypes?: string;
};

const production: Required<Omit<GameHostRuntime, "listen" | "tempDir">> = {
  user: "www-data",
  pidFile: "/run/nginx.pid",
  errorLog: "/var/log/nginx/error.log",
  accessLog: "/var/log/nginx/access.log",
  mimeTypes: "/etc/nginx/mime.types",
};

function renderListen(route: GameRoute, isDefault: boolean, runtime: GameHostRuntime): string {
  const port = runtime.listen?.port ?? route.upstream.port;
  const address = runtime.listen?.address === undefined ? "" : `${runtime.listen.address}:`;
  return `listen ${address}${port}${isDefault ? " default_server" : ""};`;
}

function renderServer(route: GameRoute, isDefault: boolean, plan: DeploymentPlan, runtime: GameHostRuntime): string {
  // add_header is not inherited into a location that has its own add_header, so each location repeats the frame policy.
  const framing = `add_header Content-Security-Policy "frame-ancestors ${plan.site.portal.origin}" always;`;
  const nosniff = "add_header X-Content-Type-Options nosniff always;";
  return `    # ${route.game.name} (${route.game.id}): ${route.game.url}
    server {
        ${renderListen(route, isDefault, runtime)}
        server_name ${route.hostname};
        root ${route.webRoot};
        index index.html;
        charset utf-8;
        ${framing}
        ${nosniff}

        location = /healthz {
            access_log off;
            return 204;
        }

        # index.html and the archives keep stable names across rebuilds: revalidate every time.
        location ~* \\.html?$ {
            add_header Cache-Control "no-cache" always;
            ${framing}
            ${nosniff}
        }

        # pygbag 0.9.2 sizes its download buffer from Content-Length and 0.9.3 opens the .tar.gz as gzip itself,
        # so archives go out byte for byte: one type regardless of mime.types, never compressed.
        location ~* \\.(apk|tar\\.gz)$ {
            types { }
            default_type application/octet-stream;
            gzip off;
            gzip_static off;
            add_header Cache-Control "no-cache" always;
            ${framing}
            ${nosniff}
        }

        location / {
            try_files $uri $uri/ =404;
        }
    }`;
}

function renderServers(host: GameHost, plan: DeploymentPlan, runtime: GameHostRuntime): string {
  const seenPorts = new Set<number>();
  return host.routes
    .map((route) => {
      const port = runtime.listen?.port ?? route.upstream.port;
      // The first game on each port also answers requests by bare IP, such as the portal's readiness probe.
      const isDefault = !seenPorts.has(port);
      seenPorts.add(port);
      return renderServer(route, isDefault, plan, runtime);
    })
    .join("\n\n");
}

/** A complete /etc/nginx/nginx.conf for one game CT: one server per game, static pygbag builds. */
export function renderGameHostNginx(host: GameHost, plan: DeploymentPlan, runtime: GameHostRuntime = {}): string {
  const r = { ...production, ...runtime };
  const temp = runtime.tempDir
    ? ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `    ${kind}_temp_path ${runtime.tempDir}/${kind};`).join("\n") + "\n"
    : "";
  const games = host.routes.map((route) => `${route.game.id} -> ${route.webRoot}`).join(", ");
  return `${hashComment(plan, [`Game host CT${host.vmid}: ${games}.`, "Install on the CT as /etc/nginx/nginx.conf (deploy/game-host/install.sh does it)."])}

${r.user === null ? "" : `user ${r.user};\n`}worker_processes auto;
pid ${r.pidFile};
error_log ${r.errorLog};

events {
    worker_connections 512;
}

http {
    include ${r.mimeTypes};
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    server_tokens off;
    access_log ${r.accessLog};
${temp}
    # Text compresses; archives are application/octet-stream, which is not in this list, and never will be.
    gzip on;
    gzip_vary on;
    gzip_types text/css application/javascript application/json image/svg+xml;

${renderServers(host, plan, runtime)}
}
`;
}
