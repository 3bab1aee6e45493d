import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "@/lib/games";

const demoDir = fileURLToPath(new URL("../../games-demo", import.meta.url));
const catalogue = loadCatalogue(demoDir);
const WEB_BUDGET_BYTES = 40 * 1024;
const SDK_BUDGET_BYTES = 6 * 1024;
const COVER_BUDGET_BYTES = 8 * 1024;
const SDK_NAME = "cartofia-arcade.js";
const servedSdk = fileURLToPath(new URL(`../../public/sdk/${SDK_NAME}`, import.meta.url));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

const webDir = (dir: string) => path.join(dir, "web");
const shellDir = path.join(demoDir, "_shell");
/** What a demo CT serves: the game's own files, then the shared shell (scripts/demo-scenario.ts). */
const webLayers = (dir: string) => [webDir(dir), shellDir];
const read = (file: string) => readFileSync(file, "utf8");

describe("the demo catalogue (games-demo/)", () => {
  it("loads every game folder through the real catalogue loader", () => {
    const folders = readdirSync(demoDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !/^[._]/.test(entry.name))
      .map((entry) => entry.name)
      .sort();
    expect(catalogue.games.map((g) => g.id).sort()).toEqual(folders);
    expect(folders).toEqual(["brick-blitz", "snake", "star-dodge"]);
  });

  it("gives each game its own CT and its own port, so the demo can host each one separately", () => {
    const vmids = catalogue.games.map((g) => g.vmid);
    const ports = catalogue.games.map((g) => new URL(g.url).port);
    expect(new Set(vmids).size).toBe(vmids.length);
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) expect(port).not.toBe("");
  });

  it("writes controls and a description a player can read on the card", () => {
    for (const game of catalogue.games) {
      expect(game.description.length, game.id).toBeGreaterThan(40);
      expect(game.controls.length, game.id).toBeGreaterThanOrEqual(3);
      expect(game.controls.join(" "), game.id).toMatch(/P or Esc: pause/);
      expect(game.bootTimeoutSec, game.id).toBe(60);
    }
  });

  it("ships a small 16:9 SVG cover for each card", () => {
    for (const game of catalogue.games) {
      expect(game.image, game.id).toBe("cover.svg");
      const cover = path.join(game.dir, "cover.svg");
      expect(statSync(cover).size, game.id).toBeLessThan(COVER_BUDGET_BYTES);
      const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(read(cover)) ?? [];
      expect(Number(w) / Number(h), game.id).toBeCloseTo(16 / 9, 3);
    }
  });

  it("has a web root whose page names its own game and matches the card's aspect ratio", () => {
    for (const game of catalogue.games) {
      const html = read(path.join(webDir(game.dir), "index.html"));
      expect(html, game.id).toMatch(/<html lang="en">/);
      expect(html, game.id).toContain(`<title>${game.name} `);
      expect(html, game.id).toContain(`data-game="${game.id}"`);
      const [, width, height] = /data-width="(\d+)" data-height="(\d+)"/.exec(html) ?? [];
      const [cardW, cardH] = game.aspectRatio.split("/").map(Number);
      expect(Number(width) / Number(height), game.id).toBeCloseTo(Number(cardW) / Number(cardH), 3);
    }
  });

  it("works offline: no absolute URLs in any web file, and every file the page references is there", () => {
    for (const game of catalogue.games) {
      const root = webDir(game.dir);
      for (const file of webLayers(game.dir).flatMap(listFiles)) {
        const text = read(file);
        const name = path.relative(demoDir, file);
        expect(text, name).not.toMatch(/\b(?:https?|wss?):\/\//i);
        expect(text, name).not.toMatch(/(?:src|href)\s*=\s*["']?\/\/|url\(\s*["']?\/\/|@import/i);
      }
      const html = read(path.join(root, "index.html"));
      const refs = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? "");
      expect(refs.length, game.id).toBeGreaterThan(3);
      for (const ref of refs.filter((r) => !r.startsWith("data:"))) {
        expect(ref, `${game.id}: ${ref}`).toMatch(/^[a-z0-9][a-z0-9./-]*$/i);
        const found = webLayers(game.dir).some((layer) => statSync(path.join(layer, ref), { throwIfNoEntry: false })?.isFile());
        expect(found, `${game.id}: ${ref}`).toBe(true);
      }
    }
  });

  it("keeps each game's web root under 40 KB, and the arcade SDK it carries under 6 KB", () => {
    for (const game of catalogue.games) {
      const files = webLayers(game.dir).flatMap(listFiles).filter((file) => path.basename(file) !== SDK_NAME);
      const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
      expect(bytes, game.id).toBeLessThan(WEB_BUDGET_BYTES);
    }
    expect(statSync(servedSdk).size).toBeLessThan(SDK_BUDGET_BYTES);
  });

  it("keeps one shared shell that every game's page loads from its own web root", () => {
    expect(readdirSync(path.join(shellDir, "arcade")).sort()).toEqual(["arcade.css", "cartofia-arcade.js", "input.js", "screen.js", "shell.js", "sound.js"]);
    for (const game of catalogue.games) {
      expect(read(path.join(webDir(game.dir), "index.html")), game.id).toContain('src="arcade/shell.js"');
      expect(statSync(path.join(webDir(game.dir), "arcade"), { throwIfNoEntry: false }), `${game.id} keeps no copy of its own`).toBeUndefined();
    }
  });

  it("carries the very SDK the portal serves at /sdk/cartofia-arcade.js, loaded before the shell that uses it", () => {
    const copy = path.join(shellDir, "arcade", SDK_NAME);
    expect(read(copy), `${path.relative(process.cwd(), copy)} differs from public/sdk/${SDK_NAME}: copy it over again`).toBe(read(servedSdk));
    for (const game of catalogue.games) {
      const html = read(path.join(webDir(game.dir), "index.html"));
      const sdkAt = html.indexOf(`<script defer src="arcade/${SDK_NAME}"></script>`);
      expect(sdkAt, game.id).toBeGreaterThan(0);
      expect(sdkAt, game.id).toBeLessThan(html.indexOf('<script defer src="arcade/shell.js"></script>'));
    }
  });
});
