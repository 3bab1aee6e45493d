import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Game } from "../lib/games";

/** The port a game's URL names (80 or 443 when it names none). */
export function portOf(url: string): number {
  const parsed = new URL(url);
  return Number(parsed.port || (parsed.protocol === "https:" ? 443 : 80));
}

/**
 * The catalogue as the portal should read it when the simulated game servers had to move to other ports: the
 * folder itself when every game kept its port, else a copy (game.json with the URLs following the ports, and the
 * cover image) in `copyDir`. The games' web builds stay where they are; the simulator serves them from there.
 */
export function catalogueOnPorts(gamesDir: string, games: Game[], portFor: (port: number) => number, copyDir: string): string {
  if (games.every((game) => portFor(portOf(game.url)) === portOf(game.url))) return path.resolve(gamesDir);
  const follow = (url: string) => {
    const parsed = new URL(url);
    parsed.port = String(portFor(portOf(url)));
    return parsed.toString();
  };
  rmSync(copyDir, { recursive: true, force: true });
  for (const game of games) {
    const folder = path.join(copyDir, path.basename(game.dir));
    mkdirSync(folder, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(game.dir, "game.json"), "utf8")) as { url: string; probeUrl?: string };
    manifest.url = follow(manifest.url);
    if (manifest.probeUrl) manifest.probeUrl = follow(manifest.probeUrl);
    writeFileSync(path.join(folder, "game.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    if (game.image && !/^https?:/.test(game.image)) copyFileSync(path.join(game.dir, game.image), path.join(folder, path.basename(game.image)));
  }
  return path.resolve(copyDir);
}
