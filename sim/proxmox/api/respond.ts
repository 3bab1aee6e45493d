import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { PveError } from "../errors";
import type { VersionTraits } from "../version";

// Exact string: the proxmox-api client compares Content-Type by equality.
export const JSON_CONTENT_TYPE = "application/json;charset=UTF-8";
const GZIP_THRESHOLD = 1024;

function baseHeaders(status: number): Record<string, string> {
  return {
    Server: "pve-api-daemon/3.0",
    "Cache-Control": "max-age=0",
    Pragma: "no-cache",
    Expires: new Date().toUTCString(),
    // AnyEvent.pm closes the connection after every response with status >= 400.
    Connection: status >= 400 ? "close" : "Keep-Alive",
  };
}

/** The reason phrase is the first line of the message; bytes Node refuses in a status line are replaced. */
export function reasonPhrase(message: string): string {
  const first = /^(.*)$/m.exec(message)?.[1] ?? "";
  return first.replace(/[^\t\x20-\x7e\x80-\xff]/g, "?");
}

/** Sends a JSON body with PVE's headers, gzip-compressed above 1 KiB when the client accepts it. */
export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, reason: string, body: unknown): void {
  let payload: Buffer = Buffer.from(JSON.stringify(body), "utf8");
  const headers = { ...baseHeaders(status), "Content-Type": JSON_CONTENT_TYPE };
  if (payload.length > GZIP_THRESHOLD && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    payload = gzipSync(payload);
    Object.assign(headers, { "Content-Encoding": "gzip" });
  }
  res.writeHead(status, reason, { ...headers, "Content-Length": String(payload.length) });
  res.end(req.method === "HEAD" ? undefined : payload);
}

/** An error the way the JSON formatter renders it: `{"data":null}` + errors (400) + message (http-server >= 5.2.0). */
export function sendError(req: IncomingMessage, res: ServerResponse, error: PveError, traits: VersionTraits): void {
  const message = error.message.endsWith("\n") ? error.message : `${error.message}\n`;
  const body = {
    data: null,
    ...(error.errors ? { errors: error.errors } : {}),
    ...(traits.messageInBody ? { message } : {}),
  };
  sendJson(req, res, error.status, reasonPhrase(error.message), body);
}

/** Status line only, empty body and no Content-Type: auth failures (401) and node-proxy failures (595). */
export function sendEmpty(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, reasonPhrase(reason), { ...baseHeaders(status), "Content-Length": "0" });
  res.end();
}

/** A task log download (download=1): the raw file as application/octet-stream. */
export function sendDownload(req: IncomingMessage, res: ServerResponse, text: string): void {
  const payload = Buffer.from(text, "utf8");
  res.writeHead(200, "OK", { ...baseHeaders(200), "Content-Type": "application/octet-stream", "Content-Length": String(payload.length) });
  res.end(req.method === "HEAD" ? undefined : payload);
}
