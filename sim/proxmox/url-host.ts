/** The host part of a URL for a bind address: wildcard binds are reached over loopback, IPv6 needs brackets. */
export function urlHost(bindHost: string): string {
  if (bindHost === "0.0.0.0" || bindHost === "") return "127.0.0.1";
  if (bindHost === "::") return "[::1]";
  return bindHost.includes(":") ? `[${bindHost}]` : bindHost;
}
