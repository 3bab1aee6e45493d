import { hashComment } from "./generated-header";
import type { DeploymentPlan } from "./plan-deployment";
import type { FirewallRule, GuestFirewall } from "./plan-firewall";

/** A rule in PVE's own syntax: `DIRECTION ACTION -i netN [-source …] [-dest …] [-p …] [-dport …] # comment`. */
export function renderRule(rule: FirewallRule): string {
  const parts = [rule.direction, rule.action, "-i", rule.iface];
  if (rule.source !== undefined) parts.push("-source", rule.source);
  if (rule.dest !== undefined) parts.push("-dest", rule.dest);
  if (rule.proto !== undefined) parts.push("-p", rule.proto);
  if (rule.dport !== undefined) parts.push("-dport", rule.dport);
  return `${parts.join(" ")} # ${rule.comment}`;
}

/**
 * /etc/pve/firewall/<vmid>.fw for one CT: on, both policies DROP, anti-spoofing on (for a CT, its configured
 * addresses are the allowed ones), and exactly the flows of the design. Takes effect only with the datacenter
 * firewall on and `firewall=1` on each NIC.
 */
export function renderFirewall(plan: DeploymentPlan, guest: GuestFirewall): string {
  const nics = guest.nics.map((n) => `${n.name} on ${n.bridge}`).join(", ");
  return `${hashComment(plan, [`CT${guest.vmid}, ${guest.role} (${nics}): /etc/pve/firewall/${guest.vmid}.fw on the Proxmox node.`])}
[OPTIONS]
enable: 1
policy_in: DROP
policy_out: DROP
ipfilter: 1
macfilter: 1

[RULES]
${guest.rules.map(renderRule).join("\n")}
`;
}
