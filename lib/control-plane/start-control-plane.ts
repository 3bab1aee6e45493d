import { DatabaseTooNewError } from "../db";
import { ConfigError, readNextRuntime } from "../env";
import { CatalogueError } from "../games";
import { getControlPlane } from "./get-control-plane";
import { shutdownOnSignal } from "./shutdown-on-signal";

/**
 * Builds the control plane at server start, so the status watcher polls and operations interrupted by a
 * restart resume before anyone opens a page, and makes SIGTERM end the process quickly. A bad configuration stops
 * the start with every problem listed, and a database written by a newer portal stops it with one sentence.
 */
export function startControlPlane(): void {
  if (readNextRuntime().phase === "phase-production-build") return;
  try {
    const cp = getControlPlane();
    shutdownOnSignal(cp);
    console.log(`Cartofia Arcade: ${cp.catalogue.games.length} game(s) from ${cp.env.gamesDir}; Proxmox at ${cp.env.proxmox.baseUrl}`);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof CatalogueError || error instanceof DatabaseTooNewError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
