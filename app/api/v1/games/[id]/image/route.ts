import { handle } from "@/lib/api";
import { getControlPlane } from "@/lib/control-plane";
import { ArcadeError } from "@/lib/errors";
import { pictureGameOrThrow, readPictureFile } from "@/lib/games/read-picture";

/** A game's card picture from its catalogue folder. Anyone may fetch it: a link preview names it without a session. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const game = pictureGameOrThrow(getControlPlane().catalogue, (await params).id);
    const picture = await readPictureFile(game);
    if (!picture) throw new ArcadeError("not_found:image", `${game.name} has no picture file.`);
    return new Response(new Uint8Array(picture.body), {
      headers: {
        "content-type": picture.type,
        "cache-control": "public, max-age=300",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
        "x-content-type-options": "nosniff",
      },
    });
  });
}
