import { isIP } from "node:net";
import type { ParsedFirewall, ParsedRule } from "./pve-firewall";

/**
 * Translates a parsed guest firewall into an nftables ruleset for the guest's own network namespace, for the
 * network rehearsal. PVE filters a guest's traffic on the host side of its NIC; inside a namespace the input and
 * output hooks see exactly that traffic. Like PVE: established/related first, then the rules in order (first match
 * wins), then the policy. Loopback stays open (PVE never sees it).
 */
export function nftRulesetFor(firewall: ParsedFirewall, ifnames: Record<string, string>): string {
  const chain = (hook: "input" | "output", direction: "IN" | "OUT") => {
    const policy = firewall.options[direction === "IN" ? "policy_in" : "policy_out"] === "ACCEPT" ? "accept" : "drop";
    const lo = direction === "IN" ? 'iifname "lo" accept' : 'oifname "lo" accept';
    const rules = firewall.rules.filter((r) => r.direction === direction).map((r) => nftRule(r, ifnames));
    return `  chain ${hook} {
    type filter hook ${hook} priority 0; policy ${policy};
    ct state established,related accept
    ${lo}
${rules.map((r) => `    ${r}`).join("\n")}
  }`;
  };
  return `table inet pve_guest {
${chain("input", "IN")}
${chain("output", "OUT")}
}
`;
}

function addresses(kind: "saddr" | "daddr", list: string[]): string {
  const family = isIP(list[0]!.split("/")[0]!) === 6 ? "ip6" : "ip";
  return `${family} ${kind} { ${list.join(", ")} }`;
}

function nftRule(rule: ParsedRule, ifnames: Record<string, string>): string {
  const parts: string[] = [];
  if (rule.iface !== undefined) {
    const ifname = ifnames[rule.iface];
    if (ifname === undefined) throw new Error(`no interface for ${rule.iface} in "${rule.text}"`);
    parts.push(`${rule.direction === "IN" ? "iifname" : "oifname"} "${ifname}"`);
  }
  if (rule.source) parts.push(addresses("saddr", rule.source));
  if (rule.dest) parts.push(addresses("daddr", rule.dest));
  if (rule.dport) {
    if (rule.proto === undefined) throw new Error(`-dport without -p in "${rule.text}"`);
    parts.push(`${rule.proto} dport { ${rule.dport.map((p) => p.replace(":", "-")).join(", ")} }`);
  } else if (rule.proto !== undefined) {
    parts.push(`meta l4proto ${rule.proto}`);
  }
  parts.push(rule.action === "ACCEPT" ? "accept" : rule.action === "DROP" ? "drop" : "reject");
  return parts.join(" ");
}
