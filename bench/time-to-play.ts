import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type Browser, chromium, type Page, type Response } from "@playwright/test";
import { startStack, type Stack } from "../scripts/stack";
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromiumInstalled } from "../tests/support/chromium";
import { copyDemoCatalogue, freePort } from "../tests/e2e/support/e2e-catalogue";

/**
 * Time to play: a signed-in player presses Play on a stopped game, and we measure until the game's page has
 * loaded in the frame, and until the game itself says `ready` (time to playable: its first frame drawn, input
 * taken). The simulated boot is fixed (task + web server start), so what is left is the portal's own overhead:
 * its Proxmox task polling, the readiness probe, the push to the browser and the frame's load. The portal's own
 * record of time to playable (what the admin page shows) is read back at the end.
 * Usage: npx tsx bench/time-to-play.ts [--runs=10] [--game=snake] [--task-ms=2000] [--web-ms=500]
 * The default boot is whole multiples of 500 ms, which flatters a portal that polls every 500 ms (its polls may
 * line up with the task's end); --task-ms=2170 --web-ms=430 shows the same portal without that luck.
 */
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const RUNS = Number(arg("runs", "10"));
const GAME = arg("game", "snake");
const BOOT = { startMs: Number(arg("task-ms", "2000")), webDelayMs: Number(arg("web-ms", "500")) };
const SIMULATED_BOOT_MS = BOOT.startMs + BOOT.webDelayMs;

type Timings = { pressAt?: number; frameAt?: number; frameLoadAt?: number; readyAt?: number };
type Run = { total: number; playable: number; pressEpoch: number; frameEpoch: number; loadEpoch: number };

function buildIfMissing(): void {
  if (existsSync(".next/BUILD_ID")) return;
  console.log("No build yet: running next build once…");
  const result = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}

async function api(stack: Stack, route: string, method = "GET"): Promise<{ state: string }> {
  const response = await fetch(`${stack.url}${route}`, { method, headers: { authorization: `Bearer ${stack.apiToken}` } });
  return (await response.json()) as { state: string };
}

async function stopAndWait(stack: Stack): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { state } = await api(stack, `/api/v1/games/${GAME}`);
    if (state === "stopped") return;
    if (state === "ready" || state === "failed") await api(stack, `/api/v1/games/${GAME}/stop`, "POST");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${GAME} did not stop`);
}

// Marks, in the page's own clock, the press on a Play link and the load event of the game frame.
function recordTimings(): void {
  const marks = ((window as unknown as { __ttp: Timings }).__ttp = {} as Timings);
  document.addEventListener("click", (e) => (e.target as Element).closest?.('a[aria-label^="Play "]') && (marks.pressAt = performance.now()), true);
  new MutationObserver(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title$=" game"]');
    if (frame && !frame.dataset.ttp) {
      frame.dataset.ttp = "1";
      marks.frameAt = performance.now();
      frame.addEventListener("load", () => (marks.frameLoadAt ??= performance.now()));
    }
  }).observe(document, { childList: true, subtree: true });
  // The game's own `ready` (arcade protocol), from the game frame only.
  window.addEventListener("message", (e) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title$=" game"]');
    const data = e.data as { cartofia?: unknown; type?: unknown } | null;
    if (frame && e.source === frame.contentWindow && data?.cartofia === 1 && data.type === "ready") marks.readyAt ??= performance.now();
  });
}

async function signIn(browser: Browser, stack: Stack): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(recordTimings);
  const page = await context.newPage();
  await page.goto(`${stack.url}/signin`);
  await page.getByRole("button", { name: "Demo player", exact: true }).click();
  await page.waitForURL(`${stack.url}/`);
  return page;
}

async function firstLoadJs(page: Page, url: string): Promise<number> {
  const sizes: Array<Promise<number>> = [];
  const onResponse = (r: Response) => {
    if (r.request().resourceType() === "script") sizes.push(r.body().then((b) => gzipSync(b, { level: 9 }).length));
  };
  page.on("response", onResponse);
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

async function pressPlayOnce(page: Page, stack: Stack, gameName: string): Promise<Run> {
  await page.goto(`${stack.url}/`);
  await page.locator('[data-feed="live"]').waitFor();
  const recorded = page.waitForResponse((r) => r.url().endsWith(`/api/v1/games/${GAME}/playable`) && r.request().method() === "POST", { timeout: 30_000 });
  await page.getByRole("link", { name: `Play ${gameName}`, exact: true }).click();
  await recorded;
  await page.waitForFunction(() => {
    const t = (window as unknown as { __ttp: Timings }).__ttp;
    return t.frameLoadAt !== undefined && t.readyAt !== undefined;
  }, null, { timeout: 30_000 });
  const t = await page.evaluate(() => ({ ...(window as unknown as { __ttp: Timings }).__ttp, origin: performance.timeOrigin }));
  return {
    total: t.frameLoadAt! - t.pressAt!,
    playable: t.readyAt! - t.pressAt!,
    pressEpoch: t.origin + t.pressAt!,
    frameEpoch: t.origin + t.frameAt!,
    loadEpoch: t.origin + t.frameLoadAt!,
  };
}

/**
 * When the server sent the start to Proxmox and got its task (game.starting) and when it declared the game ready
 * (game.ready), on the same machine's clock as the browser.
 */
async function serverEpochs(stack: Stack): Promise<{ started: number; ready: number }> {
  const response = await fetch(`${stack.url}/api/v1/audit?game=${GAME}&limit=5`, { headers: { authorization: `Bearer ${stack.apiToken}` } });
  const { events } = (await response.json()) as { events: Array<{ type: string; at: string }> };
  const at = (type: string) => Date.parse(events.find((e) => e.type === type)!.at);
  return { started: at("game.starting"), ready: at("game.ready") };
}

/** Linear interpolation between closest ranks, so the median of an even count is the mean of the middle two. */
function percentile(sorted: number[], p: number): number {
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

async function main(): Promise<void> {
  assertChromiumInstalled();
  buildIfMissing();
  const catalogue = await copyDemoCatalogue();
  const dataDir = mkdtempSync(path.join(tmpdir(), "arcade-bench-"));
  const stack = await startStack({ gamesDir: catalogue.dir, dataDir, port: await freePort(), timing: { ...BOOT, stopMs: 100, guestShutdownMs: 200 } });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await signIn(browser, stack);
    const gameName = ((await api(stack, `/api/v1/games/${GAME}`)) as unknown as { name: string }).name;
    const js = await firstLoadJs(page, `${stack.url}/`);
    const totals: number[] = [];
    const playable: number[] = [];
    const browserSide: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      await stopAndWait(stack);
      const r = await pressPlayOnce(page, stack, gameName);
      const { started, ready } = await serverEpochs(stack);
      totals.push(r.total);
      playable.push(r.playable);
      browserSide.push(r.loadEpoch - ready);
      console.log(
        `run ${String(run).padStart(2)}: press → frame loaded ${r.total.toFixed(0)} ms (overhead ${(r.total - SIMULATED_BOOT_MS).toFixed(0)} ms;` +
          ` press → start task ${(started - r.pressEpoch).toFixed(0)} ms, then → server ready ${(ready - started).toFixed(0)} ms, ready → frame shown ${(r.frameEpoch - ready).toFixed(0)} ms, frame load ${(r.loadEpoch - r.frameEpoch).toFixed(0)} ms);` +
          ` press → game says ready ${r.playable.toFixed(0)} ms`,
      );
    }
    const overhead = totals.map((t) => t - SIMULATED_BOOT_MS).sort((a, b) => a - b);
    const afterReady = [...browserSide].sort((a, b) => a - b);
    console.log(`\nsimulated boot ${SIMULATED_BOOT_MS} ms (task ${BOOT.startMs} ms + web server ${BOOT.webDelayMs} ms), ${RUNS} runs of "${GAME}"`);
    console.log(`overhead above the boot: median ${percentile(overhead, 50).toFixed(0)} ms, p90 ${percentile(overhead, 90).toFixed(0)} ms`);
    console.log(`of which after the server said ready (push, render, frame load): median ${percentile(afterReady, 50).toFixed(0)} ms, p90 ${percentile(afterReady, 90).toFixed(0)} ms`);
    const sortedPlayable = [...playable].sort((a, b) => a - b);
    console.log(`time to playable (press → the game's ready message): median ${percentile(sortedPlayable, 50).toFixed(0)} ms, p90 ${percentile(sortedPlayable, 90).toFixed(0)} ms`);
    const recorded = (await (await fetch(`${stack.url}/api/v1/games/${GAME}/playable`, { headers: { authorization: `Bearer ${stack.apiToken}` } })).json()) as {
      cold: { medianMs: number; samples: number } | null;
      warm: { medianMs: number; samples: number } | null;
    };
    const describe = (m: { medianMs: number; samples: number } | null) => (m ? `median ${m.medianMs} ms of ${m.samples}` : "none");
    console.log(`the portal recorded (admin page, latest 10): cold ${describe(recorded.cold)}, warm ${describe(recorded.warm)}`);
    console.log(`home page first-load JS: ${(js / 1000).toFixed(1)} kB gzip`);
  } finally {
    await browser.close();
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(catalogue.dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
