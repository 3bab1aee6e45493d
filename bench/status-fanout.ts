/**
 * N browsers on the event stream while games start and stop: does Proxmox load grow with viewers?
 * Prints the Proxmox API requests per second the simulator saw and the portal's peak RSS, for N=1 and N=500.
 *   npx next build && npx tsx bench/status-fanout.ts [--n=500] [--seconds=30]
 */
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startStack, type Stack } from "../scripts/stack";
import { copyDemoCatalogue, freePort } from "../tests/e2e/support/e2e-catalogue";
import { argValue, assertBuilt, treeRssBytes } from "./support";

type Result = { n: number; proxmoxRps: number; peakRssMiB: number; messages: number; perViewer: number; transitions: number };

function openStream(stack: Stack, onMessage: () => void): () => void {
  const url = new URL("/api/v1/events", stack.url);
  const req = request({ hostname: "127.0.0.1", port: url.port, path: url.pathname, headers: { authorization: `Bearer ${stack.apiToken}`, accept: "text/event-stream" } }, (res) => {
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      for (const _ of chunk.matchAll(/\n\n/g)) onMessage();
    });
  });
  req.on("error", () => undefined);
  req.end();
  return () => req.destroy();
}

async function api(stack: Stack, method: string, pathname: string): Promise<{ state?: string }> {
  const response = await fetch(new URL(pathname, stack.url), { method, headers: { authorization: `Bearer ${stack.apiToken}` } });
  return (await response.json()) as { state?: string };
}

async function waitFor(stack: Stack, game: string, state: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await api(stack, "GET", `/api/v1/games/${game}`)).state === state) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function run(n: number, seconds: number): Promise<Result> {
  const catalogue = await copyDemoCatalogue();
  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-fanout-"));
  const stack = await startStack({
    gamesDir: catalogue.dir,
    dataDir,
    port: await freePort(),
    timing: { startMs: 1_000, webDelayMs: 200, guestShutdownMs: 300, resourcesRefreshMs: 1_000, authFailDelayMs: 0 },
  });
  let messages = 0;
  const closers = Array.from({ length: n }, () => openStream(stack, () => messages++));
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  stack.proxmox.resetStats();
  messages = 0;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssBytes(stack.portal.pid!))), 250);
  const started = Date.now();
  let transitions = 0;
  const games = Object.keys(catalogue.urls);
  while (Date.now() - started < seconds * 1000) {
    const game = games[transitions % games.length]!;
    await api(stack, "POST", `/api/v1/games/${game}/play`);
    await waitFor(stack, game, "ready");
    await api(stack, "POST", `/api/v1/games/${game}/shutdown`);
    await waitFor(stack, game, "stopped");
    transitions += 2;
  }
  const elapsed = (Date.now() - started) / 1000;
  clearInterval(sampler);
  const requests = stack.proxmox.stats().requests;
  closers.forEach((close) => close());
  await stack.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(catalogue.dir, { recursive: true, force: true });
  return { n, proxmoxRps: requests / elapsed, peakRssMiB: peak / 1024 / 1024, messages, perViewer: messages / n, transitions };
}

async function main(): Promise<void> {
  assertBuilt();
  const n = argValue("n", 500);
  const seconds = argValue("seconds", 30);
  const results: Result[] = [];
  for (const viewers of [1, n]) {
    process.stdout.write(`running with ${viewers} viewer(s) for ${seconds} s… `);
    results.push(await run(viewers, seconds));
    console.log("done");
  }
  console.log("\nviewers  proxmox req/s  portal peak RSS  SSE messages (per viewer)  start/stop transitions");
  for (const r of results) {
    console.log(
      `${String(r.n).padStart(7)}  ${r.proxmoxRps.toFixed(2).padStart(13)}  ${`${r.peakRssMiB.toFixed(0)} MiB`.padStart(15)}  ${`${r.messages} (${r.perViewer.toFixed(0)})`.padStart(25)}  ${String(r.transitions).padStart(22)}`,
    );
  }
  const [one, many] = results;
  if (one && many) {
    console.log(`\nProxmox load with ${many.n} viewers is ${(many.proxmoxRps / one.proxmoxRps).toFixed(2)}x the load with 1 (per transition: ${(many.proxmoxRps / many.transitions).toFixed(3)} vs ${(one.proxmoxRps / one.transitions).toFixed(3)}).`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
