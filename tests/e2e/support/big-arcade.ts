import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encodeActingUser } from "@/lib/api/authenticate-bearer";
import type { ActingUser } from "@/lib/api/schemas";
import type { DiscordSimConfig } from "@/sim/discord";
import { loadDiscordDemoConfig, startStack, type Stack } from "../../../scripts/stack";
import { longText, MAX_PLAYER_NAME, maxLengthManifest } from "../../support/big-catalogue";
import { freePort } from "./e2e-catalogue";

export const GAME_COUNT = 60;
export const PLAYER_COUNT = 50;

export type BigArcade = {
  stack: Stack;
  config: DiscordSimConfig;
  games: Array<{ id: string; name: string }>;
  players: ActingUser[];
  close(): Promise<void>;
};

/**
 * 60 games with every manifest field at its maximum length, each in its own CT. The first one serves the demo's
 * Snake, so it can really boot; the others share the demo shell.
 */
async function writeCatalogue(dir: string): Promise<Array<{ id: string; name: string }>> {
  cpSync("games-demo/_shell", path.join(dir, "_shell"), { recursive: true });
  const games: Array<{ id: string; name: string }> = [];
  for (let i = 0; i < GAME_COUNT; i++) {
    const manifest = maxLengthManifest(i);
    const folder = path.join(dir, manifest.id);
    mkdirSync(folder);
    if (i === 0) cpSync("games-demo/snake/web", path.join(folder, "web"), { recursive: true });
    const url = `http://localhost:${await freePort()}/`;
    writeFileSync(path.join(folder, "game.json"), JSON.stringify({ ...manifest, vmid: 3000 + i, url, node: "pve1", bootTimeoutSec: 60 }));
    games.push({ id: manifest.id, name: manifest.name });
  }
  return games;
}

/** The demo guild plus 50 more members, who will all be playing. */
function discordConfigWithPlayers(): { config: DiscordSimConfig; players: ActingUser[] } {
  const config = loadDiscordDemoConfig();
  const friends = config.guild.roles.find((role) => role.name === "Friends")!.id;
  const players: ActingUser[] = Array.from({ length: PLAYER_COUNT }, (_, i) => ({
    id: String(700_000_000_000_000_000n + BigInt(i)),
    name: longText(`Player ${i}`, MAX_PLAYER_NAME),
    avatarUrl: null,
    roles: [friends],
    isGuildOwner: false,
  }));
  const users = players.map((p, i) => ({ id: p.id, username: `player_${i}`, globalName: longText(`Player ${i}`, 32), member: { roles: [friends] } }));
  return { config: { ...config, users: [...config.users, ...users] }, players };
}

/** A second arcade for the limits specs: the production portal with the big catalogue, both sims, 50 players. */
export async function startBigArcade(): Promise<BigArcade> {
  const catalogueDir = mkdtempSync(path.join(tmpdir(), "arcade-e2e-big-games-"));
  const dataDir = mkdtempSync(path.join(tmpdir(), "arcade-e2e-big-data-"));
  const remove = () => {
    rmSync(catalogueDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const games = await writeCatalogue(catalogueDir);
    const { config, players } = discordConfigWithPlayers();
    const stack = await startStack({
      gamesDir: catalogueDir,
      dataDir,
      port: await freePort(),
      discordConfig: config,
      timing: { startMs: 600, webDelayMs: 200, guestShutdownMs: 300, resourcesRefreshMs: 300, authFailDelayMs: 0 },
      env: { ARCADE_POLL_FAST_MS: "300", ARCADE_POLL_SLOW_MS: "800" },
      log: process.env.E2E_VERBOSE ? (line) => console.log(line) : undefined,
    });
    return {
      stack,
      config,
      games,
      players,
      async close() {
        await stack.close();
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/** The play page's heartbeat, sent for `player` through the API the way the bot names a user. */
export async function reportPlaying(arcade: BigArcade, gameId: string, player: ActingUser): Promise<number> {
  const response = await fetch(`${arcade.stack.url}/api/v1/games/${gameId}/presence`, {
    method: "POST",
    headers: { authorization: `Bearer ${arcade.stack.apiToken}`, "x-arcade-acting-user": encodeActingUser(player) },
  });
  return response.status;
}
