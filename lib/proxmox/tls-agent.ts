import { rootCertificates, type TLSSocket } from "node:tls";
import { Agent, buildConnector } from "undici";

export type TlsTrust = {
  /** PEM added to the default trust: the cluster CA (/etc/pve/pve-root-ca.pem) or any other CA the owner names. */
  caPem?: string;
  /** The NODE_EXTRA_CA_CERTS file's PEM: part of Node's default trust that an explicit CA list would drop. */
  extraDefaultCaPem?: string;
  /** SHA-256 fingerprint of the node (leaf) certificate, colon-separated uppercase hex. */
  fingerprint?: string;
  /** Explicit opt-out: no verification at all. */
  insecure?: boolean;
  timeoutMs: number;
};

/** Thrown by the connector when the certificate the server presented is refused; the transport words it. */
export class TlsRefusal extends Error {
  constructor(
    readonly code: "PROXMOX_TLS_PIN_MISMATCH" | "PROXMOX_TLS_UNTRUSTED",
    /** SHA-256 of the node certificate the server presented. */
    readonly presented: string,
    /** Node's verification error code (UNABLE_TO_VERIFY_LEAF_SIGNATURE, ERR_TLS_CERT_ALTNAME_INVALID, ...). */
    readonly verifyError: string | null,
  ) {
    super(code === "PROXMOX_TLS_PIN_MISMATCH" ? `certificate fingerprint ${presented} does not match the pin` : `certificate not trusted (${verifyError})`);
    this.name = "TlsRefusal";
  }
}

/**
 * The CAs to verify against. Node's default trust is its bundled Mozilla roots plus NODE_EXTRA_CA_CERTS, and an
 * explicit `ca` replaces all of it, so a CA file is appended to a rebuilt default rather than given alone: a node
 * that carries a publicly trusted (ACME) certificate keeps working when PROXMOX_CA_FILE is set.
 */
export function composeTrustedCas(trust: Pick<TlsTrust, "caPem" | "extraDefaultCaPem">): string[] | undefined {
  if (trust.caPem === undefined) return undefined;
  return [...rootCertificates, ...(trust.extraDefaultCaPem ? [trust.extraDefaultCaPem] : []), trust.caPem];
}

/** Decides on a connected socket; null = accept. */
function judge(socket: TLSSocket, trust: TlsTrust): TlsRefusal | null {
  if (trust.insecure) return null;
  // pveproxy sends only its node certificate, so the leaf is the only certificate a pin can be compared with.
  const presented = socket.getPeerCertificate(false).fingerprint256 ?? "none";
  const verifyError = socket.authorized ? null : String(socket.authorizationError ?? "UNKNOWN");
  if (trust.fingerprint !== undefined) {
    if (presented !== trust.fingerprint) return new TlsRefusal("PROXMOX_TLS_PIN_MISMATCH", presented, verifyError);
    // A pin alone trusts exactly that certificate (a self-signed node); with a CA file the chain must hold too.
    return trust.caPem !== undefined && verifyError ? new TlsRefusal("PROXMOX_TLS_UNTRUSTED", presented, verifyError) : null;
  }
  return verifyError ? new TlsRefusal("PROXMOX_TLS_UNTRUSTED", presented, verifyError) : null;
}

/**
 * A per-client undici Agent; never the process-global NODE_TLS_REJECT_UNAUTHORIZED. The handshake itself does not
 * reject (Node would then hide the certificate it refused); the verdict is taken here on the connected socket from
 * Node's own chain and hostname check (`authorized`) and the pin, so every refusal can name what the server sent.
 */
export function createTlsAgent(trust: TlsTrust): Agent {
  const base = buildConnector({ ca: composeTrustedCas(trust), rejectUnauthorized: false, timeout: trust.timeoutMs });
  const connect: buildConnector.connector = (options, callback) => {
    base(options, (error, socket) => {
      if (error) return callback(error, null);
      const refusal = options.protocol === "https:" ? judge(socket as TLSSocket, trust) : null;
      if (refusal) {
        socket!.destroy();
        return callback(refusal, null);
      }
      callback(null, socket!);
    });
  };
  return new Agent({
    connect,
    headersTimeout: trust.timeoutMs,
    bodyTimeout: trust.timeoutMs,
    keepAliveTimeout: 4_000,
  });
}
