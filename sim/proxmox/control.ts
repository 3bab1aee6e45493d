import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { timingSchema } from "./scenario";
import type { ProxmoxSim } from "./types";

export const CONTROL_PREFIX = "/__sim/";

const vmid = z.number().int().min(100);
export const faultSchema = z.discriminatedUnion("fault", [
  z.strictObject({ fault: z.literal("nodeOffline"), node: z.string(), offline: z.boolean() }),
  z.strictObject({ fault: z.literal("lock"), vmid, lock: z.string().min(1).nullable() }),
  z.strictObject({ fault: z.literal("startFails"), vmid, message: z.string().min(1).nullable() }),
  z.strictObject({ fault: z.literal("web"), vmid, mode: z.enum(["ok", "refuse", "hang", "error"]) }),
  // forMs brings the API back by itself: once it is down, this endpoint is unreachable too.
  z.strictObject({ fault: z.literal("apiDown"), down: z.boolean(), forMs: z.number().int().positive().optional() }),
]);
export type FaultRequest = z.infer<typeof faultSchema>;

const powerSchema = z.strictObject({ vmid, status: z.enum(["running", "stopped"]) });
const migrateSchema = z.strictObject({ vmid, node: z.string() });

export type ControlTarget = {
  sim: ProxmoxSim;
  info(): unknown;
  /** Runs fn after ms unless the sim is closed first. */
  schedule(ms: number, fn: () => void): void;
};

function sendControl(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(payload)), "Cache-Control": "no-store" });
  res.end(payload);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text.length === 0 ? {} : JSON.parse(text);
}

const pveumSchema = z.strictObject({ args: z.array(z.string()) });

/** POST /__sim/pveum answers like the command: its stdout (200), or its error message (500), as plain text. */
function runPveumCommand(target: ControlTarget, body: unknown, res: ServerResponse): void {
  const { args } = pveumSchema.parse(body);
  let status = 200;
  let text: string;
  try {
    text = target.sim.pveum(args);
  } catch (error) {
    status = 500;
    text = `${error instanceof Error ? error.message : String(error)}\n`;
  }
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": String(Buffer.byteLength(text)), "Cache-Control": "no-store" });
  res.end(text);
}

function applyFault(target: ControlTarget, fault: FaultRequest, res: ServerResponse): void {
  const { faults } = target.sim;
  if (fault.fault === "nodeOffline") faults.nodeOffline(fault.node, fault.offline);
  else if (fault.fault === "lock") faults.lock(fault.vmid, fault.lock);
  else if (fault.fault === "startFails") faults.startFails(fault.vmid, fault.message);
  else if (fault.fault === "web") faults.web(fault.vmid, fault.mode);
  else {
    const { down, forMs } = fault;
    // Closing the listener cuts every connection, this one too: answer first.
    res.once("finish", () =>
      setImmediate(() => {
        faults.apiDown(down);
        if (down && forMs !== undefined) target.schedule(forMs, () => faults.apiDown(false));
      }),
    );
  }
}

/** The /__sim/ control plane: JSON in and out, for the CLI and tests that run the sim in another process. */
export async function handleControlRequest(target: ControlTarget, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = `${req.method} ${url.pathname.slice(CONTROL_PREFIX.length - 1)}`;
  try {
    const body = req.method === "POST" ? await readJson(req) : {};
    const { sim } = target;
    switch (route) {
      case "GET /state":
        return sendControl(res, 200, sim.state());
      case "GET /info":
        return sendControl(res, 200, target.info());
      case "GET /stats":
        return sendControl(res, 200, sim.stats());
      case "POST /stats/reset":
        sim.resetStats();
        return sendControl(res, 200, { ok: true });
      case "POST /faults":
        applyFault(target, faultSchema.parse(body), res);
        return sendControl(res, 200, { ok: true });
      case "POST /power": {
        const power = powerSchema.parse(body);
        sim.power(power.vmid, power.status);
        return sendControl(res, 200, { ok: true });
      }
      case "POST /migrate": {
        const move = migrateSchema.parse(body);
        sim.migrate(move.vmid, move.node);
        return sendControl(res, 200, { ok: true });
      }
      case "POST /pveum":
        return runPveumCommand(target, body, res);
      case "POST /timing":
        sim.setTiming(timingSchema.parse(body));
        return sendControl(res, 200, { ok: true });
      default:
        return sendControl(res, 404, { error: `no control endpoint ${route}` });
    }
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    sendControl(res, 400, { error: message });
  }
}
