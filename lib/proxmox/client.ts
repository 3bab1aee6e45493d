import { proxmoxApi } from "proxmox-api";
import { type z } from "zod";
import type { ProxmoxConfig } from "../env";
import { ProxmoxError } from "./errors";
import { nodeReads } from "./node-reads";
import {
  rawClusterVmSchema,
  rawContainerStatusSchema,
  rawNodeSchema,
  rawRrdPointSchema,
  rawTaskLogSchema,
  rawTaskStatusSchema,
  rawVersionSchema,
} from "./raw-schemas";
import { reshapeClusterVm, reshapeContainerStatus, reshapeRrdPoint, reshapeTaskStatus } from "./reshape";
import { createTlsAgent } from "./tls-agent";
import { createTransport } from "./transport";
import type { ClusterContainer, ContainerStatus, MetricPoint, MetricTimeframe, PowerAction, TaskStatus } from "./types";

export type ProxmoxClient = ReturnType<typeof createProxmoxClient>;

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ProxmoxError({
      kind: "protocol",
      method: "GET",
      path: what,
      cause: result.error,
      message: `Proxmox sent a reply we do not understand for ${what}: ${result.error.issues[0]?.message ?? "invalid"}.`,
    });
  }
  return result.data;
}

/** A Proxmox VE client for LXC lifecycle work: typed paths from proxmox-api over our own transport. */
export function createProxmoxClient(config: ProxmoxConfig) {
  const agent = createTlsAgent({
    caPem: config.caPem,
    extraDefaultCaPem: config.extraDefaultCaPem,
    fingerprint: config.fingerprint,
    insecure: config.insecureTls,
    timeoutMs: config.timeoutMs,
  });
  const api = proxmoxApi(
    createTransport({ baseUrl: config.baseUrl, tokenId: config.tokenId, tokenSecret: config.tokenSecret, agent, timeoutMs: config.timeoutMs }),
  );
  const lxc = (node: string, vmid: number) => api.nodes.$(node).lxc.$(vmid);

  return {
    baseUrl: config.baseUrl,

    async getVersion(): Promise<string> {
      return parseOrThrow(rawVersionSchema, await api.version.$get(), "/version").version;
    },

    async listNodes(): Promise<Array<{ node: string; online: boolean }>> {
      const nodes = parseOrThrow(rawNodeSchema.array(), await api.nodes.$get(), "/nodes");
      return nodes.map((n) => ({ node: n.node, online: n.status === "online" }));
    },

    /** Every LXC guest in the cluster with its node; the one call the status watcher makes. */
    async listClusterContainers(): Promise<ClusterContainer[]> {
      const raw = parseOrThrow(rawClusterVmSchema.array(), await api.cluster.resources.$get({ type: "vm" }), "/cluster/resources");
      return raw.filter((r) => r.type === "lxc").map(reshapeClusterVm);
    },

    async getContainerStatus(node: string, vmid: number): Promise<ContainerStatus> {
      const raw = await lxc(node, vmid).status.current.$get();
      return reshapeContainerStatus(parseOrThrow(rawContainerStatusSchema, raw, `status/current of CT ${vmid}`), node);
    },

    /** Sends a power action and returns the task's UPID. */
    async powerContainer(node: string, vmid: number, action: PowerAction, options: { timeoutSec?: number; forceStop?: boolean } = {}): Promise<string> {
      const status = lxc(node, vmid).status;
      let upid: unknown;
      if (action === "start") upid = await status.start.$post();
      else if (action === "stop") upid = await status.stop.$post();
      else if (action === "shutdown") upid = await status.shutdown.$post({ timeout: options.timeoutSec, forceStop: options.forceStop });
      else upid = await status.reboot.$post({ timeout: options.timeoutSec });
      if (typeof upid !== "string") {
        throw new ProxmoxError({ kind: "protocol", method: "POST", path: `status/${action}`, message: `Proxmox did not return a task id for ${action} of CT ${vmid}.` });
      }
      return upid;
    },

    async getTaskStatus(node: string, upid: string): Promise<TaskStatus> {
      const raw = await api.nodes.$(node).tasks.$(upid).status.$get();
      return reshapeTaskStatus(parseOrThrow(rawTaskStatusSchema, raw, "task status"));
    },

    async getTaskLog(node: string, upid: string, limit = 50): Promise<string[]> {
      const raw = await api.nodes.$(node).tasks.$(upid).log.$get({ start: 0, limit });
      return parseOrThrow(rawTaskLogSchema, raw, "task log").map((line) => line.t);
    },

    async getMetrics(node: string, vmid: number, timeframe: MetricTimeframe = "hour"): Promise<MetricPoint[]> {
      const raw = await lxc(node, vmid).rrddata.$get({ timeframe, cf: "AVERAGE" });
      return parseOrThrow(rawRrdPointSchema.array(), raw, "rrddata").map(reshapeRrdPoint);
    },

    ...nodeReads(api, parseOrThrow),

    close(): Promise<void> {
      return agent.close();
    },
  };
}
