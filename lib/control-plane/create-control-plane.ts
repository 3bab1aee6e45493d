import { SYSTEM_ACTOR, toActorRef } from "../authz";
import { holdPortalLock, openDatabase, portalLockFile } from "../db";
import type { PortalEnv } from "../env";
import { EventLog } from "../events";
import { loadCatalogue } from "../games";
import { createLifecycle, type LifecycleTiming, type ProbeResult, type ProxmoxPort } from "../lifecycle";
import { createProxmoxClient, sleep, type MetricPoint, type MetricTimeframe, type NodeResource, type NodeStatus } from "../proxmox";
import { PlayableTimes } from "../playable";
import { PresenceBoard } from "../presence";
import { ScoreStore } from "../scores";
import { StatusWatcher } from "../status";
import { CallerLimits } from "./caller-limits";
import { ViewHub } from "./view-hub";

/** The read-only monitoring calls; optional so unit-test fakes need not provide them. */
type MonitoringPort = {
  getMetrics?: (node: string, vmid: number, timeframe?: MetricTimeframe) => Promise<MetricPoint[]>;
  listNodeResources?: () => Promise<NodeResource[]>;
  getNodeStatus?: (node: string) => Promise<NodeStatus>;
};

export type ControlPlaneOptions = {
  env: PortalEnv;
  /** Replaces the real client (unit tests only; integration tests use the real client against sim/proxmox). */
  proxmox?: ProxmoxPort & MonitoringPort & { close?: () => Promise<void> };
  probe?: (url: string, timeoutMs: number, publicHost?: string) => Promise<ProbeResult>;
  timing?: Partial<LifecycleTiming>;
};

export type ControlPlane = ReturnType<typeof createControlPlane>;

/** Builds the portal's control plane: catalogue, database, lifecycle, the one status watcher, and the view hub. */
export function createControlPlane(options: ControlPlaneOptions) {
  const { env } = options;
  const catalogue = loadCatalogue(env.gamesDir);
  const db = openDatabase(env.dbFile);
  // Tells `npm run restore` that a portal uses this database; the kernel drops it when this process ends.
  const lock = env.dbFile === ":memory:" ? null : holdPortalLock(env.dbFile);
  if (env.dbFile !== ":memory:" && !lock) console.warn(`Another process holds ${portalLockFile(env.dbFile)}: a second portal (or a restore) is using ${env.dbFile}.`);
  const events = new EventLog(db);
  const client = options.proxmox ?? createProxmoxClient(env.proxmox);
  const lifecycle = createLifecycle({ proxmox: client, catalogue, db, events, probe: options.probe, timing: options.timing });
  const presence = new PresenceBoard();
  const scores = new ScoreStore(db);
  const hub = new ViewHub(catalogue, lifecycle, events, presence, env.idleStopMinutes, scores);
  const watcher = new StatusWatcher(
    {
      listClusterContainers: () => client.listClusterContainers(),
      onCluster: (containers) => lifecycle.observeCluster(containers),
      onUnreachable: (error, wasReachable) => lifecycle.observeUnreachable(error, wasReachable),
      onReachable: () => events.append({ type: "proxmox.reachable", actor: toActorRef(SYSTEM_ACTOR), source: "auto", result: "ok" }),
      isBusy: () => lifecycle.isBusy(),
    },
    env.poll,
  );
  lifecycle.onWake(() => watcher.wake());
  if (env.proxmox.insecureTls) {
    console.warn("PROXMOX_INSECURE_TLS=1: the Proxmox certificate is NOT verified. Set PROXMOX_CA_FILE or PROXMOX_FINGERPRINT instead.");
  }
  lifecycle.resumePendingOps();
  lifecycle.resumeScheduledShutdowns();
  watcher.start();
  // Presence expiry and idle auto-stop need no Proxmox call: a local check every 15 s is plenty for minutes.
  const housekeeping = setInterval(() => {
    for (const gameId of presence.prune()) hub.refresh(gameId);
    lifecycle.stopIdleGames(presence, env.idleStopMinutes);
  }, 15_000);
  housekeeping.unref();

  return {
    env,
    catalogue,
    events,
    lifecycle,
    watcher,
    hub,
    presence,
    limits: new CallerLimits(),
    scores,
    playable: new PlayableTimes(db),
    proxmox: client,
    authz: { adminRoleIds: env.discord.adminRoleIds },
    /** Set on SIGTERM: requests that still arrive are told the portal is restarting. */
    closing: false,
    /**
     * Stops the watcher and the timers and lets go of every operation (a restarted portal resumes them from the
     * database). Resolves true once all of it let go within `graceMs` and the database is closed; false when an
     * answer from Proxmox was still outstanding: the database then stays open for the process exit, which loses
     * nothing (every write is a committed SQLite transaction by the time it returns).
     */
    async close(graceMs = Number.POSITIVE_INFINITY): Promise<boolean> {
      clearInterval(housekeeping);
      const settled = Promise.all([watcher.stop(), lifecycle.close()]).then(() => true);
      const grace = new AbortController();
      const expired = Number.isFinite(graceMs) ? sleep(graceMs, grace.signal).then(() => false, () => false) : new Promise<boolean>(() => undefined);
      const inTime = await Promise.race([settled, expired]);
      grace.abort();
      if (!inTime) return false;
      await client.close?.();
      db.close();
      lock?.release();
      return true;
    },
  };
}
