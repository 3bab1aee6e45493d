import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { type AddressInfo } from "node:net";
import path from "node:path";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
};

export type StaticServer = {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:40123/`. */
  url: string;
  close: () => Promise<void>;
};

export type StaticServerOptions = {
  /** Folder(s) served as the web root, searched in order, like a game CT's nginx; `/` maps to `index.html`. */
  root?: string | string[];
  /** Fixed HTML pages by exact path, checked before `root`. */
  pages?: Record<string, string>;
};

function resolveInside(root: string, urlPath: string): string | undefined {
  const relative = decodeURIComponent(urlPath).replace(/\/$/, "/index.html");
  const file = path.resolve(root, `.${relative}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}

/** Starts a loopback static file server on an ephemeral port (a stand-in for a game CT or the portal). */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const roots = [options.root ?? []].flat().map((root) => path.resolve(root));
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://127.0.0.1");
    const page = options.pages?.[pathname];
    if (page !== undefined) {
      response.writeHead(200, { "content-type": contentTypes[".html"], "cache-control": "no-store" });
      response.end(page);
      return;
    }
    try {
      let found: { file: string; body: Buffer } | undefined;
      for (const root of roots) {
        const file = resolveInside(root, pathname);
        const body = file ? await readFile(file).catch(() => undefined) : undefined;
        if (file && body) {
          found = { file, body };
          break;
        }
      }
      if (!found) throw new Error("not in any web root");
      const { file, body } = found;
      response.writeHead(200, {
        "content-type": contentTypes[path.extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      response.end(request.method === "HEAD" ? undefined : body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
