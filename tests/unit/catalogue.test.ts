import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CatalogueError, loadCatalogue } from "@/lib/games";
import { scenarioForCatalogue } from "@/scripts/demo-scenario";
import { loadScenarioFile } from "@/sim/proxmox/scenario";

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
    expect(list).toContain(`${file}: field "vmid" must be a number without quotes, e.g. "vmid": 2000`);
    expect(list).toContain(`${file}: field "url" must be an http:// or https:// URL, e.g. "url": "https://cartofia.example.com/"`);
    expect(list).toContain(`${file}: unknown field "extra": remove it or check the spelling (see docs/games.md)`);
  });

  it("tells a missing required field from one of the wrong type", () => {
    const root = catalogue({ missing: {}, wrong: { id: 7, name: ["Snake"], vmid: "2201", url: 8201 } });
    const missing = path.join(root, "missing", "game.json");
    const wrong = path.join(root, "wrong", "game.json");
    expect(problemsOf(root)).toEqual([
      `${missing}: field "id" is required: the folder name, e.g. "id": "cartofia"`,
      `${missing}: field "name" is required: the title shown on the card, e.g. "name": "Cartofia"`,
      `${missing}: field "vmid" is required: the CT number, e.g. "vmid": 2000`,
      `${missing}: field "url" is required: the game's public address, e.g. "url": "https://cartofia.example.com/"`,
      `${wrong}: field "id" must be text in quotes, the folder name, e.g. "id": "cartofia"`,
      `${wrong}: field "name" must be text in quotes, e.g. "name": "Cartofia"`,
      `${wrong}: field "vmid" must be a number without quotes, e.g. "vmid": 2000`,
      `${wrong}: field "url" must be a text URL in quotes, e.g. "url": "https://cartofia.example.com/"`,
    ]);
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

  it("ships a simulator scenario that serves each demo game where its game.json says, as `npm run demo` does", async () => {
    const { games } = loadCatalogue("games-demo");
    const shape = (containers: Array<{ vmid: number; node: string; web?: { port?: number; root?: string | string[] } }>) =>
      containers.map(({ vmid, node, web }) => ({ vmid, node, port: web?.port, root: web?.root })).sort((a, b) => a.vmid - b.vmid);
    const scenario = await loadScenarioFile("sim/proxmox/scenarios/demo.json");
    expect(shape(scenario.containers)).toEqual(shape(scenarioForCatalogue(games, "unused").containers));
  });
});
