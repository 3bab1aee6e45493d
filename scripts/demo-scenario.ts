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

/**
 * The token's access exactly as deploy/proxmox/setup-token.sh creates it on a real node (role ArcadePower, user
 * arcade@pve, pool arcade holding the game CTs, ACLs on /pool/arcade for the user and its privsep token, and the
 * read-only ArcadeNodeAudit on /nodes), so the
 * demo and the e2e tests run with the production permissions. tests/integration/sim-proxmox-access.test.ts runs
 * the script against the sim and compares.
 */
export function setupTokenAccess(vmids: number[], tokenSecret: string): Pick<SimScenario, "roles" | "pools" | "users" | "tokens"> {
  const acl = [
    { path: "/pool/arcade", role: "ArcadePower" },
    { path: "/nodes", role: "ArcadeNodeAudit" },
  ];
  return {
    roles: { ArcadePower: ["VM.Audit", "VM.PowerMgmt"], ArcadeNodeAudit: ["Sys.Audit"] },
    pools: [{ id: "arcade", vmids }],
    users: [{ id: "arcade@pve", acl }],
    tokens: [{ id: DEMO_TOKEN_ID, secret: tokenSecret, privsep: true, acl }],
  };
}

export function scenarioForCatalogue(games: Game[], tokenSecret: string, timing: Partial<SimTiming> = {}, portalOrigin?: string, portFor = (port: number) => port): SimScenario {
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
    ...setupTokenAccess([...containers.keys()], tokenSecret),
    timing,
    ...(portalOrigin ? { portalOrigin } : {}),
  };
}
