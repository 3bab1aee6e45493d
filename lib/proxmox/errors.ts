/**
 * Why a Proxmox call failed, in words an admin can act on. `kind` lets callers tell an unreachable cluster
 * (`network`, `timeout`, `offline`) from a refusal (`auth`, `permission`) or an error of the request itself (`http`).
 */
export type ProxmoxErrorKind = "network" | "timeout" | "tls" | "offline" | "auth" | "permission" | "http" | "protocol";

export class ProxmoxError extends Error {
  readonly kind: ProxmoxErrorKind;
  readonly status: number | undefined;
  /** The reason phrase Proxmox put in the status line (first line of its message). */
  readonly reason: string | undefined;
  /** Parameter errors of a 400 (`errors` in the body). */
  readonly fieldErrors: Record<string, string> | undefined;
  readonly method: string;
  readonly path: string;

  constructor(input: {
    kind: ProxmoxErrorKind;
    message: string;
    method: string;
    path: string;
    status?: number;
    reason?: string;
    fieldErrors?: Record<string, string>;
    cause?: unknown;
  }) {
    super(input.message, { cause: input.cause });
    this.name = "ProxmoxError";
    this.kind = input.kind;
    this.status = input.status;
    this.reason = input.reason;
    this.fieldErrors = input.fieldErrors;
    this.method = input.method;
    this.path = input.path;
  }

  /** True when the cluster (or the node) could not be reached at all, as opposed to refusing the request. */
  get isUnreachable(): boolean {
    return this.kind === "network" || this.kind === "timeout" || this.kind === "tls" || this.kind === "offline";
  }
}

/** A name check rather than instanceof: Next.js may load this module once per bundle (see isArcadeError). */
export function isProxmoxError(value: unknown): value is ProxmoxError {
  return value instanceof Error && value.name === "ProxmoxError" && typeof (value as ProxmoxError).kind === "string";
}

/** Builds the error for a non-2xx answer, turning Proxmox's status line and body into a sentence. */
export function errorFromResponse(input: {
  method: string;
  path: string;
  status: number;
  statusText: string;
  body: unknown;
}): ProxmoxError {
  const { method, path, status } = input;
  const body = (typeof input.body === "object" && input.body !== null ? input.body : {}) as {
    message?: unknown;
    errors?: unknown;
  };
  const bodyMessage = typeof body.message === "string" ? body.message.trim() : "";
  const reason = bodyMessage.split("\n")[0] || input.statusText || `HTTP ${status}`;
  const fieldErrors =
    typeof body.errors === "object" && body.errors !== null ? (body.errors as Record<string, string>) : undefined;
  const common = { method, path, status, reason, fieldErrors };

  if (status === 401) {
    return new ProxmoxError({
      ...common,
      kind: "auth",
      message: `Proxmox refused the API token (401 ${reason}): check PROXMOX_TOKEN_ID and PROXMOX_TOKEN_SECRET.`,
    });
  }
  if (status === 403) {
    return new ProxmoxError({
      ...common,
      kind: "permission",
      message: `Proxmox denied the API token: ${reason}. Give the token VM.Audit and VM.PowerMgmt on the game CTs (deploy/proxmox/setup-token.sh).`,
    });
  }
  if (status >= 595 && status <= 599) {
    const node = /^\/api2\/json\/nodes\/([^/]+)/.exec(path)?.[1];
    return new ProxmoxError({
      ...common,
      kind: "offline",
      message: `Proxmox could not reach node ${node ?? "?"} (${status} ${reason}).`,
    });
  }
  const details = fieldErrors
    ? ` (${Object.entries(fieldErrors)
        .map(([k, v]) => `${k}: ${String(v).trim()}`)
        .join("; ")})`
    : "";
  return new ProxmoxError({ ...common, kind: "http", message: `Proxmox answered ${status} ${reason}${details}.` });
}
