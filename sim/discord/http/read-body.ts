import { type IncomingMessage } from "node:http";
import { type AuthKind } from "../state";

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export type ParsedBody = { contentType: string; body: unknown; invalidJson: boolean };

/** Reads and decodes a request body: JSON, form-encoded, or multipart (discord.js sends files that way). */
export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks);
  const header = req.headers["content-type"] ?? "";
  const contentType = header.split(";")[0]?.trim().toLowerCase() ?? "";
  if (raw.length === 0) return { contentType, body: undefined, invalidJson: false };
  const text = raw.toString("utf8");
  if (contentType === "application/json") {
    try {
      return { contentType, body: JSON.parse(text) as unknown, invalidJson: false };
    } catch {
      return { contentType, body: text, invalidJson: true };
    }
  }
  if (contentType === "application/x-www-form-urlencoded") {
    return { contentType, body: Object.fromEntries(new URLSearchParams(text)), invalidJson: false };
  }
  if (contentType === "multipart/form-data") return readMultipart(raw, header);
  return { contentType, body: text, invalidJson: false };
}

// Multipart bodies carry the JSON in a `payload_json` field next to the files; the sim keeps the JSON only.
async function readMultipart(raw: Buffer, header: string): Promise<ParsedBody> {
  const form = await new Response(new Uint8Array(raw), { headers: { "content-type": header } }).formData();
  const payload = form.get("payload_json");
  if (typeof payload !== "string") return { contentType: "multipart/form-data", body: {}, invalidJson: false };
  try {
    return { contentType: "multipart/form-data", body: JSON.parse(payload) as unknown, invalidJson: false };
  } catch {
    return { contentType: "multipart/form-data", body: payload, invalidJson: true };
  }
}

/** Classifies the Authorization header: `Bot x`, `Bearer x`, `Basic x` or nothing. */
export function readAuth(header: string | undefined): { kind: AuthKind; credential: string } {
  const match = /^(Bot|Bearer|Basic)\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match?.[1] || !match[2]) return { kind: "none", credential: "" };
  return { kind: match[1].toLowerCase() as AuthKind, credential: match[2] };
}
