import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadScenarioFile, parseScenarioOrThrow } from "../scenario";
import { startProxmoxSim } from "../start-sim";

export type ServeOptions = { scenario: string; port: number; host: string; http: boolean; writeCa?: string; readyFile?: string; portalOrigin?: string };

/** `serve`: runs the sim until SIGINT/SIGTERM, announcing where it listens (stdout and an optional ready file). */
export async function serve(options: ServeOptions): Promise<void> {
  const loaded = await loadScenarioFile(options.scenario);
  const scenario = parseScenarioOrThrow({ ...loaded, ...(options.portalOrigin ? { portalOrigin: options.portalOrigin } : {}) });
  const sim = await startProxmoxSim(scenario, { tls: !options.http, host: options.host, port: options.port });
  if (options.writeCa) await writeFile(path.resolve(options.writeCa), sim.caPem);
  const webUrls = Object.fromEntries(scenario.containers.filter((ct) => ct.web).map((ct) => [ct.vmid, sim.webUrl(ct.vmid)]));
  console.log(`Proxmox VE simulator listening on ${sim.url}`);
  console.log(`  CA file:     ${options.writeCa ? path.resolve(options.writeCa) : sim.caFile}`);
  console.log(`  fingerprint: ${sim.fingerprint}`);
  for (const [vmid, url] of Object.entries(webUrls)) console.log(`  CT ${vmid} web: ${url}`);
  if (options.readyFile) {
    const ready = { url: sim.url, caFile: options.writeCa ? path.resolve(options.writeCa) : sim.caFile, fingerprint: sim.fingerprint, webUrls };
    // Write then rename, so a parent polling for the file never reads half of it.
    const temporary = `${options.readyFile}.tmp-${process.pid}`;
    await writeFile(temporary, JSON.stringify(ready, null, 2));
    await rename(temporary, options.readyFile);
  }
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing the Proxmox simulator`);
    await sim.close();
    if (options.readyFile) await rm(options.readyFile, { force: true });
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}
