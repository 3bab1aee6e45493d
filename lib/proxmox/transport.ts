import type { ApiRequestable } from "proxmox-api";
import { type Agent, fetch } from "undici";
import { errorFromResponse, ProxmoxError } from "./errors";
import type { TlsRefusal } from "./tls-agent";

export type TransportOptions = {
  baseUrl: string;
  tokenId: string;
  tokenSecret: string;
  agent: Agent;
  timeoutMs: number;
};

type Params = Record<string, unknown> | undefined;

function encodeParams(params: Params): URLSearchParams {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null) continue;
    // Proxmox's form decoder accepts only 1/0 for booleans ("type check ('boolean') failed - got 'true'").
    const text = typeof value === "boolean" ? (value ? "1" : "0") : String(value);
    form.append(key, text);
  }
  return form;
}

const VERIFY_WORDS: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "it is not signed by a CA this portal trusts",
  DEPTH_ZERO_SELF_SIGNED_CERT: "it is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "its chain ends in a CA this portal does not trust",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "it is not signed by a CA this portal trusts",
  CERT_HAS_EXPIRED: "it has expired",
  CERT_NOT_YET_VALID: "it is not valid yet",
  ERR_TLS_CERT_ALTNAME_INVALID: "it is not issued for this host name",
};

function tlsRefusalError(method: string, path: string, baseUrl: string, error: unknown, refusal: TlsRefusal): ProxmoxError {
  const message =
    refusal.code === "PROXMOX_TLS_PIN_MISMATCH"
      ? `Proxmox at ${baseUrl} presented a node certificate with SHA-256 fingerprint ${refusal.presented}, which is not the pinned PROXMOX_FINGERPRINT: if Proxmox renewed its certificate, check the new one under Node > System > Certificates and update PROXMOX_FINGERPRINT, or trust the cluster CA with PROXMOX_CA_FILE instead.`
      : `Proxmox's TLS certificate at ${baseUrl} is not trusted (${VERIFY_WORDS[refusal.verifyError ?? ""] ?? refusal.verifyError}; SHA-256 ${refusal.presented}): set PROXMOX_CA_FILE to a copy of /etc/pve/pve-root-ca.pem from the node, or pin that certificate with PROXMOX_FINGERPRINT.`;
  return new ProxmoxError({ kind: "tls", method, path, cause: error, message });
}

function networkError(method: string, path: string, baseUrl: string, timeoutMs: number, error: unknown): ProxmoxError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  // A name check, not instanceof: Next.js may load this module once per bundle (see isProxmoxError).
  if ((cause as Error | undefined)?.name === "TlsRefusal") return tlsRefusalError(method, path, baseUrl, error, cause as TlsRefusal);
  const code = cause?.code ?? (error as { code?: string }).code;
  const detail = cause?.message ?? (error as Error).message;
  if ((error as Error).name === "TimeoutError" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_CONNECT_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
    return new ProxmoxError({ kind: "timeout", method, path, cause: error, message: `Proxmox at ${baseUrl} did not answer within ${(timeoutMs / 1000).toFixed(timeoutMs % 1000 === 0 ? 0 : 1)} s (${method} ${path}).` });
  }
  if (/certificate|self[- ]signed|CERT_|ERR_TLS|unable to verify|SSL/i.test(`${code} ${detail}`)) {
    return new ProxmoxError({
      kind: "tls",
      method,
      path,
      cause: error,
      message: `Proxmox's TLS handshake at ${baseUrl} failed (${detail}): check that PROXMOX_URL points at pveproxy (port 8006).`,
    });
  }
  return new ProxmoxError({ kind: "network", method, path, cause: error, message: `Proxmox at ${baseUrl} is not reachable (${detail}).` });
}

/**
 * Our transport under proxmox-api's typed paths: API token auth, per-client TLS agent, a timeout on every call,
 * and no automatic retry (a retried POST start would answer "CT already running").
 */
export function createTransport(options: TransportOptions): ApiRequestable {
  const authorization = `PVEAPIToken=${options.tokenId}=${options.tokenSecret}`;
  return {
    async doRequest(httpMethod: string, path: string, _template: string, params?: Params): Promise<unknown> {
      const method = httpMethod.toUpperCase();
      const form = encodeParams(params);
      const hasBody = method === "POST" || method === "PUT";
      const query = !hasBody && [...form.keys()].length > 0 ? `?${form}` : "";
      let response;
      try {
        response = await fetch(`${options.baseUrl}${path}${query}`, {
          method,
          dispatcher: options.agent,
          signal: AbortSignal.timeout(options.timeoutMs),
          headers: {
            authorization,
            accept: "application/json",
            ...(hasBody ? { "content-type": "application/x-www-form-urlencoded" } : {}),
          },
          body: hasBody ? form.toString() : undefined,
        });
      } catch (error) {
        throw networkError(method, path, options.baseUrl, options.timeoutMs, error);
      }
      const text = await response.text().catch(() => "");
      let body: unknown = undefined;
      if (text.length > 0) {
        try {
          body = JSON.parse(text);
        } catch (error) {
          if (response.ok) {
            throw new ProxmoxError({ kind: "protocol", method, path, status: response.status, cause: error, message: `Proxmox answered ${method} ${path} with something that is not JSON.` });
          }
        }
      }
      if (!response.ok) {
        throw errorFromResponse({ method, path, status: response.status, statusText: response.statusText, body });
      }
      return (body as { data?: unknown } | undefined)?.data ?? null;
    },
  };
}
