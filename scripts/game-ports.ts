import { chmodSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { tryLock, unlock } from "./pid-lock";

/**
 * Which demo owns which game port. A simulated game server closes its port while its CT is stopped (a stopped CT
 * refuses connections), so "the port is free now" cannot tell a second demo that the first one will open it on
 * the next Play. Each claim is a lock file named after the port (see pid-lock.ts).
 */
const CLAIMS_DIR = path.join(tmpdir(), "cartofia-arcade-game-ports");
const SEARCH = 100;

export class GamePortError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GamePortError";
  }
}

function claimFile(port: number): string {
  return path.join(CLAIMS_DIR, String(port));
}

function isBindable(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

export type GamePorts = {
  /** The port each wanted port became (the same one when it was free). */
  portFor(wanted: number): number;
  release(): void;
};

/**
 * Claims a port for each wanted one: the port itself when no other demo holds it and nothing listens on it, else the
 * next such port above it. Throws GamePortError naming the port when none is found within 100.
 */
export async function claimGamePorts(wanted: number[], host: string): Promise<GamePorts> {
  mkdirSync(CLAIMS_DIR, { recursive: true });
  try {
    // Like /tmp itself: every user's demos claim here, and only the owner of a claim may remove it.
    chmodSync(CLAIMS_DIR, 0o1777);
  } catch {
    // someone else's folder: it already has those rights
  }
  const claimed = new Map<number, number>();
  const release = () => {
    for (const port of claimed.values()) unlock(claimFile(port));
    claimed.clear();
  };
  try {
    for (const port of [...new Set(wanted)].sort((a, b) => a - b)) {
      let found: number | undefined;
      for (let candidate = port; candidate < Math.min(port + SEARCH, 65_536) && found === undefined; candidate++) {
        if ([...claimed.values()].includes(candidate) || !tryLock(claimFile(candidate))) continue;
        if (await isBindable(candidate, host)) found = candidate;
        else unlock(claimFile(candidate));
      }
      if (found === undefined) {
        throw new GamePortError(`Port ${port} and the ${SEARCH - 1} above it are taken (by other demos or programs): stop one of them and run the demo again.`);
      }
      claimed.set(port, found);
    }
  } catch (error) {
    release();
    throw error;
  }
  return {
    portFor: (port) => claimed.get(port) ?? port,
    release,
  };
}
