import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { BUILTIN_ROLES, PRIVILEGES } from "./access/privileges";
import type { SimScenario, SimTiming } from "./types";

export const DEFAULT_TIMING: SimTiming = {
  startMs: 1500,
  stopMs: 300,
  guestShutdownMs: 800,
  webDelayMs: 300,
  latencyMs: 0,
  authFailDelayMs: 3000,
  resourcesRefreshMs: 10_000,
  haDelayMs: 10_000,
};

const ms = z.number().int().min(0);
export const timingSchema = z.strictObject({
  startMs: ms,
  stopMs: ms,
  guestShutdownMs: ms,
  webDelayMs: ms,
  latencyMs: ms,
  authFailDelayMs: ms,
  resourcesRefreshMs: ms,
  haDelayMs: ms,
}).partial();

const containerSchema = z.strictObject({
  vmid: z.number().int().min(100).max(999_999_999),
  node: z.string().min(1),
  hostname: z.string().optional(),
  status: z.enum(["running", "stopped"]).optional(),
  memoryMiB: z.number().int().positive().optional(),
  cores: z.number().int().positive().optional(),
  lock: z.string().optional(),
  template: z.boolean().optional(),
  tags: z.string().optional(),
  ip: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, "an IPv4 address, optionally with /prefix").optional(),
  web: z
    .strictObject({ port: z.number().int().min(0).max(65535).optional(), root: z.union([z.string(), z.array(z.string()).min(1)]).optional() })
    .optional(),
  ha: z.strictObject({ state: z.enum(["started", "stopped"]).optional() }).optional(),
});

const aclEntrySchema = z
  .strictObject({
    path: z.string().startsWith("/"),
    role: z.string().min(1).optional(),
    privs: z.array(z.string()).optional(),
    propagate: z.boolean().optional(),
  })
  .refine((entry) => (entry.role === undefined) !== (entry.privs === undefined), "give either role or privs");

const tokenSchema = z.strictObject({
  id: z.string().regex(/^[^@!\s]+@[^@!\s]+![A-Za-z][A-Za-z0-9.\-_]+$/, "a token id user@realm!name"),
  secret: z.string().min(1),
  privsep: z.boolean().optional(),
  acl: z.array(aclEntrySchema).optional(),
});

const userSchema = z.strictObject({
  id: z.string().regex(/^[^@!\s]+@[^@!\s]+$/, "a user id user@realm"),
  enable: z.boolean().optional(),
  acl: z.array(aclEntrySchema).optional(),
});

const scenarioSchemaShape = z
  .strictObject({
    nodes: z.array(z.strictObject({ name: z.string().regex(/^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$/), online: z.boolean().optional() })).min(1).optional(),
    containers: z.array(containerSchema),
    tokens: z.array(tokenSchema),
    users: z.array(userSchema).optional(),
    roles: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9.\-_]*$/), z.array(z.string())).optional(),
    pools: z.array(z.strictObject({ id: z.string().regex(/^[A-Za-z0-9.\-_]+$/), vmids: z.array(z.number().int().min(100)) })).optional(),
    timing: timingSchema.optional(),
    version: z.string().regex(/^\d+\.\d+(\.\d+)?$/).optional(),
    portalOrigin: z.url().refine((v) => new URL(v).origin === v, "an origin such as http://localhost:3000 (no path)").optional(),
  });

export const scenarioSchema = scenarioSchemaShape
  .superRefine((scenario, ctx) => {
    const nodes = new Set((scenario.nodes ?? [{ name: "pve" }]).map((n) => n.name));
    const seen = new Set<number>();
    scenario.containers.forEach((ct, index) => {
      if (seen.has(ct.vmid)) ctx.addIssue({ code: "custom", path: ["containers", index, "vmid"], message: `duplicate vmid ${ct.vmid}` });
      seen.add(ct.vmid);
      if (!nodes.has(ct.node)) ctx.addIssue({ code: "custom", path: ["containers", index, "node"], message: `unknown node '${ct.node}'` });
    });
    checkAccess(scenario, ctx);
  });

type Ctx = z.core.$RefinementCtx<z.output<typeof scenarioSchemaShape>>;

/** Roles, privileges, pool members and token owners must exist, as pveum would insist. */
function checkAccess(scenario: z.output<typeof scenarioSchemaShape>, ctx: Ctx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const roles = new Set([...Object.keys(BUILTIN_ROLES), ...Object.keys(scenario.roles ?? {})]);
  for (const [role, privs] of Object.entries(scenario.roles ?? {})) {
    for (const priv of privs) if (!PRIVILEGES.includes(priv)) issue(["roles", role], `invalid privilege '${priv}'`);
  }
  const checkAcl = (acl: Array<{ role?: string; privs?: string[] }> | undefined, at: (string | number)[]) =>
    (acl ?? []).forEach((entry, i) => {
      if (entry.role !== undefined && !roles.has(entry.role)) issue([...at, "acl", i, "role"], `role '${entry.role}' does not exist`);
      for (const priv of entry.privs ?? []) if (!PRIVILEGES.includes(priv)) issue([...at, "acl", i, "privs"], `invalid privilege '${priv}'`);
    });
  scenario.users?.forEach((user, i) => checkAcl(user.acl, ["users", i]));
  scenario.tokens.forEach((token, i) => {
    checkAcl(token.acl, ["tokens", i]);
    const user = token.id.split("!")[0];
    if (scenario.users && !scenario.users.some((u) => u.id === user)) issue(["tokens", i, "id"], `user '${user}' is not in users`);
  });
  const vmids = new Set(scenario.containers.map((ct) => ct.vmid));
  const member = new Map<number, string>();
  scenario.pools?.forEach((pool, i) =>
    pool.vmids.forEach((vmid) => {
      if (!vmids.has(vmid)) issue(["pools", i, "vmids"], `no container ${vmid}`);
      if (member.has(vmid)) issue(["pools", i, "vmids"], `VM ${vmid} belongs already to pool '${member.get(vmid)}'`);
      member.set(vmid, pool.id);
    }),
  );
}

/** Validates a scenario (from code or a file) and names every problem at once. */
export function parseScenarioOrThrow(input: unknown): SimScenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new Error(`Invalid Proxmox simulator scenario:\n${problems.join("\n")}`);
  }
  return result.data;
}

/** Reads a scenario JSON file; relative web.root folders resolve against the file's folder. */
export async function loadScenarioFile(file: string): Promise<SimScenario> {
  const scenario = parseScenarioOrThrow(JSON.parse(await readFile(file, "utf8")));
  const folder = path.dirname(path.resolve(file));
  for (const ct of scenario.containers) {
    const root = ct.web?.root;
    if (ct.web && root !== undefined) ct.web.root = typeof root === "string" ? path.resolve(folder, root) : root.map((r) => path.resolve(folder, r));
  }
  return scenario;
}
