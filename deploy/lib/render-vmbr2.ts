import { hashComment } from "./generated-header";
import type { DeploymentPlan } from "./plan-deployment";

/** 10.22.0.1/24 → 10.22.0.0/24. */
export function networkOf(cidr: string): string {
  const [address = "", prefix = "32"] = cidr.split("/");
  const bits = Number(prefix);
  const value = address.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
  const network = bits === 0 ? 0 : value - (value % 2 ** (32 - bits));
  return `${[24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join(".")}/${bits}`;
}

/**
 * The games bridge for /etc/network/interfaces on the node. By default the node has no address on it and routes
 * nothing: game CTs share a segment with the gateway and the portal only. With `"gameUpdates": true` the node gets
 * an address there, forwards and masquerades vmbr2 out of the uplink; the game CTs' firewall files then allow DNS
 * and HTTP(S) to the internet and still nothing to the LAN.
 */
export function renderVmbr2(plan: DeploymentPlan): string {
  const net = plan.site.network;
  const header = hashComment(plan, [
    "Proxmox node: append to /etc/network/interfaces (replacing an older vmbr2 stanza), then `ifreload -a`.",
    plan.site.gameUpdates
      ? `"gameUpdates": true: the node is ${net.vmbr2Address} on vmbr2 and NATs game CTs out of ${net.uplink} (create game CTs with GATEWAY=${net.vmbr2Address.split("/")[0]}).`
      : 'Isolated: no node address, no forwarding, no NAT. To install packages in a game CT, give it a temporary NIC on vmbr0 (docs/deploy.md), or set "gameUpdates": true.',
  ]);
  const common = ["        bridge-ports none", "        bridge-stp off", "        bridge-fd 0"];
  if (!plan.site.gameUpdates) return `${header}\nauto vmbr2\niface vmbr2 inet manual\n${common.join("\n")}\n`;
  const nat = `-s '${networkOf(net.vmbr2Address)}' -o ${net.uplink} -j MASQUERADE`;
  return `${header}
auto vmbr2
iface vmbr2 inet static
        address ${net.vmbr2Address}
${common.join("\n")}
        post-up   echo 1 > /proc/sys/net/ipv4/ip_forward
        post-up   iptables -t nat -A POSTROUTING ${nat}
        post-down iptables -t nat -D POSTROUTING ${nat}
        # With the Proxmox firewall on, NATed guest traffic needs its own conntrack zone (pve-docs, "Masquerading (NAT) with iptables").
        post-up   iptables -t raw -I PREROUTING -i fwbr+ -j CT --zone 1
        post-down iptables -t raw -D PREROUTING -i fwbr+ -j CT --zone 1
`;
}
