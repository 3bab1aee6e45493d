/**
 * One typed error for the core. Code is `<kind>:<subject>`; the kind decides the HTTP status at the edge,
 * the message is a sentence a person can act on, and the original error stays as `cause`.
 */
export type ErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "rate_limited"
  | "unavailable"
  | "config"
  | "internal";

export type ErrorCode = `${ErrorKind}:${string}`;

const statusByKind: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  config: 500,
  internal: 500,
};

export class ArcadeError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  /** For rate_limited: whole seconds until a retry can succeed (the Retry-After header). */
  readonly retryAfterSec: number | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; retryAfterSec?: number }) {
    super(message, options);
    this.name = "ArcadeError";
    this.code = code;
    this.kind = code.slice(0, code.indexOf(":")) as ErrorKind;
    this.retryAfterSec = options?.retryAfterSec;
  }

  get status(): number {
    return statusByKind[this.kind];
  }
}

/**
 * Next.js bundles route handlers and instrumentation separately, so one class can exist twice in a process and
 * `instanceof` fails across bundles. A name check plus the code shape works for both copies.
 */
export function isArcadeError(value: unknown): value is ArcadeError {
  return value instanceof Error && value.name === "ArcadeError" && typeof (value as ArcadeError).code === "string";
}

/** The message of any thrown value, for logs and reasons shown to people. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
