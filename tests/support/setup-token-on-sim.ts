import { execFile } from "node:child_process";
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { ProxmoxSim } from "@/sim/proxmox";

const run = promisify(execFile);

/**
 * Runs the real deploy/proxmox/setup-token.sh against a running sim: `pveum` on its PATH is the sim's shim
 * (sim/proxmox/cli/pveum-shim.mjs), so the script's own commands build the sim's users, pool, token and ACLs.
 * Returns its output and the token id and secret it printed for portal.env.
 */
export async function runSetupTokenOnSim(sim: ProxmoxSim, vmids: number[], env: Record<string, string> = {}) {
  const bin = await mkdtemp(path.join(tmpdir(), `setup-token-${process.pid}-`));
  try {
    await symlink(path.resolve("sim/proxmox/cli/pveum-shim.mjs"), path.join(bin, "pveum"));
    // The script insists on root, as pveum does on a node; the sim does not care who runs it.
    if (process.getuid?.() !== 0) await writeFile(path.join(bin, "id"), '#!/bin/sh\n[ "$1" = "-u" ] && echo 0 || exec /usr/bin/id "$@"\n', { mode: 0o755 });
    const { stdout } = await run("bash", ["deploy/proxmox/setup-token.sh", ...vmids.map(String)], {
      env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, PVE_SIM_URL: sim.url, PVE_SIM_CA: sim.caFile },
    });
    const tokenId = /PROXMOX_TOKEN_ID=(\S+)/.exec(stdout)?.[1];
    const secret = /PROXMOX_TOKEN_SECRET=([0-9a-f-]{36})/.exec(stdout)?.[1];
    return { stdout, tokenId, secret };
  } finally {
    await rm(bin, { recursive: true, force: true });
  }
}
