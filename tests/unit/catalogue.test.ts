import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CatalogueError, loadCatalogue } from "@/lib/games";

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function catalogue(games: Record<string, unknown>): string {
  const root = mkdtempSync(path.join(tmpdir(), "catalogue-"));
  dirs.push(root);
  for (const [folder, manifest] of Object.entries(games)) {
    mkdirSync(path.join(root, folder));
    writeFileSync(path.join(root, folder, "game.json"), typeof manifest === "string" ? manifest : JSON.stringify(manifest));
  }
  return root;
}

function problemsOf(root: string): string[] {
  try {
    loadCatalogue(root);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueError);
    return (error as CatalogueError).problems;
  }
  return [];
}

const snake = { id: "snake", name: "Snake", vmid: 2201, url: "http://localhost:8201/" };

describe("the game catalogue", () => {
  it("loads a valid game with its defaults", () => {
    const { games } = loadCatalogue(catalogue({ snake }));
    expect(games).toEqual([
      expect.objectContaining({ id: "snake", probeUrl: "http://localhost:8201/", bootTimeoutSec: 120, aspectRatio: "16/9", upstream: "http://localhost:8201" }),
    ]);
  });

  it("names the file, the field and the fix for each problem", () => {
    const root = catalogue({ snake: { ...snake, vmid: "2201", url: "localhost:8201", extra: 1 } });
    const list = problemsOf(root);
    const file = path.join(root, "snake", "game.json");
    expect(list).toContain(`${file}: field "vmid" is required: the CT number as a number, e.g. "vmid": 2000`);
    expect(list).toContain(`${file}: field "url" must be an http:// or https:// URL, e.g. "url": "https://cartofia.example.com/"`);
    expect(list).toContain(`${file}: unknown field "extra": remove it or check the spelling (see docs/games.md)`);
  });

  it("refuses a copied folder that keeps another game's id as a duplicate", () => {
    const root = catalogue({ snake, "snake-copy": snake });
    expect(problemsOf(root)).toEqual([expect.stringMatching(/snake-copy\/game\.json: field "id" duplicates "snake" of .*snake\/game\.json/)]);
  });

  it("explains broken JSON and a folder without game.json", () => {
    const root = catalogue({ broken: "{ nope" });
    mkdirSync(path.join(root, "empty"));
    const list = problemsOf(root);
    expect(list[0]).toMatch(/broken\/game\.json: is not valid JSON/);
    expect(list[1]).toMatch(/empty: has no game\.json/);
  });

  it("says how to fix a missing catalogue folder", () => {
    expect(problemsOf("/nonexistent/games")[0]).toMatch(/set ARCADE_GAMES_DIR/);
  });

  it("ships a production catalogue that validates", () => {
    const { games } = loadCatalogue("games");
    expect(games.map((g) => [g.id, g.vmid])).toContainEqual(["cartofia", 2000]);
  });
});
