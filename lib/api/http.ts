import { ZodError } from "zod";
import { ArcadeError, isArcadeError } from "../errors";
import { isProxmoxError } from "../proxmox";

const noStore = { "cache-control": "no-store" };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...noStore, ...headers } });
}

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Turns anything thrown in the core into a status and a sentence; never a stack trace. */
export function errorResponse(error: unknown): Response {
  if (isArcadeError(error)) {
    const headers: Record<string, string> = error.status === 401 ? { "www-authenticate": 'Bearer realm="cartofia-arcade"' } : {};
    if (error.retryAfterSec !== undefined) headers["retry-after"] = String(error.retryAfterSec);
    return json(errorBody(error.code, error.message), error.status, headers);
  }
  if (error instanceof ZodError || (error instanceof Error && error.name === "ZodError")) {
    const first = (error as ZodError).issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
    return json(errorBody("bad_request:input", `${where}${first?.message ?? "The request is not valid."}`), 400);
  }
  if (isProxmoxError(error)) {
    return json(errorBody("unavailable:proxmox", error.message), error.isUnreachable ? 503 : 502);
  }
  if (error instanceof Error && (error.name === "ConfigError" || error.name === "CatalogueError")) {
    console.error(error.message);
    return json(errorBody("config:server", "The server is not configured correctly; its log says what to fix."), 500);
  }
  console.error("unhandled error in a request", error);
  return json(errorBody("internal:server", "Something went wrong on the server; the details are in its log."), 500);
}

/** Runs a route handler body, mapping thrown errors to responses. */
export async function handle(work: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    return errorResponse(error);
  }
}

/** Reads a JSON body, or fails with a 400 sentence. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    throw new ArcadeError("bad_request:content_type", "Send the body as JSON with Content-Type: application/json.");
  }
  try {
    return await request.json();
  } catch {
    throw new ArcadeError("bad_request:json", "The body is not valid JSON.");
  }
}
