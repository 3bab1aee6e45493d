import { isIP } from "node:net";

/** An internal HTTP origin the gateway proxies to, e.g. http://10.22.0.20:80. */
export type Upstream = { origin: string; host: string; port: number; dial: string };

export const hostnamePattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

// Everything interpolated into nginx or Caddy files is checked, so a value can never close a block or a quote.
export const absolutePathPattern = /^\/[A-Za-z0-9._\-/]*$/;

/** Parses an `http://host:port` origin without path; returns the reason when it is not one. */
export function parseUpstream(value: string): Upstream | string {
  if (!URL.canParse(value)) return "is not a URL";
  const url = new URL(value);
  if (url.protocol !== "http:") return "must use http:// (game hosts and the portal speak plain HTTP on vmbr2)";
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) {
    return "must be an origin only (scheme, host, port) without path, query or credentials";
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) === 0 && !hostnamePattern.test(host)) return "has a host that is neither an IP address nor a hostname";
  const port = url.port === "" ? 80 : Number(url.port);
  const hostPart = isIP(host) === 6 ? `[${host}]` : host;
  return { origin: `http://${hostPart}:${port}`, host, port, dial: `${hostPart}:${port}` };
}

/** True for an IP address or CIDR block such as 127.0.0.1/32 or ::1/128. */
export function isIpOrCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split("/");
  if (rest.length > 0 || address === undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}
