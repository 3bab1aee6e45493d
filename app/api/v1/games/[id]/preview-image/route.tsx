import { ImageResponse } from "next/og";
import { handle } from "@/lib/api";
import { getControlPlane } from "@/lib/control-plane";
import { pictureGameOrThrow, readPictureFile } from "@/lib/games/read-picture";

const WIDTH = 1200;
const HEIGHT = 630;
// Satori (behind ImageResponse) draws these; a WebP picture gets the name card instead.
const drawable = new Set(["image/svg+xml", "image/png", "image/jpeg", "image/gif"]);

// The catalogue is fixed for the life of the process, so each game's card is drawn once (~0.4 s the first time).
const drawn = new Map<string, Promise<ArrayBuffer>>();

async function draw(gameId: string): Promise<ArrayBuffer> {
  const game = pictureGameOrThrow(getControlPlane().catalogue, gameId);
  const picture = await readPictureFile(game);
  const image =
    picture && drawable.has(picture.type) ? (
      // eslint-disable-next-line @next/next/no-img-element -- Satori draws plain <img>; next/image does not exist there.
      <img alt="" src={`data:${picture.type};base64,${picture.body.toString("base64")}`} width={WIDTH} height={HEIGHT} style={{ objectFit: "contain" }} />
    ) : (
      <div style={{ display: "flex", fontSize: 96, fontWeight: 700, color: "#f4f4f5" }}>{game.name}</div>
    );
  const response = new ImageResponse(
    <div style={{ display: "flex", width: "100%", height: "100%", alignItems: "center", justifyContent: "center", background: "#09090b" }}>{image}</div>,
    { width: WIDTH, height: HEIGHT },
  );
  return response.arrayBuffer();
}

/**
 * A game's picture as link previews want it: a 1200×630 PNG (Discord and others show no SVG), drawn from the
 * catalogue's picture file, or the game's name when it has none. Anyone may fetch it, like the picture itself.
 */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const id = pictureGameOrThrow(getControlPlane().catalogue, (await params).id).id;
    let png = drawn.get(id);
    if (!png) {
      png = draw(id);
      drawn.set(id, png);
      png.catch(() => drawn.delete(id));
    }
    return new Response(await png, {
      headers: { "content-type": "image/png", "cache-control": "public, max-age=300", "content-security-policy": "default-src 'none'", "x-content-type-options": "nosniff" },
    });
  });
}
