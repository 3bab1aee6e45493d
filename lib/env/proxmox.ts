import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { flag, intInRange, isLoopbackHost, optionalText, required, tokenIdPattern, uuidPattern } from "./fields";

/** PROXMOX_*: where the API is, the token, and how its certificate is trusted (the portal's part of lib/env). */
export const proxmoxShape = z
  .object({
    PROXMOX_URL: optionalText,
    PROXMOX_HOST: optionalText,
    PROXMOX_PORT: intInRange("PROXMOX_PORT", 1, 65535, 8006),
    PROXMOX_TOKEN_ID: required("PROXMOX_TOKEN_ID", "create an API token (pveum user token add arcade@pve portal) and set user@realm!name").refine(
      (v) => tokenIdPattern.test(v),
      { error: "PROXMOX_TOKEN_ID must look like user@realm!tokenname, e.g. arcade@pve!portal" },
    ),
    PROXMOX_TOKEN_SECRET: required("PROXMOX_TOKEN_SECRET", "paste the secret shown once when the token was created").refine(
      (v) => uuidPattern.test(v),
      { error: "PROXMOX_TOKEN_SECRET must be the token's UUID secret, e.g. 1b4c2a0e-5f7d-4c3e-9a1b-2d3e4f5a6b7c" },
    ),
    PROXMOX_CA_FILE: optionalText.refine((v) => v === undefined || existsSync(v), {
      error: "PROXMOX_CA_FILE points to a file that does not exist: copy /etc/pve/pve-root-ca.pem from the Proxmox host and give its path",
    }),
    PROXMOX_FINGERPRINT: optionalText.transform((v, ctx) => {
      if (v === undefined) return undefined;
      const hex = v.replace(/:/g, "").toUpperCase();
      if (!/^[0-9A-F]{64}$/.test(hex)) {
        ctx.addIssue({
          code: "custom",
          message: "PROXMOX_FINGERPRINT must be a SHA-256 fingerprint (64 hex digits, colons allowed), as shown under Node > System > Certificates",
        });
        return z.NEVER;
      }
      return hex.match(/../g)!.join(":");
    }),
    PROXMOX_INSECURE_TLS: flag("PROXMOX_INSECURE_TLS"),
    PROXMOX_VERIFY_SSL: optionalText,
    PROXMOX_TIMEOUT_MS: intInRange("PROXMOX_TIMEOUT_MS", 500, 120_000, 10_000),
    // Node's own extra trust file: an explicit CA list (PROXMOX_CA_FILE) would drop it, so the client keeps it.
    NODE_EXTRA_CA_CERTS: optionalText,
  })
  .transform((v, ctx) => {
    let baseUrl = v.PROXMOX_URL;
    if (baseUrl === undefined && v.PROXMOX_HOST !== undefined) {
      const host = v.PROXMOX_HOST.replace(/^https?:\/\//, "").replace(/\/+$/, "");
      baseUrl = `https://${host}:${v.PROXMOX_PORT}`;
    }
    if (baseUrl === undefined) {
      ctx.addIssue({ code: "custom", path: ["PROXMOX_URL"], message: "PROXMOX_URL is not set: give the API address, e.g. https://pve.lan:8006 (or PROXMOX_HOST and PROXMOX_PORT)" });
      return z.NEVER;
    }
    if (!/^https?:\/\//.test(baseUrl) || !URL.canParse(baseUrl)) {
      ctx.addIssue({ code: "custom", path: ["PROXMOX_URL"], message: `PROXMOX_URL must be an http(s) URL such as https://pve.lan:8006 (got "${baseUrl}")` });
      return z.NEVER;
    }
    const url = new URL(baseUrl);
    // The API token goes in a header on every request; only the simulator on this machine may skip TLS.
    if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
      ctx.addIssue({
        code: "custom",
        path: ["PROXMOX_URL"],
        message: `PROXMOX_URL must start with https:// (got "${baseUrl}"): over plain HTTP the API token would travel in clear; pveproxy serves https://<node>:8006 (plain http:// is accepted only for the simulator on loopback)`,
      });
      return z.NEVER;
    }
    const verifySsl = v.PROXMOX_VERIFY_SSL?.toLowerCase();
    if (verifySsl !== undefined && !["1", "0", "true", "false", "yes", "no"].includes(verifySsl)) {
      ctx.addIssue({ code: "custom", path: ["PROXMOX_VERIFY_SSL"], message: `PROXMOX_VERIFY_SSL must be true or false (got "${v.PROXMOX_VERIFY_SSL}")` });
    }
    const insecureTls = v.PROXMOX_INSECURE_TLS || ["0", "false", "no"].includes(verifySsl ?? "");
    return {
      baseUrl: url.origin,
      tokenId: v.PROXMOX_TOKEN_ID,
      tokenSecret: v.PROXMOX_TOKEN_SECRET,
      caPem: v.PROXMOX_CA_FILE === undefined ? undefined : readFileSync(v.PROXMOX_CA_FILE, "utf8"),
      caFile: v.PROXMOX_CA_FILE,
      // Node only warns about a missing extra-CA file and goes on; so does the client.
      extraDefaultCaPem: v.NODE_EXTRA_CA_CERTS !== undefined && existsSync(v.NODE_EXTRA_CA_CERTS) ? readFileSync(v.NODE_EXTRA_CA_CERTS, "utf8") : undefined,
      fingerprint: v.PROXMOX_FINGERPRINT,
      insecureTls,
      timeoutMs: v.PROXMOX_TIMEOUT_MS,
    };
  });

export type ProxmoxConfig = z.output<typeof proxmoxShape>;
