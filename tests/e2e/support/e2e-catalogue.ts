import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A copy of the demo catalogue whose game URLs use free ports, so the tests never collide with a demo that is
 * running on the same machine. Returns the folder and each game's URL.
 */
export async function copyDemoCatalogue(): Promise<{ dir: string; urls: Record<string, string> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "arcade-e2e-games-"));
  cpSync("games-demo", dir, { recursive: true });
  const urls: Record<string, string> = {};
  for (const id of readdirSync(dir)) {
    const file = path.join(dir, id, "game.json");
    let manifest: { url: string };
    try {
      manifest = JSON.parse(readFileSync(file, "utf8")) as { url: string };
    } catch {
      continue;
    }
    const url = new URL(manifest.url);
    url.port = String(await freePort());
    manifest.url = url.toString();
    urls[id] = manifest.url;
    writeFileSync(file, JSON.stringify(manifest, null, 2));
  }
  return { dir, urls };
}

export { freePort };
