import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { SimScenario, SimTiming } from "./types";

export const DEFAULT_TIMING: SimTiming = {
  startMs: 1500,
  stopMs: 300,
  guestShutdownMs: 800,
  webDelayMs: 300,
  latencyMs: 0,
  authFailDelayMs: 3000,
  resourcesRefreshMs: 10_000,
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
});

const tokenSchema = z.strictObject({
  id: z.string().regex(/^[^@!\s]+@[^@!\s]+![A-Za-z][A-Za-z0-9.\-_]+$/, "a token id user@realm!name"),
  secret: z.string().min(1),
  privsep: z.boolean().optional(),
  acl: z.array(z.strictObject({ path: z.string().startsWith("/"), privs: z.array(z.string()) })).optional(),
});

export const scenarioSchema = z
  .strictObject({
    nodes: z.array(z.strictObject({ name: z.string().regex(/^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$/), online: z.boolean().optional() })).min(1).optional(),
    containers: z.array(containerSchema),
    tokens: z.array(tokenSchema),
    timing: timingSchema.optional(),
    version: z.string().regex(/^\d+\.\d+(\.\d+)?$/).optional(),
  })
  .superRefine((scenario, ctx) => {
    const nodes = new Set((scenario.nodes ?? [{ name: "pve" }]).map((n) => n.name));
    const seen = new Set<number>();
    scenario.containers.forEach((ct, index) => {
      if (seen.has(ct.vmid)) ctx.addIssue({ code: "custom", path: ["containers", index, "vmid"], message: `duplicate vmid ${ct.vmid}` });
      seen.add(ct.vmid);
      if (!nodes.has(ct.node)) ctx.addIssue({ code: "custom", path: ["containers", index, "node"], message: `unknown node '${ct.node}'` });
    });
  });

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
