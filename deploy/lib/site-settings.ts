import { existsSync, readFileSync } from "node:fs";
import { isIP } from "node:net";
import { z } from "zod";
import { absolutePathPattern, hostnamePattern, isIpOrCidr, parseUpstream, type Upstream } from "./address";
import { DeployConfigError } from "./deploy-config-error";

const example = "deploy/site.example.json";

function text(how: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `is required: ${how}` : `must be text: ${how}`) });
}

const hostname = (how: string) => text(how).regex(hostnamePattern, { error: `must be a bare lower-case hostname (no scheme, port or path): ${how}` });
const absolutePath = (how: string) => text(how).regex(absolutePathPattern, { error: `must be an absolute path of letters, digits, ".", "_", "-" and "/": ${how}` });

const upstream = (how: string) =>
  text(how).transform((value, ctx): Upstream => {
    const parsed = parseUpstream(value);
    if (typeof parsed === "string") {
      ctx.addIssue({ code: "custom", message: `${parsed}: ${how}` });
      return z.NEVER;
    }
    return parsed;
  });

const ipv4 = (how: string) => text(how).refine((v) => isIP(v) === 4, { error: `must be an IPv4 address: ${how}` });
const ipv4List = (how: string) =>
  z.array(ipv4(how), { error: `must be a list of IPv4 addresses: ${how}` }).min(1, { error: `needs at least one address: ${how}` });
const vmid = (fallback: number) =>
  z
    .number({ error: `must be a CT id, e.g. ${fallback}` })
    .int({ error: "must be a whole number" })
    .min(100, { error: "must be a CT id from 100 up" })
    .default(fallback);

// Addresses the Proxmox firewall files need beyond the catalogue: who may talk to whom, and where DNS and the API are.
const networkShape = z
  .object(
    {
      proxmox: ipv4List('the node addresses the portal reaches on :8006, e.g. "proxmox": ["192.168.1.2"]'),
      dns: ipv4List('the DNS resolvers the CTs use, e.g. "dns": ["192.168.1.1"]'),
      uplink: text('the node\'s bridge to the LAN, e.g. "uplink": "vmbr0"').regex(/^vmbr\d{1,4}$/, { error: 'must be a bridge name such as "vmbr0"' }).default("vmbr0"),
      vmbr2Address: text('the node\'s address on vmbr2 when "gameUpdates" is true, e.g. "vmbr2Address": "10.22.0.1/24"')
        .refine((v) => isIpOrCidr(v) && v.includes("/") && isIP(v.split("/")[0]!) === 4, { error: 'must be an IPv4 address with prefix, e.g. "10.22.0.1/24"' })
        .default("10.22.0.1/24"),
      gateway: z
        .object({ vmid: vmid(1010), address: ipv4('CT1010\'s address on vmbr2, e.g. "address": "10.22.0.10"').default("10.22.0.10") })
        .strict()
        .prefault({}),
      portal: z
        .object(
          { vmid: vmid(2100), lan: ipv4('CT2100\'s address on the LAN (vmbr0), where the bot reaches it, e.g. "lan": "192.168.1.21"') },
          { error: 'is required: e.g. "portal": { "lan": "192.168.1.21" }' },
        )
        .strict(),
      bot: z
        .object({ vmid: vmid(1000), lan: ipv4('CT1000\'s address on the LAN, e.g. "lan": "192.168.1.20"') }, { error: 'is required: e.g. "bot": { "lan": "192.168.1.20" }' })
        .strict(),
    },
    {
      error:
        'is required (the Proxmox firewall files are generated from it): e.g. "network": { "proxmox": ["192.168.1.2"], "dns": ["192.168.1.1"], "portal": { "lan": "192.168.1.21" }, "bot": { "lan": "192.168.1.20" } }',
    },
  )
  .strict();

const siteShape = z
  .object({
    portal: z
      .object(
        {
          hostname: hostname('the portal\'s public name, e.g. "hostname": "arcade.example.com"'),
          upstream: upstream('where the gateway reaches the portal (CT2100), e.g. "upstream": "http://10.22.0.21:3000"'),
        },
        { error: 'is required: e.g. "portal": { "hostname": "arcade.example.com", "upstream": "http://10.22.0.21:3000" }' },
      )
      .strict(),
    mode: z.enum(["caddy", "nginx"], { error: 'must be "caddy" or "nginx": the reverse proxy on the gateway CT1010' }),
    tls: z.enum(["auto", "cloudflare-tunnel", "internal"], {
      error: 'must be "auto" (public ACME certificates), "cloudflare-tunnel" (plain http:// behind cloudflared) or "internal" (your own CA)',
    }),
    acmeEmail: text('the address Let\'s Encrypt writes to about expiring certificates, e.g. "acmeEmail": "you@example.com"')
      .regex(/^[^\s@"'<>;{}\\]+@[^\s@"'<>;{}\\]+\.[^\s@"'<>;{}\\]+$/, { error: 'must be an e-mail address, e.g. "acmeEmail": "you@example.com"' })
      .optional(),
    gateway: z
      .object({
        bind: text('an IP address of CT1010 to listen on, e.g. "bind": "127.0.0.1" when cloudflared runs on the gateway')
          .refine(isIpOrCidr, { error: 'must be an IP address, e.g. "bind": "127.0.0.1"' })
          .refine((v) => !v.includes("/"), { error: 'must be a single IP address without /prefix, e.g. "bind": "127.0.0.1"' })
          .optional(),
        staticDir: absolutePath('where starting.html lives on CT1010, e.g. "staticDir": "/srv/gateway"').default("/srv/gateway"),
        // Removed: it held every request to a stopped game that long. Accepted here only to be named in crossFieldProblems.
        bootWaitSec: z.unknown().optional(),
        trustedProxies: z
          .array(text("an IP or CIDR").refine(isIpOrCidr, { error: 'each entry must be an IP address or CIDR block, e.g. "127.0.0.1/32"' }), {
            error: 'must be a list of addresses whose X-Forwarded-* headers are trusted, e.g. "trustedProxies": ["127.0.0.1/32"]',
          })
          .optional(),
      })
      .strict()
      .prefault({}),
    gameHosts: z
      .object({
        webRootBase: absolutePath('the folder holding one web root per game on the game CTs, e.g. "webRootBase": "/var/www/games"').default("/var/www/games"),
        webRoots: z
          .record(z.string(), absolutePath('a game\'s own web root, e.g. "cartofia": "/var/www/cartofia"'), {
            error: 'must map game ids to web roots, e.g. "webRoots": { "cartofia": "/var/www/cartofia" }',
          })
          .default({}),
      })
      .strict()
      .prefault({}),
    nginx: z
      .object({
        certificate: text('a certificate path; {host} is replaced by each hostname, e.g. "/etc/letsencrypt/live/{host}/fullchain.pem"')
          .regex(/^\/[A-Za-z0-9._\-/{}]*$/, { error: "must be an absolute path; {host} stands for each hostname" })
          .default("/etc/letsencrypt/live/{host}/fullchain.pem"),
        certificateKey: text('the key path; {host} is replaced by each hostname, e.g. "/etc/letsencrypt/live/{host}/privkey.pem"')
          .regex(/^\/[A-Za-z0-9._\-/{}]*$/, { error: "must be an absolute path; {host} stands for each hostname" })
          .default("/etc/letsencrypt/live/{host}/privkey.pem"),
        version: text('the nginx version on CT1010: Debian 12 has "1.22", Debian 13 "1.26" (`nginx -v`)')
          .regex(/^\d+\.\d+(\.\d+)?$/, { error: 'must be a version such as "1.22" or "1.26.3" (see `nginx -v` on CT1010)' })
          .default("1.26"),
      })
      .strict()
      .prefault({}),
    cloudflare: z
      .object({
        tunnel: text('the tunnel UUID or name from `cloudflared tunnel create arcade`, e.g. "tunnel": "arcade"').regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
          error: "must be the tunnel's UUID or name (letters, digits, '.', '_', '-')",
        }),
        credentialsFile: absolutePath('the tunnel credentials JSON, e.g. "credentialsFile": "/etc/cloudflared/<UUID>.json"').optional(),
        service: text('where cloudflared reaches the gateway, e.g. "service": "http://127.0.0.1:80"')
          .regex(/^http:\/\/[A-Za-z0-9.\-[\]:]+$/, { error: 'must be an http:// origin such as "http://127.0.0.1:80" or "http://10.22.0.10:80"' })
          .default("http://127.0.0.1:80"),
      })
      .strict()
      .optional(),
    bodyLimitKb: z
      .number({ error: 'must be a number of KiB, e.g. "bodyLimitKb": 64 (the portal\'s ARCADE_BODY_LIMIT_KB)' })
      .int({ error: "must be a whole number of KiB" })
      .min(1, { error: "must be from 1 to 1048576 KiB" })
      .max(1_048_576, { error: "must be from 1 to 1048576 KiB" })
      .default(64),
    gameUpdates: z.boolean({ error: 'must be true or false: true gives game CTs DNS and HTTP(S) to the internet through NAT on the node' }).default(false),
    network: networkShape,
  })
  .strict();

// Checked on the raw input, so they are reported together with every field error rather than after them.
function crossFieldProblems(raw: unknown, file: string): string[] {
  if (typeof raw !== "object" || raw === null) return [];
  const v = raw as Record<string, unknown>;
  const problems: string[] = [];
  if (v.tls === "auto" && v.acmeEmail === undefined) {
    problems.push(`${file}: field "acmeEmail" is required when "tls" is "auto": e.g. "acmeEmail": "you@example.com"`);
  }
  const gateway = v.gateway as Record<string, unknown> | undefined;
  if (typeof gateway === "object" && gateway !== null && "bootWaitSec" in gateway) {
    problems.push(
      `${file}: field "gateway.bootWaitSec" is no longer used: the gateway now shows the starting page at once and passes requests on as soon as the game answers; remove it`,
    );
  }
  if (v.tls === "cloudflare-tunnel" && v.cloudflare === undefined) {
    problems.push(`${file}: field "cloudflare" is required when "tls" is "cloudflare-tunnel": e.g. "cloudflare": { "tunnel": "<UUID from cloudflared tunnel create>" }`);
  }
  return problems;
}

type SiteShape = z.output<typeof siteShape>;

/** Validated site settings with defaults applied; `file` is where they came from, for messages. */
export type SiteSettings = Omit<SiteShape, "portal" | "gateway" | "cloudflare"> & {
  file: string;
  portal: SiteShape["portal"] & { origin: string };
  gateway: Omit<SiteShape["gateway"], "trustedProxies" | "bootWaitSec"> & { trustedProxies: string[] };
  cloudflare: { tunnel: string; credentialsFile: string; service: string } | undefined;
};

function fieldName(parts: PropertyKey[]): string {
  return parts.map(String).join(".");
}

/** Validates already-parsed settings; throws DeployConfigError with file, field and fix for each problem. */
export function parseSiteSettings(raw: unknown, file: string): SiteSettings {
  const result = siteShape.safeParse(raw);
  const crossField = crossFieldProblems(raw, file);
  if (!result.success || crossField.length > 0) {
    const problems = (result.error?.issues ?? []).map((issue) => {
      if (issue.code === "unrecognized_keys") {
        const where = issue.path.length > 0 ? ` in "${fieldName(issue.path)}"` : "";
        return `${file}: unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}${where}: remove it or check the spelling against ${example}`;
      }
      if (issue.path.length === 0) return `${file}: must be a JSON object like ${example}`;
      return `${file}: field "${fieldName(issue.path)}" ${issue.message}`;
    });
    throw new DeployConfigError([...problems, ...crossField]);
  }
  const v = result.data;
  // cloudflared on the gateway itself is the recommended layout, so loopback is the one proxy to trust by default.
  const trustedProxies = v.gateway.trustedProxies ?? (v.tls === "cloudflare-tunnel" ? ["127.0.0.1/32", "::1/128"] : []);
  return {
    ...v,
    file,
    portal: { ...v.portal, origin: `https://${v.portal.hostname}` },
    gateway: { staticDir: v.gateway.staticDir, ...(v.gateway.bind === undefined ? {} : { bind: v.gateway.bind }), trustedProxies },
    cloudflare: v.cloudflare && {
      tunnel: v.cloudflare.tunnel,
      credentialsFile: v.cloudflare.credentialsFile ?? `/etc/cloudflared/${v.cloudflare.tunnel}.json`,
      service: v.cloudflare.service,
    },
  };
}

/** Reads and validates a site settings file such as deploy/site.json. */
export function readSiteSettingsOrThrow(file: string): SiteSettings {
  if (!existsSync(file)) {
    throw new DeployConfigError([`${file}: does not exist: copy ${example} to ${file} and set your hostnames, upstreams and TLS mode`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DeployConfigError([`${file}: is not valid JSON (${(error as Error).message}): fix the syntax, compare with ${example}`]);
  }
  return parseSiteSettings(raw, file);
}
