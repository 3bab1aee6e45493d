import { createHash } from "node:crypto";

type Injected = { method: string | null; segments: string[]; remaining: number; retryAfterMs: number };
type Window = { count: number; resetAt: number };

export type RateLimitVerdict = { headers: Record<string, string>; retryAfterMs: number | null };

// Generous per-route budget: well-behaved clients read the headers and never hit it, tests stay fast.
const LIMIT = 50;
const WINDOW_MS = 1_000;
const SNOWFLAKE = /^\d{17,19}$/;
const MAJOR_PARENTS = new Set(["channels", "guilds", "webhooks"]);

/** Strips `/api` and an optional `/vN`, the way every route and rate-limit rule sees a path. */
export function normalizeApiPath(path: string): string {
  return path.replace(/^\/api(?=\/|$)/, "").replace(/^\/v\d+(?=\/|$)/, "") || "/";
}

/** Per-route buckets with Discord's X-RateLimit-* headers, plus 429s injected by tests. */
export class RateLimiter {
  private readonly injected: Injected[] = [];
  private readonly windows = new Map<string, Window>();

  /** Makes the next `times` requests matching `route` ("[METHOD ]/path", `*` = any segment) answer 429. */
  inject(route: string, times: number, retryAfterMs = 50): void {
    const match = /^(?:([A-Za-z]+)\s+)?(\S+)$/.exec(route.trim());
    if (!match?.[2]) throw new Error(`Invalid rate-limit route "${route}": use "/path" or "METHOD /path"`);
    const segments = normalizeApiPath(match[2]).split("/").filter(Boolean);
    this.injected.push({ method: match[1]?.toUpperCase() ?? null, segments, remaining: times, retryAfterMs });
  }

  check(method: string, path: string, exempt: boolean): RateLimitVerdict {
    const now = Date.now();
    const bucket = bucketOf(method, path);
    const injected = this.takeInjected(method, path);
    if (injected !== null) return limitedVerdict(bucket.hash, injected, now);
    if (exempt) return { headers: {}, retryAfterMs: null };
    let window = this.windows.get(bucket.key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + WINDOW_MS };
      this.windows.set(bucket.key, window);
    }
    window.count += 1;
    if (window.count > LIMIT) return limitedVerdict(bucket.hash, window.resetAt - now, now);
    return { headers: headersFor(bucket.hash, LIMIT - window.count, window.resetAt - now, now), retryAfterMs: null };
  }

  private takeInjected(method: string, path: string): number | null {
    const segments = path.split("/").filter(Boolean);
    const rule = this.injected.find(
      (r) =>
        r.remaining > 0 &&
        (r.method === null || r.method === method) &&
        r.segments.length === segments.length &&
        r.segments.every((s, i) => s === "*" || s === segments[i]),
    );
    if (!rule) return null;
    rule.remaining -= 1;
    return rule.retryAfterMs;
  }
}

function headersFor(hash: string, remaining: number, resetAfterMs: number, now: number): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(LIMIT),
    "X-RateLimit-Remaining": String(Math.max(0, remaining)),
    "X-RateLimit-Reset": ((now + resetAfterMs) / 1000).toFixed(3),
    "X-RateLimit-Reset-After": (resetAfterMs / 1000).toFixed(3),
    "X-RateLimit-Bucket": hash,
  };
}

function limitedVerdict(hash: string, retryAfterMs: number, now: number): RateLimitVerdict {
  // Discord rounds Retry-After up to whole seconds; the sim keeps the fraction so clients retry within ms.
  const headers = {
    ...headersFor(hash, 0, retryAfterMs, now),
    "Retry-After": (retryAfterMs / 1000).toFixed(3),
    "X-RateLimit-Scope": "user",
  };
  return { headers, retryAfterMs };
}

/** The route template with its major parameter (channel, guild or webhook) kept apart, as Discord buckets. */
function bucketOf(method: string, path: string): { hash: string; key: string } {
  const segments = path.split("/").filter(Boolean);
  let major = "";
  const template = segments.map((segment, i) => {
    const parent = segments[i - 1] ?? "";
    if (SNOWFLAKE.test(segment)) {
      if (!major && MAJOR_PARENTS.has(parent)) {
        major = segment;
        return ":major";
      }
      return ":id";
    }
    if (segments[i - 2] === "webhooks" && SNOWFLAKE.test(parent)) {
      major += `/${segment}`;
      return ":token";
    }
    return segment.length > 40 ? ":token" : segment;
  });
  const hash = createHash("md5").update(`${method} /${template.join("/")}`).digest("hex");
  return { hash, key: `${hash}:${major}` };
}
