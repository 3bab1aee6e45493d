import { createHash } from "node:crypto";

type Injected = { method: string | null; segments: string[]; remaining: number; retryAfterMs: number };
type Window = { count: number; resetAt: number };

export type RateLimitVerdict = { headers: Record<string, string>; retryAfterMs: number | null };

export type RouteBudget = { limit: number; windowMs: number };

// Generous per-route budget by default: well-behaved clients read the headers and never hit it, tests stay fast.
// Discord's real budgets vary by route and are meant to be read from the headers, never hard-coded.
export const DEFAULT_ROUTE_BUDGET: RouteBudget = { limit: 50, windowMs: 1_000 };
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

  constructor(private readonly budget: RouteBudget = DEFAULT_ROUTE_BUDGET) {}

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
    if (injected !== null) return limitedVerdict(bucket.hash, this.budget.limit, injected, now);
    if (exempt) return { headers: {}, retryAfterMs: null };
    let window = this.windows.get(bucket.key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.budget.windowMs };
      this.windows.set(bucket.key, window);
    }
    window.count += 1;
    const { limit } = this.budget;
    if (window.count > limit) return limitedVerdict(bucket.hash, limit, window.resetAt - now, now);
    return { headers: headersFor(bucket.hash, limit, limit - window.count, window.resetAt - now, now), retryAfterMs: null };
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

function headersFor(hash: string, limit: number, remaining: number, resetAfterMs: number, now: number): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(limit),
    "X-RateLimit-Remaining": String(Math.max(0, remaining)),
    "X-RateLimit-Reset": ((now + resetAfterMs) / 1000).toFixed(3),
    "X-RateLimit-Reset-After": (resetAfterMs / 1000).toFixed(3),
    "X-RateLimit-Bucket": hash,
  };
}

function limitedVerdict(hash: string, limit: number, retryAfterMs: number, now: number): RateLimitVerdict {
  // As in Discord's examples: Retry-After in whole seconds, rounded up ("Retry-After: 65" for retry_after 64.57).
  const headers = {
    ...headersFor(hash, limit, 0, retryAfterMs, now),
    "Retry-After": String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
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
