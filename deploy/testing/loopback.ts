import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { request } from "node:http";
import { connect, createServer } from "node:net";

/**
 * Helpers for the deploy integration tests: real nginx and Caddy on loopback. Kept next to the generator so the
 * tests and the configs they exercise move together.
 */

export const NGINX = "/usr/sbin/nginx";
export const CADDY = "/usr/bin/caddy";

/** Throws (failing the test) when a server binary is missing; these tests never skip. */
export function requireBinaryOrThrow(binary: string): void {
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: these tests run the real servers; install them with \`apt-get install -y nginx caddy\``);
  }
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type RunningServer = { child: ChildProcess; output: () => string };

/** Starts a server process and resolves once it accepts connections on the port; rejects with its output if it dies. */
export async function startServer(command: string, args: string[], port: number, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}:\n${output}`);
    if (await canConnect(port)) return { child, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`${command} did not listen on 127.0.0.1:${port} within 10 s:\n${output}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Stops a server started by startServer and waits for it to exit. */
export async function stopServer(server: RunningServer | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Runs a command to completion, e.g. `nginx -t`; returns its status and combined output. */
export function runToEnd(command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 20_000 });
  return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

export type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** One HTTP request to 127.0.0.1 with an explicit Host header. */
export function send(port: number, host: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: { host, ...options.headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer from 127.0.0.1:${port}${path} within 15 s`)));
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Reads a server-sent event stream until `count` events arrived; returns each event's data and arrival time. */
export function collectEvents(port: number, host: string, path: string, count: number): Promise<{ data: string; at: number }[]> {
  return new Promise((resolve, reject) => {
    const events: { data: string; at: number }[] = [];
    const req = request({ host: "127.0.0.1", port, path, headers: { host, accept: "text/event-stream" }, agent: false }, (res) => {
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const data = buffer.slice(0, end).replace(/^data: /, "");
          buffer = buffer.slice(end + 2);
          events.push({ data, at: Date.now() });
        }
        if (events.length >= count) {
          req.destroy();
          resolve(events);
        }
      });
      res.on("end", () => reject(new Error(`stream ended after ${events.length} events`)));
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`only ${events.length} of ${count} events within 10 s`)));
    req.on("error", (error) => {
      if (events.length < count) reject(error);
    });
    req.end();
  });
}

/** Debian's stock nginx.conf in miniature around a generated site file, with every process path under `dir`. */
export function nginxMainConf(dir: string, siteFile: string): string {
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((k) => `${k}_temp_path ${dir}/temp/${k};`).join("\n  ");
  return `${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  gzip on;
  ${temp}
  include ${siteFile};
}
`;
}

/** The installed nginx's version, e.g. "1.22.1", so tests generate the form it understands. */
export function installedNginxVersion(): string {
  const { output } = runToEnd(NGINX, ["-v"]);
  const version = /nginx\/(\d+\.\d+\.\d+)/.exec(output)?.[1];
  if (version === undefined) throw new Error(`cannot read the nginx version from: ${output}`);
  return version;
}
