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
async function send(connection: ControlConnection, method: "GET" | "POST", path: string, body?: unknown) {
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
    return { ok: response.ok, status: response.status, text: await response.text() };
  } finally {
    await dispatcher.close();
  }
}

export async function callControl(connection: ControlConnection, method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
  const reply = await send(connection, method, path, body);
  const payload = JSON.parse(reply.text) as { error?: string };
  if (!reply.ok) throw new Error(`sim answered ${reply.status}: ${payload.error ?? reply.text}`);
  return payload;
}

/** Runs a pveum command line in the sim; resolves with its output, rejects with pveum's error message. */
export async function callPveum(connection: ControlConnection, args: string[]): Promise<string> {
  const reply = await send(connection, "POST", "/pveum", { args });
  if (!reply.ok) throw new Error(reply.text.trimEnd());
  return reply.text;
}
