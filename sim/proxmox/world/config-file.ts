import { createHash } from "node:crypto";
import { SWAP_MiB } from "./metrics";
import type { CtRecord } from "./world";

function withPrefix(ip: string): string {
  return ip.includes("/") ? ip : `${ip}/24`;
}

/** The address eth0 has while running: the static one, or a stable "DHCP lease" derived from the vmid. */
export function guestAddress(ct: CtRecord): { address: string; prefix: number } {
  const [address, prefix] = withPrefix(ct.ip ?? `10.22.${Math.floor(ct.vmid / 250) % 250}.${(ct.vmid % 250) + 2}`).split("/");
  return { address: address!, prefix: Number(prefix) };
}

function net0(ct: CtRecord): string {
  const ip = ct.ip ? `ip=${withPrefix(ct.ip)},gw=${ct.ip.split("/")[0]!.replace(/\.\d+$/, ".1")}` : "ip=dhcp";
  return `name=eth0,bridge=vmbr2,firewall=1,hwaddr=${ct.hwaddr},${ip},type=veth`;
}

/** The CT's /etc/pve/lxc/<vmid>.conf as key/value pairs, in file order. */
export function configEntries(ct: CtRecord): Array<[string, string | number]> {
  const entries: Array<[string, string | number | undefined]> = [
    ["arch", "amd64"],
    ["cores", ct.cores],
    ["features", "nesting=1"],
    ["hostname", ct.hostname ?? `CT${ct.vmid}`],
    ["lock", ct.lock],
    ["memory", ct.memoryMiB],
    ["net0", net0(ct)],
    ["onboot", 0],
    ["ostype", "debian"],
    ["rootfs", `local-lvm:vm-${ct.vmid}-disk-0,size=8G`],
    ["swap", SWAP_MiB],
    ["tags", ct.tags],
    ["template", ct.template ? 1 : undefined],
    ["unprivileged", 1],
  ];
  return entries.filter((entry): entry is [string, string | number] => entry[1] !== undefined);
}

/** GET .../config: the config keys plus `digest`, the SHA1 of the file's text. */
export function configObject(ct: CtRecord): Record<string, string | number> {
  const entries = configEntries(ct);
  const text = entries.map(([key, value]) => `${key}: ${value}\n`).join("");
  return { ...Object.fromEntries(entries), digest: createHash("sha1").update(text).digest("hex") };
}
