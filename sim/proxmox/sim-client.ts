import { Agent, fetch } from "undici";

export type SimReply = { status: number; statusText: string; headers: Headers; text: string; body: unknown };
export type SimRequest = { query?: Record<string, string>; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> };

/**
 * A bare HTTP client for the sim's API, trusting only the sim's CA: for tests and scripts that must see the raw
 * wire (status line, headers, body) rather than go through lib/proxmox.
 */
export function createSimClient(options: { url: string; caPem?: string; token?: { id: string; secret: string } }) {
  const agent = new Agent({ connect: options.caPem ? { ca: options.caPem } : {} });
  const authorization = options.token ? { authorization: `PVEAPIToken=${options.token.id}=${options.token.secret}` } : {};

  async function request(method: string, path: string, req: SimRequest = {}): Promise<SimReply> {
    const query = req.query ? `?${new URLSearchParams(req.query)}` : "";
    const body = req.json !== undefined ? JSON.stringify(req.json) : req.form ? new URLSearchParams(req.form).toString() : undefined;
    const contentType = req.json !== undefined ? "application/json" : req.form ? "application/x-www-form-urlencoded" : undefined;
    const response = await fetch(`${options.url}/api2/json${path}${query}`, {
      method,
      dispatcher: agent,
      headers: { ...authorization, ...(contentType ? { "content-type": contentType } : {}), ...req.headers },
      body,
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, statusText: response.statusText, headers: response.headers as unknown as Headers, text, body: parsed };
  }

  return {
    request,
    get: (path: string, query?: Record<string, string>) => request("GET", path, { query }),
    post: (path: string, form?: Record<string, string>) => request("POST", path, { form }),
    /** Polls a task until it has stopped; returns its final status object. */
    async waitForTask(node: string, upid: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const reply = await request("GET", `/nodes/${node}/tasks/${encodeURIComponent(upid)}/status`);
        const data = (reply.body as { data?: Record<string, unknown> } | undefined)?.data;
        if (data?.status === "stopped") return data;
        if (Date.now() > deadline) throw new Error(`task ${upid} still ${String(data?.status)} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => agent.close(),
  };
}

export type SimClient = ReturnType<typeof createSimClient>;
