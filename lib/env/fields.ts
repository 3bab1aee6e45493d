import { z } from "zod";

/** Building blocks of the env schemas: each field knows its variable name and says how to fix a bad value. */

export type Source = Record<string, string | undefined>;

export const snowflake = /^\d{17,20}$/;
export const tokenIdPattern = /^[^\s@!]+@[^\s@!]+![A-Za-z][A-Za-z0-9._-]+$/;
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for hosts that never leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

export function httpUrl(name: string, example: string) {
  return z
    .string({ error: `${name} is not set: give the full URL, e.g. ${example}` })
    .trim()
    .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), {
      error: `${name} must be an http(s) URL such as ${example}`,
    })
    .transform((v) => v.replace(/\/+$/, ""));
}

export function required(name: string, how: string) {
  return z.string({ error: `${name} is not set: ${how}` }).trim().min(1, { error: `${name} is empty: ${how}` });
}

export function intInRange(name: string, min: number, max: number, fallback: number) {
  return optionalText.transform((v, ctx) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `${name} must be a whole number from ${min} to ${max} (got "${v}")` });
      return z.NEVER;
    }
    return n;
  });
}

export function flag(name: string) {
  return optionalText.transform((v, ctx) => {
    if (v === undefined) return false;
    if (["1", "true", "yes", "on"].includes(v.toLowerCase())) return true;
    if (["0", "false", "no", "off"].includes(v.toLowerCase())) return false;
    ctx.addIssue({ code: "custom", message: `${name} must be 1 or 0 (got "${v}")` });
    return z.NEVER;
  });
}

export function snowflakeList(name: string) {
  return optionalText.transform((v, ctx) => {
    if (v === undefined) return [] as string[];
    const ids = v.split(",").map((s) => s.trim()).filter(Boolean);
    const bad = ids.filter((id) => !snowflake.test(id));
    if (bad.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `${name} must be a comma-separated list of Discord role ids (17-20 digits); not ids: ${bad.join(", ")}`,
      });
      return z.NEVER;
    }
    return ids;
  });
}

export function optionalDiscordId(name: string, what: string) {
  return optionalText.refine((v) => v === undefined || snowflake.test(v), {
    error: `${name} must be a Discord id (17-20 digits): copy the ${what} id in Discord (Developer Mode, right-click, Copy ID)`,
  });
}

export function discordId(name: string, what: string) {
  return optionalDiscordId(name, what).transform((v, ctx) => {
    if (v !== undefined) return v;
    ctx.addIssue({ code: "custom", message: `${name} is not set: copy the ${what} id in Discord (Developer Mode, right-click, Copy ID)` });
    return z.NEVER;
  });
}
