import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export type ProbeResult = { ok: true; status: number } | { ok: false; detail: string };

/**
 * Asks the game's web server (its catalogue probeUrl, from the portal's server, never through a CDN) whether it
 * answers. 2xx and 3xx count: a game host may redirect `/` to `/index.html`. When the probe goes to an internal
 * address over plain HTTP, it sends the public hostname as Host, as the gateway does, so a game host that serves
 * several games by server_name answers for this game and not for its default one.
 */
export function probeUrl(url: string, timeoutMs: number, publicHost?: string): Promise<ProbeResult> {
  const target = new URL(url);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  const hostHeader = target.protocol === "http:" && publicHost && publicHost !== target.host ? publicHost : target.host;
  return new Promise((resolve) => {
    const req = send(
      target,
      { method: "GET", timeout: timeoutMs, headers: { host: hostHeader, "user-agent": "CartofiaArcade-probe/1", accept: "text/html,*/*", "cache-control": "no-cache" } },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        resolve(status >= 200 && status < 400 ? { ok: true, status } : { ok: false, detail: `HTTP ${status}` });
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: "ETIMEDOUT" })));
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNREFUSED") resolve({ ok: false, detail: "connection refused" });
      else resolve({ ok: false, detail: error.message });
    });
    req.end();
  });
}
