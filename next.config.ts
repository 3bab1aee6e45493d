import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and Node-only modules stay out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "proxmox-api", "undici"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // forbidden() answers a member on the admin page with a real 403 status.
  experimental: { authInterrupts: true },
};

export default nextConfig;
