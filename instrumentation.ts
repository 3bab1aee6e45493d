/**
 * Runs once when the portal's server starts. NEXT_RUNTIME is replaced at build time, which keeps Node-only
 * modules out of the Edge bundle; that is why this one check reads process.env outside lib/env/.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startControlPlane } = await import("./lib/control-plane/start-control-plane");
    startControlPlane();
  }
}
