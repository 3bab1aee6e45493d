import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createControlPlane, type ControlPlane } from "@/lib/control-plane";
import { readPortalEnv, type PortalEnv } from "@/lib/env";
import type { GameState } from "@/lib/status";
import { type ProxmoxSim, type SimAclEntry, type SimContainer, type SimNode, type SimScenario, type SimTiming, startProxmoxSim } from "@/sim/proxmox";

export const TOKEN_ID = "arcade@pve!portal";
export const TOKEN_SECRET = "5f0c7a1e-2b3d-4c5e-8f90-a1b2c3d4e5f6";

export type HarnessGame = { id: string; vmid: number; bootTimeoutSec?: number; node?: string; maxScore?: number };

export type HarnessOptions = {
  nodes?: SimNode[];
  containers: SimContainer[];
  games: HarnessGame[];
  timing?: Partial<SimTiming>;
  env?: Record<string, string>;
  /** Users, roles, pools and tokens instead of the default all-powerful token. */
  access?: Pick<SimScenario, "users" | "roles" | "pools" | "tokens">;
  /** Runs against the sim before the control plane starts; returns more environment (e.g. a token it created). */
  prepare?: (sim: ProxmoxSim) => Promise<Record<string, string>>;
  /** The default portal token's ACL in the sim; absent = every privilege. */
  acl?: SimAclEntry[];
  /** pve-manager version the sim speaks; default the sim's own. */
  version?: string;
};

const lifecycleTiming = { taskPollMs: 100, runningPollMs: 100, probeIntervalMs: 100, probeTimeoutMs: 500, defaultShutdownTimeoutSec: 2 };

/**
 * The real control plane (real client over HTTPS, real SQLite, real lifecycle and watcher) against sim/proxmox
 * on loopback, with a catalogue written for the simulated CTs' web servers.
 */
export class ControlPlaneHarness {
  cp!: ControlPlane;
  env!: PortalEnv;
  private constructor(
    readonly sim: ProxmoxSim,
    readonly dir: string,
  ) {}

  static async start(options: HarnessOptions): Promise<ControlPlaneHarness> {
    const sim = await startProxmoxSim({
      version: options.version,
      nodes: options.nodes,
      containers: options.containers.map((ct) => ({ web: {}, ...ct })),
      tokens: [{ id: TOKEN_ID, secret: TOKEN_SECRET, acl: options.acl }],
      ...options.access,
      timing: { startMs: 300, stopMs: 100, guestShutdownMs: 200, webDelayMs: 100, authFailDelayMs: 0, resourcesRefreshMs: 0, ...options.timing },
    });
    const dir = mkdtempSync(path.join(tmpdir(), "arcade-it-"));
    for (const game of options.games) {
      mkdirSync(path.join(dir, "games", game.id), { recursive: true });
      const manifest = { id: game.id, name: game.id, vmid: game.vmid, url: sim.webUrl(game.vmid), bootTimeoutSec: game.bootTimeoutSec ?? 10, node: game.node, maxScore: game.maxScore };
      writeFileSync(path.join(dir, "games", game.id, "game.json"), JSON.stringify(manifest));
    }
    const harness = new ControlPlaneHarness(sim, dir);
    let prepared: Record<string, string> = {};
    try {
      prepared = (await options.prepare?.(sim)) ?? {};
    } catch (error) {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    harness.env = readPortalEnv({
      PROXMOX_URL: sim.url,
      PROXMOX_TOKEN_ID: TOKEN_ID,
      PROXMOX_TOKEN_SECRET: TOKEN_SECRET,
      PROXMOX_CA_FILE: sim.caFile,
      PROXMOX_TIMEOUT_MS: "3000",
      ARCADE_GAMES_DIR: path.join(dir, "games"),
      ARCADE_DB: path.join(dir, "arcade.db"),
      ARCADE_POLL_FAST_MS: "200",
      ARCADE_POLL_SLOW_MS: "400",
      AUTH_SECRET: "x".repeat(40),
      AUTH_DISCORD_ID: "123456789012345678",
      AUTH_DISCORD_SECRET: "secret",
      DISCORD_GUILD_ID: "223456789012345678",
      DISCORD_TOKEN: "bot",
      ...options.env,
      ...prepared,
    });
    harness.cp = createControlPlane({ env: harness.env, timing: lifecycleTiming });
    return harness;
  }

  /**
   * Closes the control plane as a killed portal would leave it, and builds a new one on the same database;
   * `whileDown` runs in between (what happens while no portal runs: a restore, an outside stop, or the database
   * left as a crash at another moment would have left it).
   */
  async restart(whileDown?: () => void | Promise<void>): Promise<void> {
    await this.cp.close();
    await whileDown?.();
    this.cp = createControlPlane({ env: this.env, timing: lifecycleTiming });
  }

  state(gameId: string): GameState | undefined {
    return this.cp.lifecycle.board.get(gameId)?.state;
  }

  /** Resolves with the game's status once it is in `state`; fails with what it was in otherwise. */
  async waitForState(gameId: string, state: GameState, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = this.cp.lifecycle.board.get(gameId)!;
      if (status.state === state) return status;
      if (Date.now() > deadline) throw new Error(`${gameId} did not reach ${state} within ${timeoutMs} ms: it is ${status.state} (${status.reason ?? "no reason"})`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  requests(key: string): number {
    return this.sim.stats().byPath[key] ?? 0;
  }

  async close(): Promise<void> {
    await this.cp.close();
    await this.sim.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const member = { actor: { kind: "user" as const, discordId: "311111111111111111", name: "Alex", avatarUrl: null, roles: [], isGuildOwner: false }, source: "web" as const };
export const admin = { actor: { kind: "token" as const, name: "API token" }, source: "api" as const };
