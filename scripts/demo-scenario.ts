import { existsSync } from "node:fs";
import path from "node:path";
import type { Game } from "../lib/games";
import type { SimContainer, SimScenario, SimTiming } from "../sim/proxmox";
import { portOf } from "./catalogue-on-ports";

export const DEMO_TOKEN_ID = "arcade@pve!portal";

/**
 * The simulated cluster behind a catalogue: one CT per distinct vmid on the node its game names, serving the
 * game's own web build (`<game>/web`, then the catalogue's shared `_shell/` if there is one) on the port of its
 * URL (or the one `portFor` moved it to) while it runs.
 */
function webLayers(game: Game): string[] {
  const shell = path.resolve(game.dir, "..", "_shell");
  return [path.resolve(game.dir, "web"), ...(existsSync(shell) ? [shell] : [])];
}

export function scenarioForCatalogue(games: Game[], tokenSecret: string, timing: Partial<SimTiming> = {}, portFor = (port: number) => port): SimScenario {
  const containers = new Map<number, SimContainer>();
  for (const game of games) {
    if (containers.has(game.vmid)) continue;
    containers.set(game.vmid, {
      vmid: game.vmid,
      node: game.node ?? "pve1",
      hostname: game.id,
      memoryMiB: 256,
      cores: 1,
      tags: "arcade",
      ip: `10.22.0.${game.vmid % 200}`,
      web: { port: portFor(portOf(game.url)), root: webLayers(game) },
    });
  }
  const nodes = [...new Set(["pve1", "pve2", ...[...containers.values()].map((c) => c.node)])].map((name) => ({ name }));
  return {
    nodes,
    containers: [...containers.values()],
    tokens: [{ id: DEMO_TOKEN_ID, secret: tokenSecret, privsep: true, acl: [{ path: "/vms", privs: ["VM.Audit", "VM.PowerMgmt"] }] }],
    timing,
  };
}
