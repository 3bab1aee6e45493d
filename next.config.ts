import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, FALLBACK_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./lib/security/site-policy";

const nextConfig: NextConfig = {
  // Native and Node-only modules stay out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "proxmox-api", "undici"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // forbidden() answers a member on the admin page with a real 403 status.
    authInterrupts: true,
    // The sign-in and sign-out forms are a few hundred bytes; the API's own limit is ARCADE_BODY_LIMIT_KB.
    serverActions: { bodySizeLimit: "64kb" },
  },
  // Every response: no sniffing, no framing by other sites, no full URLs in Referer. Pages get their full
  // Content-Security-Policy (with a nonce) and Permissions-Policy from proxy.ts, which replaces the fallback here.
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS, { key: "Content-Security-Policy", value: FALLBACK_CONTENT_SECURITY_POLICY }] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
