import { existsSync } from "node:fs";
import path from "node:path";
import type { Game } from "../lib/games";
import type { SimContainer, SimScenario, SimTiming } from "../sim/proxmox";

export const DEMO_TOKEN_ID = "arcade@pve!portal";

/**
 * The simulated cluster behind a catalogue: one CT per distinct vmid on the node its game names, serving the
 * game's own web build (`<game>/web`, then the catalogue's shared `_shell/` if there is one) on the port of its
 * URL while it runs.
 */
function webLayers(game: Game): string[] {
  const shell = path.resolve(game.dir, "..", "_shell");
  return [path.resolve(game.dir, "web"), ...(existsSync(shell) ? [shell] : [])];
}

export function scenarioForCatalogue(games: Game[], tokenSecret: string, timing: Partial<SimTiming> = {}): SimScenario {
  const containers = new Map<number, SimContainer>();
  for (const game of games) {
    if (containers.has(game.vmid)) continue;
    const url = new URL(game.url);
    containers.set(game.vmid, {
      vmid: game.vmid,
      node: game.node ?? "pve1",
      hostname: game.id,
      memoryMiB: 256,
      cores: 1,
      tags: "arcade",
      ip: `10.22.0.${game.vmid % 200}`,
      web: { port: Number(url.port || 80), root: webLayers(game) },
    });
  }
  const nodes = [...new Set(["pve1", "pve2", ...[...containers.values()].map((c) => c.node)])].map((name) => ({ name }));
  return {
    nodes,
    containers: [...containers.values()],
    // The rights deploy/proxmox/setup-token.sh grants: power over the game CTs, and reading the nodes' load.
    tokens: [
      {
        id: DEMO_TOKEN_ID,
        secret: tokenSecret,
        privsep: true,
        acl: [
          { path: "/vms", privs: ["VM.Audit", "VM.PowerMgmt"] },
          { path: "/nodes", privs: ["Sys.Audit"] },
        ],
      },
    ],
    timing,
  };
}
