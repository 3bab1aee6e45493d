import { readFile } from "node:fs/promises";
import path from "node:path";
import { handle } from "@/lib/api";
import { getControlPlane } from "@/lib/control-plane";
import { ArcadeError } from "@/lib/errors";
import { getGameOrThrow } from "@/lib/games";

const types: Record<string, string> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".gif": "image/gif", ".svg": "image/svg+xml" };

/** A game's card picture from its catalogue folder (the manifest only allows a plain file name there). */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const game = getGameOrThrow(getControlPlane().catalogue, (await params).id);
    if (!game.image || /^https?:/.test(game.image)) throw new ArcadeError("not_found:image", `${game.name} has no picture file.`);
    const body = await readFile(path.join(game.dir, path.basename(game.image)));
    return new Response(body, {
      headers: {
        "content-type": types[path.extname(game.image).toLowerCase()] ?? "application/octet-stream",
        "cache-control": "public, max-age=300",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
        "x-content-type-options": "nosniff",
      },
    });
  });
}
