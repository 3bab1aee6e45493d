import { readFile } from "node:fs/promises";
import path from "node:path";
import { ArcadeError } from "../errors";
import type { Catalogue } from "./load-catalogue";
import type { Game } from "./manifest-schema";

const types: Record<string, string> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".gif": "image/gif", ".svg": "image/svg+xml" };

/**
 * A catalogue game for the picture routes, which anyone may fetch (link previews come without a session): an
 * unknown id gets a plain 404 that does not list the catalogue, as the signed-in API's does.
 */
export function pictureGameOrThrow(catalogue: Catalogue, id: string): Game {
  const game = catalogue.byId.get(id);
  if (!game) throw new ArcadeError("not_found:image", "There is no such game picture.");
  return game;
}

/** A game's picture file from its catalogue folder (game.json may name only a plain file there), or null without one. */
export async function readPictureFile(game: Game): Promise<{ body: Buffer; type: string } | null> {
  if (!game.image || /^https?:/.test(game.image)) return null;
  const body = await readFile(path.join(game.dir, path.basename(game.image)));
  return { body, type: types[path.extname(game.image).toLowerCase()] ?? "application/octet-stream" };
}
