import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What an upstream saw: enough to check what the gateway forwarded. */
export type SeenRequest = { url: string; headers: IncomingHttpHeaders };

export type FakeUpstream = { port: number; seen: SeenRequest[]; close: () => Promise<void> };

async function listen(server: Server, seen: SeenRequest[]): Promise<FakeUpstream> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The portal stand-in: `/api/v1/events` streams one event every 100 ms, everything else answers "portal". */
export function startFakePortal(): Promise<FakeUpstream> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? "", headers: req.headers });
    if (req.url?.startsWith("/api/v1/events")) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      let n = 0;
      const timer = setInterval(() => res.write(`data: ${++n}\n\n`), 100);
      res.on("close", () => clearInterval(timer));
      return;
    }
    // Like the portal, read the whole body before answering.
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "text/plain" }).end("portal"));
  });
  return listen(server, seen);
}

/** A game host stand-in that answers "game". */
export function startFakeGame(): Promise<FakeUpstream> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? "", headers: req.headers });
    res.writeHead(200, { "content-type": "text/html" }).end("game");
  });
  return listen(server, seen);
}
