import { parse as parseMediaType } from "content-type";
import { ArcadeError } from "../errors";

function tooLarge(limitBytes: number): ArcadeError {
  return new ArcadeError("too_large:body", `The request body is larger than the portal accepts (${Math.round(limitBytes / 1024)} kB).`);
}

/**
 * Refuses a body that announces itself as too large, before a byte of it is read. Bodies without a length
 * (chunked) are counted while they are read instead (readBodyWithinLimit).
 */
export function assertBodyWithinLimit(request: Request, limitBytes: number): void {
  const header = request.headers.get("content-length");
  if (header === null) return;
  const length = Number(header);
  if (!Number.isSafeInteger(length) || length < 0) throw new ArcadeError("bad_request:content_length", "The Content-Length header is not a number of bytes.");
  if (length > limitBytes) throw tooLarge(limitBytes);
}

/** Reads the whole body, stopping (and refusing) as soon as it passes the limit, whatever the headers said. */
export async function readBodyWithinLimit(request: Request, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  assertBodyWithinLimit(request, limitBytes);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** True for `application/json` with any casing and parameters, and only for that (not jsonp, not text/plain). */
export function isJsonMediaType(header: string | null): boolean {
  if (!header) return false;
  const media = parseMediaType(header);
  const charset = media.parameters.charset?.toLowerCase();
  return media.type === "application/json" && (charset === undefined || charset === "utf-8");
}

/** Reads a JSON body within the limit, or fails with a 400/413 sentence. */
export async function readJsonWithinLimit(request: Request, limitBytes: number): Promise<unknown> {
  if (!isJsonMediaType(request.headers.get("content-type"))) {
    throw new ArcadeError("bad_request:content_type", "Send the body as JSON with Content-Type: application/json.");
  }
  const body = await readBodyWithinLimit(request, limitBytes);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    throw new ArcadeError("bad_request:json", "The body is not valid JSON.");
  }
}
