import { readFile } from "node:fs/promises";
import { Agent, fetch } from "undici";

export type ControlConnection = { url: string; caFile?: string };

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || /^127\./.test(hostname);
}

/**
 * Calls a /__sim/ control endpoint. With --ca the sim's certificate is verified; without it verification is
 * skipped, which is allowed only for a loopback sim (this call, never the API clients).
 */
export async function callControl(connection: ControlConnection, method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
  const base = new URL(connection.url);
  if (base.protocol === "https:" && !connection.caFile && !isLoopback(base.hostname)) {
    throw new Error(`refusing to skip TLS verification for non-loopback ${base.host}: pass --ca <file>`);
  }
  const ca = connection.caFile ? await readFile(connection.caFile, "utf8") : undefined;
  const dispatcher = new Agent({ connect: ca ? { ca } : { rejectUnauthorized: false } });
  try {
    const response = await fetch(new URL(`/__sim${path}`, base), {
      method,
      dispatcher,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await response.json()) as { error?: string };
    if (!response.ok) throw new Error(`sim answered ${response.status}: ${payload.error ?? JSON.stringify(payload)}`);
    return payload;
  } finally {
    await dispatcher.close();
  }
}
