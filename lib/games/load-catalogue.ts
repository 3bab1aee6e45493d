import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ArcadeError } from "../errors";
import { DEFAULT_MAX_SCORE } from "../scores/score-rules";
import { DEFAULT_BOOT_TIMEOUT_SEC, type Game, gameManifestSchema } from "./manifest-schema";

export class CatalogueError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`The game catalogue has problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "CatalogueError";
    this.problems = problems;
  }
}

export type Catalogue = {
  games: Game[];
  byId: Map<string, Game>;
};

function fieldName(pathParts: PropertyKey[]): string {
  return pathParts.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[");
}

function readManifest(dir: string, file: string, problems: string[]): Game | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    problems.push(`${file}: is not valid JSON (${(error as Error).message}); fix the syntax, e.g. with \`node -e "JSON.parse(require('fs').readFileSync('${file}','utf8'))"\``);
    return undefined;
  }
  const result = gameManifestSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        problems.push(`${file}: unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}: remove it or check the spelling (see docs/games.md)`);
      } else {
        problems.push(`${file}: field "${fieldName(issue.path)}" ${issue.message}`);
      }
    }
    return undefined;
  }
  const m = result.data;
  if (m.image !== undefined && !/^https?:/.test(m.image) && !existsSync(path.join(dir, m.image))) {
    problems.push(`${file}: field "image" names ${m.image}, which is not in ${dir}: add the file or remove the field`);
    return undefined;
  }
  const probeUrl = m.probeUrl ?? m.url;
  return {
    id: m.id,
    name: m.name,
    vmid: m.vmid,
    url: m.url,
    node: m.node,
    probeUrl,
    description: m.description ?? "",
    image: m.image,
    bootTimeoutSec: m.bootTimeoutSec ?? DEFAULT_BOOT_TIMEOUT_SEC,
    controls: m.controls ?? [],
    aspectRatio: m.aspectRatio ?? "16/9",
    upstream: m.upstream ?? new URL(probeUrl).origin,
    idleStopMinutes: m.idleStopMinutes,
    maxScore: m.maxScore ?? DEFAULT_MAX_SCORE,
    multiplayer: m.multiplayer ?? false,
    dir,
  };
}

/** Reads every `<gamesDir>/<id>/game.json`; throws CatalogueError listing file, field and fix for each problem. */
export function loadCatalogue(gamesDir: string): Catalogue {
  if (!existsSync(gamesDir) || !statSync(gamesDir).isDirectory()) {
    throw new CatalogueError([`${gamesDir}: the catalogue folder does not exist: create it or set ARCADE_GAMES_DIR to the folder that holds <id>/game.json`]);
  }
  const problems: string[] = [];
  const games: Game[] = [];
  const folders = readdirSync(gamesDir, { withFileTypes: true })
    // Folders starting with "." or "_" hold other things (e.g. the demo games' shared shell), not games.
    .filter((entry) => entry.isDirectory() && !/^[._]/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const dir = path.join(gamesDir, folder);
    const file = path.join(dir, "game.json");
    if (!existsSync(file)) {
      problems.push(`${dir}: has no game.json: add one (see docs/games.md) or move the folder out of ${gamesDir}`);
      continue;
    }
    const game = readManifest(dir, file, problems);
    if (game) games.push(game);
  }
  // The id is the folder name, so a copied folder that keeps its old id is the one way to get a duplicate.
  const folderOf = new Map(games.map((g) => [path.basename(g.dir), g]));
  const byId = new Map<string, Game>();
  for (const game of games) {
    const folder = path.basename(game.dir);
    const file = path.join(game.dir, "game.json");
    if (game.id !== folder) {
      const owner = folderOf.get(game.id);
      problems.push(
        owner
          ? `${file}: field "id" duplicates "${game.id}" of ${path.join(owner.dir, "game.json")}: give each game its own id, equal to its folder name ("${folder}")`
          : `${file}: field "id" is "${game.id}" but the folder is "${folder}": rename the folder or set "id": "${folder}"`,
      );
      continue;
    }
    byId.set(game.id, game);
  }
  if (problems.length > 0) throw new CatalogueError(problems);
  return { games: [...byId.values()], byId };
}

/** The game with that id, or a not_found error that says which ids exist. */
export function getGameOrThrow(catalogue: Catalogue, id: string): Game {
  const game = catalogue.byId.get(id);
  if (!game) {
    const known = catalogue.games.map((g) => g.id).join(", ") || "none";
    throw new ArcadeError("not_found:game", `There is no game "${id}". Known games: ${known}.`);
  }
  return game;
}
