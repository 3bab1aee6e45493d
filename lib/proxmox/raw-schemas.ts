import { z } from "zod";

/**
 * Proxmox replies on their way in. Older servers sent some numbers as strings (pve-container 8808fb6), so
 * numbers are coerced; unknown fields pass through untouched.
 */
const num = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);
const optNum = num.optional();

export const rawClusterVmSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    vmid: num,
    node: z.string(),
    status: z.string().optional(),
    name: z.string().optional(),
    uptime: optNum,
    cpu: optNum,
    maxcpu: optNum,
    mem: optNum,
    maxmem: optNum,
    disk: optNum,
    maxdisk: optNum,
    netin: optNum,
    netout: optNum,
    template: optNum,
    lock: z.string().optional(),
    tags: z.string().optional(),
    hastate: z.string().optional(),
  })
  .loose();
export type RawClusterVm = z.output<typeof rawClusterVmSchema>;

export const rawContainerStatusSchema = z
  .object({
    vmid: num,
    status: z.string(),
    name: z.string().optional(),
    uptime: optNum,
    cpu: optNum,
    cpus: optNum,
    mem: optNum,
    maxmem: optNum,
    lock: z.string().optional(),
    ha: z.object({ managed: num, state: z.string().optional() }).loose().optional(),
  })
  .loose();
export type RawContainerStatus = z.output<typeof rawContainerStatusSchema>;

export const rawTaskStatusSchema = z
  .object({
    upid: z.string(),
    node: z.string(),
    status: z.string(),
    exitstatus: z.string().optional(),
    type: z.string(),
    id: z.union([z.string(), z.number()]).transform(String),
    user: z.string(),
    tokenid: z.string().optional(),
    starttime: num,
  })
  .loose();
export type RawTaskStatus = z.output<typeof rawTaskStatusSchema>;

export const rawTaskLogSchema = z.array(z.object({ n: num, t: z.string() }));

export const rawNodeSchema = z
  .object({ node: z.string(), status: z.string(), ssl_fingerprint: z.string().optional() })
  .loose();

export const rawVersionSchema = z.object({ version: z.string(), release: z.string().optional() }).loose();

export const rawRrdPointSchema = z
  .object({ time: num, cpu: optNum, maxcpu: optNum, mem: optNum, maxmem: optNum, netin: optNum, netout: optNum })
  .loose();

/** A node entry of `/cluster/resources?type=node`; without Sys.Audit on the node only id, node, type and status. */
export const rawNodeResourceSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    node: z.string(),
    status: z.string().optional(),
    uptime: optNum,
    cpu: optNum,
    maxcpu: optNum,
    mem: optNum,
    maxmem: optNum,
  })
  .loose();
export type RawNodeResource = z.output<typeof rawNodeResourceSchema>;

/** `GET /nodes/{node}/status` (Nodes.pm `status`): loadavg items are strings, memory and rootfs are bytes. */
export const rawNodeStatusSchema = z
  .object({
    uptime: num,
    cpu: num,
    loadavg: z.array(num).optional(),
    cpuinfo: z.object({ cpus: num, model: z.string().optional() }).loose(),
    memory: z.object({ total: num, used: num, available: optNum }).loose(),
    pveversion: z.string().optional(),
  })
  .loose();
export type RawNodeStatus = z.output<typeof rawNodeStatusSchema>;
