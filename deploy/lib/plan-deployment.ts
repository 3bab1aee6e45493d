import path from "node:path";
import type { Game } from "../../lib/games";
import { hostnamePattern, parseUpstream, type Upstream } from "./address";
import { DeployConfigError } from "./deploy-config-error";
import type { SiteSettings } from "./site-settings";

/** One game as the gateway and its game host see it. */
export type GameRoute = {
  game: Game;
  /** Public hostname the browser uses, from the manifest's `url`. */
  hostname: string;
  upstream: Upstream;
  /** Folder on the game CT that holds the pygbag build (build/web). */
  webRoot: string;
};

/** One game CT and the games it serves; several games may share one CT. */
export type GameHost = { vmid: number; name: string; routes: GameRoute[] };

export type DeploymentPlan = {
  site: SiteSettings;
  routes: GameRoute[];
  hosts: GameHost[];
  /** Where the inputs came from, for the "generated from" header. */
  sources: { games: string; settings: string };
};

function manifestOf(game: Game): string {
  return path.join(game.dir, "game.json");
}

function routeGame(game: Game, site: SiteSettings, problems: string[]): GameRoute | undefined {
  const file = manifestOf(game);
  const url = new URL(game.url);
  const hostname = url.hostname;
  const example = `"url": "https://${game.id}.example.com/"`;
  if (url.protocol !== "https:") {
    problems.push(`${file}: field "url" must be https:// (the gateway or Cloudflare terminates TLS), e.g. ${example}`);
    return undefined;
  }
  if (url.pathname !== "/" || url.search || url.hash || url.port) {
    problems.push(`${file}: field "url" must be the root of the game's own hostname, without port or path (the gateway routes by hostname), e.g. ${example}`);
    return undefined;
  }
  if (!hostnamePattern.test(hostname)) {
    problems.push(`${file}: field "url" has a hostname the gateway cannot route (${hostname}): use a DNS name such as ${game.id}.example.com`);
    return undefined;
  }
  if (hostname === site.portal.hostname) {
    problems.push(`${file}: field "url" uses the portal's hostname ${hostname}: give the game its own subdomain, e.g. ${example}`);
    return undefined;
  }
  const upstream = parseUpstream(game.upstream);
  if (typeof upstream === "string") {
    problems.push(`${file}: field "upstream" (taken from "probeUrl" when absent) ${upstream}: set "upstream": "http://10.22.0.20:80", the game CT's address on vmbr2`);
    return undefined;
  }
  const webRoot = site.gameHosts.webRoots[game.id] ?? path.posix.join(site.gameHosts.webRootBase, game.id);
  return { game, hostname, upstream, webRoot };
}

function checkSharing(routes: GameRoute[], problems: string[]): void {
  const byHostname = new Map<string, GameRoute>();
  const byOrigin = new Map<string, GameRoute>();
  for (const route of routes) {
    const file = manifestOf(route.game);
    const sameName = byHostname.get(route.hostname);
    if (sameName) {
      problems.push(`${file}: field "url" uses ${route.hostname}, like ${manifestOf(sameName.game)}: give each game its own hostname`);
    }
    byHostname.set(route.hostname, route);
    const sameOrigin = byOrigin.get(route.upstream.origin);
    if (sameOrigin && sameOrigin.game.vmid !== route.game.vmid) {
      problems.push(
        `${file}: field "upstream" ${route.upstream.origin} is also CT ${sameOrigin.game.vmid}'s (${manifestOf(sameOrigin.game)}), but "vmid" is ${route.game.vmid}: one address belongs to one CT; fix the vmid or the address`,
      );
    }
    byOrigin.set(route.upstream.origin, route);
  }
}

/** Checks the catalogue against the site settings and groups games by CT; throws DeployConfigError listing every problem. */
export function planDeploymentOrThrow(games: readonly Game[], site: SiteSettings, gamesDir = "games"): DeploymentPlan {
  const problems: string[] = [];
  const known = new Set(games.map((g) => g.id));
  for (const id of Object.keys(site.gameHosts.webRoots)) {
    if (!known.has(id)) {
      problems.push(`${site.file}: field "gameHosts.webRoots.${id}" names no game in ${gamesDir} (known: ${[...known].join(", ") || "none"}): remove it or fix the id`);
    }
  }
  const routes = [...games]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((game) => routeGame(game, site, problems))
    .filter((r): r is GameRoute => r !== undefined);
  checkSharing(routes, problems);
  if (problems.length > 0) throw new DeployConfigError(problems);
  const hosts = new Map<number, GameHost>();
  for (const route of routes) {
    const vmid = route.game.vmid;
    const host = hosts.get(vmid) ?? { vmid, name: `ct${vmid}`, routes: [] };
    host.routes.push(route);
    hosts.set(vmid, host);
  }
  return {
    site,
    routes,
    hosts: [...hosts.values()].sort((a, b) => a.vmid - b.vmid),
    sources: { games: gamesDir, settings: site.file },
  };
}
