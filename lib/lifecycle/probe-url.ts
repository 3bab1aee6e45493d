export type ProbeResult = { ok: true; status: number } | { ok: false; detail: string };

/**
 * Asks the game's web server (its catalogue probeUrl, from the portal's server, never through a CDN) whether it
 * answers. 2xx and 3xx count: a game host may redirect `/` to `/index.html`.
 */
export async function probeUrl(url: string, timeoutMs: number): Promise<ProbeResult> {
  try {
    const response = await fetch(url, {
      method: "GET",
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(timeoutMs),
      headers: { "user-agent": "CartofiaArcade-probe/1", accept: "text/html,*/*" },
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 400) return { ok: true, status: response.status };
    return { ok: false, detail: `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if ((error as Error).name === "TimeoutError") return { ok: false, detail: `no answer within ${timeoutMs} ms` };
    if (cause?.code === "ECONNREFUSED") return { ok: false, detail: "connection refused" };
    return { ok: false, detail: cause?.message ?? (error as Error).message };
  }
}
