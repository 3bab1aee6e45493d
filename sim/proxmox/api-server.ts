import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { API_PREFIX, handleApiRequest } from "./api/handle-api-request";
import { sendEmpty } from "./api/respond";
import type { ApiContext } from "./api/route-types";
import { ROUTES } from "./api/routes";
import { CONTROL_PREFIX, handleControlRequest, type ControlTarget } from "./control";
import type { SimCertificates } from "./tls";
import type { ClosableServer } from "./toggled-listener";
import type { SimStats } from "./types";

export type ApiServerParts = {
  context: ApiContext;
  control: () => ControlTarget;
  certificates?: SimCertificates;
};

/** Request counters for benchmarks: API requests only, keyed by method and path (query dropped). */
export class RequestStats {
  private requests = 0;
  private byPath: Record<string, number> = {};

  count(method: string, pathname: string): void {
    const key = `${method} ${pathname}`;
    this.requests++;
    this.byPath[key] = (this.byPath[key] ?? 0) + 1;
  }

  snapshot(): SimStats {
    return { requests: this.requests, byPath: { ...this.byPath } };
  }

  reset(): void {
    this.requests = 0;
    this.byPath = {};
  }
}

/** The pveproxy stand-in: /api2/json for clients, /__sim/ for the control plane, on HTTPS unless certificates are absent. */
export function createApiServer(parts: ApiServerParts, stats: RequestStats): ClosableServer {
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? "/", "https://pve.invalid");
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      void handleControlRequest(parts.control(), req, res, url);
      return;
    }
    if (url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)) {
      stats.count(req.method ?? "GET", url.pathname);
      void handleApiRequest(parts.context, ROUTES, req, res, url);
      return;
    }
    // The web UI and the other formatters (/api2/extjs, /api2/html) are not simulated.
    sendEmpty(res, 501, "Not Implemented");
  };
  const server = parts.certificates
    ? createHttpsServer({ key: parts.certificates.keyPem, cert: parts.certificates.certPem }, onRequest)
    : createHttpServer(onRequest);
  // pveproxy's idle timeout; also keeps test processes from lingering on kept-alive sockets.
  server.keepAliveTimeout = 5000;
  return server;
}
