export type ApiResult<T> = { ok: true; body: T } | { ok: false; status: number; message: string };

/** Calls the portal's own API with the session cookie and turns any failure into the server's sentence. */
export async function callApi<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<ApiResult<T>> {
  try {
    const response = await fetch(path, {
      method: init.method ?? "GET",
      cache: "no-store",
      headers: init.json === undefined ? undefined : { "content-type": "application/json" },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const body = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
    if (response.ok && body !== null) return { ok: true, body };
    return { ok: false, status: response.status, message: body?.error?.message ?? `The arcade answered ${response.status}.` };
  } catch {
    return { ok: false, status: 0, message: "The arcade could not be reached." };
  }
}
