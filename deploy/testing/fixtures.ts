import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Game, type GameManifestInput, loadCatalogue } from "../../lib/games";

/** Writes <id>/game.json files into a fresh folder under `parent` and loads them through the real catalogue loader. */
export function writeCatalogue(manifests: GameManifestInput[], parent = tmpdir()): { dir: string; games: Game[] } {
  const dir = mkdtempSync(path.join(parent, "arcade-games-"));
  for (const manifest of manifests) {
    mkdirSync(path.join(dir, manifest.id));
    writeFileSync(path.join(dir, manifest.id, "game.json"), JSON.stringify(manifest, null, 2));
  }
  return { dir, games: loadCatalogue(dir).games };
}

/** A minimal valid manifest for a game on a CT. */
export function manifest(id: string, vmid: number, upstream: string): GameManifestInput {
  return { id, name: id[0]!.toUpperCase() + id.slice(1), vmid, url: `https://${id}.example.com/`, upstream };
}

/** The "network" section of a site settings file, as in deploy/site.example.json. */
export const exampleNetwork = {
  proxmox: ["192.168.1.2"],
  dns: ["192.168.1.1"],
  portal: { lan: "192.168.1.21" },
  bot: { lan: "192.168.1.20" },
};
