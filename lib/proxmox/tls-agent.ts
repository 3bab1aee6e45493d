import type { PeerCertificate, TLSSocket } from "node:tls";
import { Agent, buildConnector } from "undici";

export type TlsTrust = {
  /** PEM of the cluster CA (/etc/pve/pve-root-ca.pem). */
  caPem?: string;
  /** SHA-256 fingerprint, colon-separated uppercase hex, of the node certificate or of any CA in its chain. */
  fingerprint?: string;
  /** Explicit opt-out: no verification at all. */
  insecure?: boolean;
  timeoutMs: number;
};

function chainFingerprints(cert: PeerCertificate): string[] {
  const seen: string[] = [];
  let current: (PeerCertificate & { issuerCertificate?: PeerCertificate }) | undefined = cert;
  while (current && current.fingerprint256 && !seen.includes(current.fingerprint256)) {
    seen.push(current.fingerprint256);
    current = current.issuerCertificate;
  }
  return seen;
}

/**
 * A per-client undici Agent. Trust comes from the cluster CA, a pinned fingerprint, or both; never from the
 * process-global NODE_TLS_REJECT_UNAUTHORIZED. Node only runs checkServerIdentity after CA validation passed,
 * so a pin without a CA (a self-signed node) is checked here on the connected socket instead.
 */
export function createTlsAgent(trust: TlsTrust): Agent {
  const verifyChain = !trust.insecure && (trust.caPem !== undefined || trust.fingerprint === undefined);
  const base = buildConnector({
    ca: trust.caPem,
    rejectUnauthorized: verifyChain,
    timeout: trust.timeoutMs,
  });
  const pin = trust.insecure ? undefined : trust.fingerprint;
  const connect: buildConnector.connector = (options, callback) => {
    base(options, (error, socket) => {
      if (error || !pin || options.protocol !== "https:") {
        if (error) callback(error, null);
        else callback(null, socket!);
        return;
      }
      const fingerprints = chainFingerprints((socket as TLSSocket).getPeerCertificate(true));
      if (!fingerprints.includes(pin)) {
        socket!.destroy();
        const seen = fingerprints[0] ?? "none";
        callback(new Error(`certificate fingerprint mismatch: expected ${pin}, the server presented ${seen}`), null);
        return;
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
