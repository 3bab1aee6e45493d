import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AccessControl } from "./access/access-control";
import { runPveum } from "./access/pveum";
import { createApiServer, RequestStats } from "./api-server";
import type { ControlTarget } from "./control";
import { DEFAULT_TIMING, parseScenarioOrThrow } from "./scenario";
import { describeSim } from "./sim-state";
import { generateSimCertificates } from "./tls";
import { ToggledListener } from "./toggled-listener";
import type { ProxmoxSim, SimOptions, SimScenario } from "./types";
import { urlHost } from "./url-host";
import { traitsOf } from "./version";
import { GameWebServers } from "./web/game-web-servers";
import { migrateFromOutside, powerFromOutside } from "./world/outside-changes";
import { ResourceBoard } from "./world/resources";
import { SimWorld } from "./world/world";

/** Starts a Proxmox VE API simulator on loopback (HTTPS with its own CA unless tls: false). */
export async function startProxmoxSim(input: SimScenario, options: SimOptions = {}): Promise<ProxmoxSim> {
  const scenario = parseScenarioOrThrow(input);
  const traits = traitsOf(scenario.version ?? "9.1.5");
  const world = new SimWorld(scenario, { ...DEFAULT_TIMING, ...scenario.timing }, traits.version);
  const board = new ResourceBoard(world, traits);
  const host = options.host ?? "127.0.0.1";
  const tls = options.tls ?? true;
  const certificates = generateSimCertificates([...world.nodes.keys()]);
  const caDir = await mkdtemp(path.join(tmpdir(), "proxmox-sim-"));
  const caFile = path.join(caDir, "pve-root-ca.pem");
  await writeFile(caFile, certificates.caPem);
  const web = await GameWebServers.start(world, scenario.containers, host, scenario.portalOrigin).catch(async (error: unknown) => {
    world.close();
    await rm(caDir, { recursive: true, force: true });
    throw error;
  });
  const stats = new RequestStats();
  let apiDown = false;
  let closed: Promise<void> | undefined;

  const control = (): ControlTarget => ({ sim, info, schedule: (ms, fn) => void world.schedule(ms, fn) });
  const access = new AccessControl(scenario);
  const context = { world, traits, board, access, fingerprint: certificates.fingerprint };
  const server = createApiServer({ context, control, certificates: tls ? certificates : undefined }, stats);
  const listener = new ToggledListener(server, host, options.port ?? 0);
  await listener.set(true);
  if (!listener.listening) {
    world.close();
    await web.close();
    await rm(caDir, { recursive: true, force: true });
    throw new Error(`Proxmox sim: could not listen on ${host}:${options.port ?? 0}`);
  }
  const url = `${tls ? "https" : "http"}://${urlHost(host)}:${listener.port}`;
  const info = () => ({ url, caFile, fingerprint: certificates.fingerprint, webUrls: web.urls() });

  const sim: ProxmoxSim = {
    url,
    caPem: certificates.caPem,
    caFile,
    fingerprint: certificates.fingerprint,
    webUrl: (vmid) => web.url(vmid),
    faults: {
      nodeOffline: (node, offline) => void (world.nodeOrThrow(node).online = !offline),
      lock: (vmid, lock) => void (world.containerOrThrow(vmid).lock = lock ?? undefined),
      startFails: (vmid, message) => void (world.containerOrThrow(vmid).startFails = message ?? undefined),
      web: (vmid, mode) => web.setMode(vmid, mode),
      apiDown: (down) => {
        apiDown = down;
        if (!closed) void listener.set(!down);
      },
    },
    setTiming: (partial) => {
      world.timing = { ...world.timing, ...partial };
      board.restart();
    },
    power: (vmid, status) => powerFromOutside(world, vmid, status),
    migrate: (vmid, node) => migrateFromOutside(world, vmid, node),
    pveum: (args) => runPveum(access, args),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    state: () => describeSim(world, { url, apiDown, web: web.describe(), stats: stats.snapshot(), access: access.describe() }),
    close: () => {
      closed ??= (async () => {
        world.close();
        await Promise.all([web.close(), listener.set(false)]);
        await rm(caDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
  return sim;
}
