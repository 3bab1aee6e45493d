import { SYSTEM_ACTOR, toActorRef } from "../authz";
import { openDatabase } from "../db";
import type { PortalEnv } from "../env";
import { EventLog } from "../events";
import { loadCatalogue } from "../games";
import { createLifecycle, type LifecycleTiming, type ProbeResult, type ProxmoxPort } from "../lifecycle";
import { createProxmoxClient, type MetricPoint } from "../proxmox";
import { PlayableTimes } from "../playable";
import { PresenceBoard } from "../presence";
import { ScoreStore } from "../scores";
import { StatusWatcher } from "../status";
import { ViewHub } from "./view-hub";

export type ControlPlaneOptions = {
  env: PortalEnv;
  /** Replaces the real client (unit tests only; integration tests use the real client against sim/proxmox). */
  proxmox?: ProxmoxPort & { getMetrics?: (node: string, vmid: number) => Promise<MetricPoint[]>; close?: () => Promise<void> };
  probe?: (url: string, timeoutMs: number, publicHost?: string) => Promise<ProbeResult>;
  timing?: Partial<LifecycleTiming>;
};

export type ControlPlane = ReturnType<typeof createControlPlane>;

/** Builds the portal's control plane: catalogue, database, lifecycle, the one status watcher, and the view hub. */
export function createControlPlane(options: ControlPlaneOptions) {
  const { env } = options;
  const catalogue = loadCatalogue(env.gamesDir);
  const db = openDatabase(env.dbFile);
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
    scores,
    playable: new PlayableTimes(db),
    proxmox: client,
    authz: { adminRoleIds: env.discord.adminRoleIds },
    async close(): Promise<void> {
      clearInterval(housekeeping);
      await watcher.stop();
      await lifecycle.close();
      await client.close?.();
      db.close();
    },
  };
}
