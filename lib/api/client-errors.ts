import { ArcadeError, type ErrorCode } from "../errors";

/**
 * What a client of the portal's API gets when a call fails: the portal's own code and sentence, or
 * `unavailable:portal` when the portal did not answer at all. `httpStatus` is null when nothing came back.
 */
export class ArcadeApiError extends ArcadeError {
  readonly httpStatus: number | null;

  constructor(code: ErrorCode, message: string, options: { httpStatus: number | null; cause?: unknown }) {
    super(code, message, { cause: options.cause });
    this.name = "ArcadeApiError";
    this.httpStatus = options.httpStatus;
  }

  /** True when the portal could not be reached (refused, timed out, DNS), as opposed to answering with an error. */
  get portalUnreachable(): boolean {
    return this.code === "unavailable:portal";
  }
}

export function isArcadeApiError(value: unknown): value is ArcadeApiError {
  return value instanceof ArcadeApiError;
}

const kindByStatus: Record<number, string> = { 400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 409: "conflict", 413: "too_large", 429: "rate_limited" };

/** Builds the error for a non-2xx answer; the portal's `{ error: { code, message } }` is kept as is when present. */
export function errorFromResponse(status: number, body: unknown): ArcadeApiError {
  const parsed = body as { error?: { code?: unknown; message?: unknown } } | null;
  const code = typeof parsed?.error?.code === "string" && parsed.error.code.includes(":") ? parsed.error.code : null;
  const message = typeof parsed?.error?.message === "string" ? parsed.error.message : null;
  const fallbackKind = kindByStatus[status] ?? (status >= 500 ? "unavailable" : "bad_request");
  return new ArcadeApiError((code ?? `${fallbackKind}:http_${status}`) as ErrorCode, message ?? `The portal answered HTTP ${status}.`, { httpStatus: status });
}

/** Builds the error for a request that never got an answer. */
export function unreachableError(baseUrl: string, cause: unknown): ArcadeApiError {
  const detail = describeNetworkFailure(cause);
  return new ArcadeApiError("unavailable:portal", `The arcade portal at ${baseUrl} is not answering (${detail}).`, { httpStatus: null, cause });
}

function describeNetworkFailure(cause: unknown): string {
  if (cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError")) return "no answer in time";
  const inner = cause instanceof Error ? (cause.cause as { code?: unknown } | undefined) : undefined;
  if (inner && typeof inner.code === "string") return inner.code === "ECONNREFUSED" ? "connection refused" : inner.code;
  return cause instanceof Error ? cause.message : String(cause);
}
