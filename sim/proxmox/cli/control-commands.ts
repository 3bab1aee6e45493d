import type { FaultRequest } from "../control";
import { timingSchema } from "../scenario";

function vmidOf(text: string | undefined): number {
  const vmid = Number(text);
  if (!Number.isInteger(vmid) || vmid < 100) throw new Error(`expected a vmid, got '${text ?? ""}'`);
  return vmid;
}

function onOff(text: string | undefined): boolean {
  if (text === "on" || text === "true" || text === "1") return true;
  if (text === "off" || text === "false" || text === "0") return false;
  throw new Error(`expected on or off, got '${text ?? ""}'`);
}

function noneToNull(text: string): string | null {
  return text === "none" || text === "" ? null : text;
}

/** Turns `fault <name> <args...>` into the JSON body of POST /__sim/faults. */
export function parseFault(args: string[], forMs?: number): FaultRequest {
  const [name, first, ...rest] = args;
  switch (name) {
    case "nodeOffline":
      if (!first) throw new Error("usage: fault nodeOffline <node> on|off");
      return { fault: "nodeOffline", node: first, offline: onOff(rest[0]) };
    case "lock":
      return { fault: "lock", vmid: vmidOf(first), lock: noneToNull(rest.join(" ")) };
    case "startFails":
      return { fault: "startFails", vmid: vmidOf(first), message: noneToNull(rest.join(" ")) };
    case "web": {
      const mode = rest[0];
      if (mode !== "ok" && mode !== "refuse" && mode !== "hang" && mode !== "error") throw new Error("usage: fault web <vmid> ok|refuse|hang|error");
      return { fault: "web", vmid: vmidOf(first), mode };
    }
    case "apiDown":
      return { fault: "apiDown", down: onOff(first), ...(forMs !== undefined ? { forMs } : {}) };
    default:
      throw new Error(`unknown fault '${name ?? ""}' (nodeOffline, lock, startFails, web, apiDown)`);
  }
}

/** `power <vmid> running|stopped` as the body of POST /__sim/power. */
export function parsePower(args: string[]): { vmid: number; status: "running" | "stopped" } {
  const [vmid, status] = args;
  if (status !== "running" && status !== "stopped") throw new Error("usage: power <vmid> running|stopped");
  return { vmid: vmidOf(vmid), status };
}

/** `migrate <vmid> <node>` as the body of POST /__sim/migrate. */
export function parseMigrate(args: string[]): { vmid: number; node: string } {
  const [vmid, node] = args;
  if (!node) throw new Error("usage: migrate <vmid> <node>");
  return { vmid: vmidOf(vmid), node };
}

/** `timing startMs=200 stopMs=50` as the body of POST /__sim/timing. */
export function parseTiming(args: string[]): Record<string, number> {
  const entries = args.map((arg) => {
    const [key, value] = arg.split("=");
    return [key, Number(value)];
  });
  return timingSchema.parse(Object.fromEntries(entries)) as Record<string, number>;
}
