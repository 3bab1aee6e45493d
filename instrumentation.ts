/**
 * Runs once when the portal's server starts: builds the control plane so the status watcher polls and
 * operations interrupted by a restart resume before anyone opens a page. A bad configuration stops the start
 * with every problem listed, instead of failing later on the first request.
 */
export async function register(): Promise<void> {
  const { readNextRuntime } = await import("./lib/env");
  const { runtime, phase } = readNextRuntime();
  if (runtime !== "nodejs" || phase === "phase-production-build") return;
  const { getControlPlane } = await import("./lib/control-plane");
  try {
    const cp = getControlPlane();
    console.log(`Cartofia Arcade: ${cp.catalogue.games.length} game(s) from ${cp.env.gamesDir}, Proxmox at ${cp.env.proxmox.baseUrl}`);
  } catch (error) {
    const { ConfigError } = await import("./lib/env");
    const { CatalogueError } = await import("./lib/games");
    if (error instanceof ConfigError || error instanceof CatalogueError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
