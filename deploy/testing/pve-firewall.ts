import { isIP } from "node:net";

/**
 * Reads a generated /etc/pve/firewall/<vmid>.fw back the way pve-firewall does (sections, options, rules in order),
 * so tests judge the text that will be installed, not the generator's data structures. Only the rule options the
 * generator writes are understood; anything else is an error, never silently ignored.
 */

export type ParsedRule = {
  direction: "IN" | "OUT";
  action: "ACCEPT" | "DROP" | "REJECT";
  iface?: string;
  source?: string[];
  dest?: string[];
  proto?: string;
  dport?: string[];
  text: string;
};

export type ParsedFirewall = { options: Record<string, string>; rules: ParsedRule[] };

const optionNames: Record<string, "iface" | "source" | "dest" | "proto" | "dport"> = {
  "-i": "iface",
  "-iface": "iface",
  "-source": "source",
  "-dest": "dest",
  "-p": "proto",
  "-proto": "proto",
  "-dport": "dport",
};

export function parsePveFirewall(text: string): ParsedFirewall {
  const options: Record<string, string> = {};
  const rules: ParsedRule[] = [];
  let section = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const header = /^\[([A-Z]+)\]$/.exec(line);
    if (header) {
      section = header[1]!;
      continue;
    }
    if (section === "OPTIONS") {
      const match = /^([a-z_]+):\s*(\S+)$/.exec(line);
      if (!match) throw new Error(`[OPTIONS]: cannot read "${line}"`);
      options[match[1]!] = match[2]!;
    } else if (section === "RULES") {
      rules.push(parseRule(line));
    } else {
      throw new Error(`line outside a known section: "${line}"`);
    }
  }
  return { options, rules };
}

function parseRule(line: string): ParsedRule {
  const words = line.replace(/\s+#.*$/, "").split(/\s+/);
  const [direction, action, ...rest] = words;
  if ((direction !== "IN" && direction !== "OUT") || (action !== "ACCEPT" && action !== "DROP" && action !== "REJECT")) {
    throw new Error(`[RULES]: cannot read "${line}"`);
  }
  const rule: ParsedRule = { direction, action, text: line };
  for (let i = 0; i < rest.length; i += 2) {
    const key = optionNames[rest[i]!];
    const value = rest[i + 1];
    if (key === undefined || value === undefined) throw new Error(`[RULES]: unknown option ${rest[i]} in "${line}"`);
    if (key === "iface" || key === "proto") rule[key] = value;
    else rule[key] = value.split(",");
  }
  return rule;
}

function ipv4ToNumber(ip: string): number {
  return ip.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

/** Whether an IPv4 address lies in an address or CIDR entry of a -source/-dest list; IPv6 entries never match one. */
export function addressMatches(ip: string, entry: string): boolean {
  const [base = "", prefix] = entry.split("/");
  if (isIP(base) !== 4 || isIP(ip) !== 4) return false;
  const bits = prefix === undefined ? 32 : Number(prefix);
  const size = 2 ** (32 - bits);
  return Math.floor(ipv4ToNumber(ip) / size) === Math.floor(ipv4ToNumber(base) / size);
}

function portMatches(port: number, entry: string): boolean {
  const [low, high = low] = entry.split(":").map(Number);
  return port >= low! && port <= high!;
}

export type Packet = { iface: string; source: string; dest: string; proto: "tcp" | "udp"; dport: number };

export type Verdict = { action: "ACCEPT" | "DROP" | "REJECT"; rule: ParsedRule | undefined };

/** What the guest's firewall does with a new connection in one direction: first matching rule, else the policy. */
export function verdict(firewall: ParsedFirewall, direction: "IN" | "OUT", packet: Packet): Verdict {
  for (const rule of firewall.rules) {
    if (rule.direction !== direction) continue;
    if (rule.iface !== undefined && rule.iface !== packet.iface) continue;
    if (rule.source && !rule.source.some((entry) => addressMatches(packet.source, entry))) continue;
    if (rule.dest && !rule.dest.some((entry) => addressMatches(packet.dest, entry))) continue;
    if (rule.proto !== undefined && rule.proto !== packet.proto) continue;
    if (rule.dport && !rule.dport.some((entry) => portMatches(packet.dport, entry))) continue;
    return { action: rule.action, rule };
  }
  const policy = firewall.options[direction === "IN" ? "policy_in" : "policy_out"] ?? "ACCEPT";
  return { action: policy as Verdict["action"], rule: undefined };
}
