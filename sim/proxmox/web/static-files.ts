import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".ogg": "audio/ogg",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
  ".woff2": "font/woff2",
};

/** Content type by extension; pygbag archives (.apk, .tar.gz) stay opaque octet-streams so nothing compresses them. */
export function contentTypeOf(file: string): string {
  const lower = file.toLowerCase();
  if (lower.endsWith(".tar.gz") || lower.endsWith(".apk")) return "application/octet-stream";
  return TYPES[path.extname(lower)] ?? "application/octet-stream";
}

/** Headers every game-host response carries (like the CT's nginx with `add_header Cache-Control no-cache`). */
export function baseWebHeaders(): Record<string, string> {
  return { Server: "nginx", "Cache-Control": "no-cache" };
}

/** A status line and headers only, like nginx's `return 204`. */
export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, baseWebHeaders());
  res.end();
}

/** A small HTML answer such as nginx's error pages. */
export function sendHtml(req: IncomingMessage, res: ServerResponse, status: number, html: string, extra: Record<string, string> = {}): void {
  const body = Buffer.from(html, "utf8");
  res.writeHead(status, { ...baseWebHeaders(), "Content-Type": "text/html; charset=utf-8", "Content-Length": String(body.length), ...extra });
  res.end(req.method === "HEAD" ? undefined : body);
}

function errorPage(status: number, title: string): string {
  return `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** An nginx-style error page with that status. */
export function sendErrorPage(req: IncomingMessage, res: ServerResponse, status: number, title: string): void {
  sendHtml(req, res, status, errorPage(status, title));
}

/** The first of `roots` that holds `relative` (a file or a folder), with what it is. */
async function findInRoots(roots: string[], relative: string) {
  for (const root of roots) {
    const file = path.join(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) return { file, forbidden: true as const, info: undefined };
    const info = await stat(file).catch(() => undefined);
    if (info) return { file, forbidden: false as const, info };
  }
  return { file: "", forbidden: false as const, info: undefined };
}

/** Serves `roots` (searched in order) as static files: index.html for directories, ETag revalidation, HEAD, no compression. */
export async function serveStatic(roots: string[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://game.invalid");
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return sendErrorPage(req, res, 400, "Bad Request");
  }
  const { file, forbidden, info } = await findInRoots(roots, path.normalize(relative.endsWith("/") ? `${relative}index.html` : relative));
  if (forbidden) return sendErrorPage(req, res, 403, "Forbidden");
  if (info?.isDirectory()) return sendHtml(req, res, 301, errorPage(301, "Moved Permanently"), { Location: `${url.pathname}/` });
  if (!info?.isFile()) return sendErrorPage(req, res, 404, "Not Found");
  const etag = `"${Math.floor(info.mtimeMs / 1000).toString(16)}-${info.size.toString(16)}"`;
  const headers = { ...baseWebHeaders(), "Last-Modified": info.mtime.toUTCString(), ETag: etag, "Accept-Ranges": "bytes" };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, "Content-Type": contentTypeOf(file), "Content-Length": String(info.size) });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(file).on("error", () => res.destroy()).pipe(res);
}
