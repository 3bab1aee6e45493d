import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { ToggledListener } from "../toggled-listener";
import { urlHost } from "../url-host";
import type { SimContainer, WebMode } from "../types";
import type { CtRecord, SimWorld } from "../world/world";
import { sendEmpty, sendErrorPage, sendHtml, serveStatic } from "./static-files";

/** A portal started with `npm start` on this machine. */
export const DEFAULT_PORTAL_ORIGIN = "http://localhost:3000";

type GameSite = {
  vmid: number;
  roots: string[];
  mode: WebMode;
  listener: ToggledListener;
  /** The CT is running and its web server has had webDelayMs to come up. */
  up: boolean;
  upTimer?: NodeJS.Timeout;
};

function placeholder(ct: CtRecord): string {
  const name = ct.hostname ?? `CT${ct.vmid}`;
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${name} (CT ${ct.vmid})</title></head>\n<body><h1>${name}</h1><p>Game server in CT ${ct.vmid} on ${ct.node} is up.</p></body></html>\n`;
}

/**
 * The web server inside each game CT: it listens only while the CT is running (after webDelayMs) and its port
 * refuses connections otherwise, so readiness has to be observed rather than assumed.
 */
export class GameWebServers {
  private readonly sites = new Map<number, GameSite>();

  private constructor(
    private readonly world: SimWorld,
    private readonly host: string,
    private readonly portalOrigin: string,
  ) {
    world.onStatusChange((ct) => this.follow(ct));
  }

  /**
   * Reserves each site's port once (binding port 0 if none is given) and opens those of running CTs. A port that
   * cannot be bound fails the start with its number, rather than a game served by whoever holds it.
   */
  static async start(world: SimWorld, containers: SimContainer[], host: string, portalOrigin = DEFAULT_PORTAL_ORIGIN): Promise<GameWebServers> {
    const servers = new GameWebServers(world, host, portalOrigin);
    const added = await Promise.allSettled(containers.filter((ct) => ct.web).map((ct) => servers.add(ct)));
    const failed = added.find((result) => result.status === "rejected");
    if (failed) {
      await servers.close();
      throw failed.reason;
    }
    return servers;
  }

  private async add(ct: SimContainer): Promise<void> {
    const server = createServer((req, res) => void this.handle(ct.vmid, req, res));
    const site: GameSite = {
      vmid: ct.vmid,
      roots: [ct.web?.root ?? []].flat().map((root) => path.resolve(root)),
      mode: "ok",
      listener: new ToggledListener(server, this.host, ct.web?.port ?? 0),
      up: ct.status === "running",
    };
    this.sites.set(ct.vmid, site);
    await site.listener.set(true);
    if (!site.listener.listening) {
      throw new Error(`Proxmox sim: the web server of CT ${ct.vmid} cannot listen on ${this.host}:${site.listener.port}: another program holds the port`);
    }
    await this.apply(site);
  }

  private async handle(vmid: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const site = this.sites.get(vmid);
    const ct = this.world.containers.get(vmid);
    if (!site || !ct || site.mode === "hang") return;
    // What deploy/lib/render-game-host-nginx.ts makes nginx add to every answer (`always`): only the portal may frame the game.
    res.setHeader("Content-Security-Policy", `frame-ancestors ${this.portalOrigin}`);
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (site.mode === "error") return sendErrorPage(req, res, 503, "Service Temporarily Unavailable");
    if (req.method !== "GET" && req.method !== "HEAD") return sendErrorPage(req, res, 405, "Not Allowed");
    if (new URL(req.url ?? "/", "http://game.invalid").pathname === "/healthz") return sendEmpty(res, 204);
    if (site.roots.length === 0) return sendHtml(req, res, 200, placeholder(ct));
    await serveStatic(site.roots, req, res).catch(() => sendErrorPage(req, res, 500, "Internal Server Error"));
  }

  private follow(ct: CtRecord): void {
    const site = this.sites.get(ct.vmid);
    if (!site) return;
    this.world.cancel(site.upTimer);
    site.upTimer = undefined;
    if (ct.status === "running") {
      site.upTimer = this.world.schedule(this.world.timing.webDelayMs, () => {
        site.up = true;
        void this.apply(site);
      });
      return;
    }
    site.up = false;
    void this.apply(site);
  }

  private apply(site: GameSite): Promise<void> {
    return site.listener.set(site.up && site.mode !== "refuse");
  }

  setMode(vmid: number, mode: WebMode): void {
    const site = this.siteOrThrow(vmid);
    site.mode = mode;
    void this.apply(site);
  }

  url(vmid: number): string {
    return `http://${urlHost(this.host)}:${this.siteOrThrow(vmid).listener.port}/`;
  }

  urls(): Record<number, string> {
    return Object.fromEntries([...this.sites.keys()].map((vmid) => [vmid, this.url(vmid)]));
  }

  describe(): Record<number, { url: string; mode: WebMode; listening: boolean }> {
    return Object.fromEntries([...this.sites.values()].map((s) => [s.vmid, { url: this.url(s.vmid), mode: s.mode, listening: s.listener.listening }]));
  }

  private siteOrThrow(vmid: number): GameSite {
    const site = this.sites.get(vmid);
    if (!site) throw new Error(`Proxmox sim: container ${vmid} has no web server in the scenario`);
    return site;
  }

  async close(): Promise<void> {
    await Promise.all([...this.sites.values()].map((site) => site.listener.set(false)));
  }
}
