import { execFileSync, spawnSync } from "node:child_process";

/**
 * Network namespaces for the deploy rehearsal: one per CT plus a "node" holding the bridges, never connected to
 * the machine's own network (no veth to the root namespace, no forwarding out). Every name carries the test's
 * pid, and namespaces left by a dead run are swept before a new one starts.
 */

const PREFIX = "arcade-rehearsal";

function ip(...args: string[]): string {
  return execFileSync("ip", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Runs a command inside a namespace; throws with its output when it fails. */
export function inNamespace(ns: string, command: string[], input?: string): string {
  return execFileSync("ip", ["netns", "exec", ns, ...command], { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"] });
}

/** Runs a command inside a namespace and returns its status and output, whatever happened. */
export function tryInNamespace(ns: string, command: string[], timeoutMs = 15_000): { status: number | null; output: string } {
  const result = spawnSync("ip", ["netns", "exec", ns, ...command], { encoding: "utf8", timeout: timeoutMs });
  return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Kills whatever still runs inside a namespace and deletes it. */
export function deleteNamespace(ns: string): void {
  const pids = spawnSync("ip", ["netns", "pids", ns], { encoding: "utf8" }).stdout?.split(/\s+/).filter(Boolean) ?? [];
  for (const pid of pids) {
    try {
      process.kill(Number(pid), "SIGKILL");
    } catch {
      // already gone
    }
  }
  spawnSync("ip", ["netns", "delete", ns]);
}

/** Deletes rehearsal namespaces whose test process is gone (a run that was killed before its cleanup). */
export function sweepStaleNamespaces(): void {
  for (const line of ip("netns", "list").split("\n")) {
    const name = line.split(" ")[0] ?? "";
    const match = new RegExp(`^${PREFIX}-(\\d+)-`).exec(name);
    if (match && !alive(Number(match[1]))) deleteNamespace(name);
  }
}

export type Rehearsal = {
  /** Namespace name for a role (a CT id, "node" or "lan"). */
  ns(role: string | number): string;
  /** Adds a host on a bridge of the node: a veth whose inside end is `ifname` with `cidr`. */
  attach(role: string | number, bridge: "vmbr0" | "vmbr2", ifname: string, cidr: string): void;
  route(role: string | number, via: string): void;
  cleanup(): void;
};

/** Creates the node namespace with vmbr0 and vmbr2 (Linux bridges); hosts are attached with `attach`. */
export function createRehearsal(): Rehearsal {
  sweepStaleNamespaces();
  const created: string[] = [];
  const ns = (role: string | number) => `${PREFIX}-${process.pid}-${role}`;
  const ensure = (role: string | number) => {
    const name = ns(role);
    if (created.includes(name)) return name;
    ip("netns", "add", name);
    created.push(name);
    inNamespace(name, ["ip", "link", "set", "lo", "up"]);
    return name;
  };
  const node = ensure("node");
  for (const bridge of ["vmbr0", "vmbr2"]) {
    inNamespace(node, ["ip", "link", "add", bridge, "type", "bridge"]);
    inNamespace(node, ["ip", "link", "set", bridge, "up"]);
  }
  let veths = 0;
  return {
    ns,
    attach(role, bridge, ifname, cidr) {
      const host = ensure(role);
      const outside = `veth${veths++}`;
      inNamespace(node, ["ip", "link", "add", outside, "type", "veth", "peer", "name", ifname, "netns", host]);
      inNamespace(node, ["ip", "link", "set", outside, "master", bridge, "up"]);
      inNamespace(host, ["ip", "addr", "add", cidr, "dev", ifname]);
      inNamespace(host, ["ip", "link", "set", ifname, "up"]);
    },
    route(role, via) {
      inNamespace(ns(role), ["ip", "route", "add", "default", "via", via]);
    },
    cleanup() {
      for (const name of created.reverse()) deleteNamespace(name);
      created.length = 0;
    },
  };
}
