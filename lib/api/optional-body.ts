import { readJsonWithinLimit } from "./request-body";

/**
 * A JSON body for an endpoint where the body is optional (POST /shutdown): none at all reads as undefined, so
 * `curl -X POST` keeps working; anything sent is read and checked like every other body.
 */
export async function readOptionalJson(request: Request, limitBytes: number): Promise<unknown> {
  const length = request.headers.get("content-length");
  const chunked = request.headers.has("transfer-encoding");
  if (!chunked && (length === null || length === "0") && !request.headers.has("content-type")) return undefined;
  return readJsonWithinLimit(request, limitBytes);
}
