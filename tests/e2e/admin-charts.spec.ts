import type { Locator } from "@playwright/test";
import { expect, test } from "./support/test";
import { getGameOrThrow, loadCatalogue } from "@/lib/games";
import { AdminPage } from "./pages/admin-page";
import { openSignedIn } from "./pages/sign-in-page";
import { callPortal, ensureReady, ensureStopped } from "./support/portal-stack";

const snake = getGameOrThrow(loadCatalogue("games-demo"), "snake");

type Series = { stepSec: number; time: number[]; cpu: Array<number | null>; netInBps: Array<number | null> };

/**
 * Opaque light pixels (the axis labels' zinc-300) in the first 48 px of the canvas, left of the ticks and the
 * plot: the value axis has its labels drawn. An empty axis, or none, leaves that strip transparent.
 */
async function axisLabelPixels(chart: Locator): Promise<number> {
  return chart.locator("canvas").evaluate((canvas: HTMLCanvasElement) => {
    const strip = canvas.getContext("2d")!.getImageData(0, 0, Math.round(48 * devicePixelRatio), canvas.height).data;
    let count = 0;
    for (let i = 0; i < strip.length; i += 4) if (strip[i]! > 150 && strip[i + 1]! > 150 && strip[i + 2]! > 150 && strip[i + 3]! > 200) count++;
    return count;
  });
}

test.describe("the admin's charts and node summary", () => {
  test.beforeAll(async () => ensureReady(snake.id));
  test.afterAll(async () => ensureStopped(snake.id));

  test("CPU, memory and network of the last hour and day, with axes, hover values and no unfinished minute", async ({ browser }) => {
    const { context, page } = await openSignedIn(browser, "Demo admin");
    try {
      const admin = new AdminPage(page);
      await admin.goto();
      const cpu = admin.chart(snake.name, "CPU");
      await expect(cpu).toBeVisible();
      await expect(admin.chart(snake.name, "Memory")).toBeVisible();
      await expect(admin.chart(snake.name, "Network")).toBeVisible();

      // The chart has exactly the finished steps the API sends: the open minute is not drawn.
      const hour = await callPortal<{ series: Series }>(`/api/v1/games/${snake.id}/metrics?window=hour`);
      const { series } = hour.body;
      expect(series.time.length).toBeGreaterThan(50);
      expect(series.time.at(-1)! + series.stepSec).toBeLessThanOrEqual(Date.now() / 1000);
      await expect(cpu).toHaveAttribute("aria-valuemax", String(series.time.length - 1));
      expect(await axisLabelPixels(cpu)).toBeGreaterThan(20);

      // Away from the pointer the legend shows the newest step; over the chart, the values under the pointer.
      const legend = admin.chartLegend(snake.name, "CPU");
      await expect(legend).toContainText("(latest)");
      const box = (await cpu.locator(".u-over").boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
      await expect(legend).not.toContainText("(latest)");
      // (uPlot's legend puts the colon after each label in CSS, so the text reads "Time01:33CPU0.4 %".)
      await expect(legend).toContainText(/Time\s*\d\d:\d\d/);
      await expect(legend).toContainText(/CPU\s*\d+(\.\d)? %/);
      await expect(admin.chartLegend(snake.name, "Network")).toContainText(/In\s*[\d.]+ (B|KiB|MiB)\/s/);
      await expect(cpu).toHaveAttribute("aria-valuetext", /^\d\d:\d\d: CPU \d+(\.\d)? %$/);

      // The keyboard moves the same cursor. The pointer leaves first: focusing may scroll the chart, and a pointer
      // left over it would then move the cursor as well.
      await page.mouse.move(0, 0);
      await expect(legend).toContainText("(latest)");
      await cpu.focus();
      await page.keyboard.press("Home");
      await expect(cpu).toHaveAttribute("aria-valuenow", "0");
      await page.keyboard.press("ArrowRight");
      await expect(cpu).toHaveAttribute("aria-valuenow", "1");

      await admin.row(snake.name).getByRole("button", { name: "Last day" }).click();
      const dayCpu = admin.chart(snake.name, "CPU", "last day");
      await expect(dayCpu).toBeVisible();
      const day = await callPortal<{ series: Series }>(`/api/v1/games/${snake.id}/metrics?window=day`);
      expect(day.body.series.time.length).toBeGreaterThan(series.time.length);
      await expect(dayCpu).toHaveAttribute("aria-valuemax", String(day.body.series.time.length - 1));
    } finally {
      await context.close();
    }
  });

  test("a summary per Proxmox node: online, CPU and memory, and the games on it", async ({ browser }) => {
    const { context, page } = await openSignedIn(browser, "Demo admin");
    try {
      const admin = new AdminPage(page);
      await admin.goto();
      const pve1 = admin.node("pve1");
      await expect(pve1).toContainText("Online");
      await expect(pve1).toContainText(/CPU\s*\d+\.\d % of 8 threads/);
      await expect(pve1).toContainText(/Memory\s*[\d.]+ GiB \/ 32\.0 GiB/);
      await expect(pve1).toContainText(`Games here: ${snake.name}`);
      await expect(pve1.getByRole("meter", { name: /^CPU: / })).toBeVisible();
      await expect(admin.node("pve2")).toContainText("Online");
    } finally {
      await context.close();
    }
  });

  test("on a phone the charts fit the screen and still show the values under the pointer", async ({ browser }) => {
    const { context, page } = await openSignedIn(browser, "Demo admin", { width: 390, height: 844 });
    try {
      const admin = new AdminPage(page);
      await admin.goto();
      const cpu = admin.chart(snake.name, "CPU");
      await cpu.scrollIntoViewIfNeeded();
      await expect(cpu.locator("canvas")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const box = (await cpu.boundingBox())!;
      expect(box.width).toBeGreaterThan(250);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      const over = (await cpu.locator(".u-over").boundingBox())!;
      await page.mouse.move(over.x + over.width * 0.3, over.y + over.height / 2);
      await expect(admin.chartLegend(snake.name, "CPU")).toContainText(/Time\s*\d\d:\d\dCPU/);
    } finally {
      await context.close();
    }
  });

  test("the audit names the Proxmox task and one duration; the full UPID shows on hover and copies", async ({ browser }) => {
    const { context, page } = await openSignedIn(browser, "Demo admin");
    try {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const admin = new AdminPage(page);
      await admin.goto(`?game=${snake.id}`);
      const ready = admin.auditEntries().filter({ hasText: `${snake.name} is ready` }).filter({ hasText: "Proxmox task start" }).first();
      await expect(ready).toContainText(/Took \d+\.\d s/);
      await expect(ready).not.toContainText("(took");
      await expect(ready).toContainText("Proxmox task start");
      await expect(ready).not.toContainText("UPID:");
      const copy = ready.getByRole("button", { name: "Copy UPID" });
      const upid = await copy.getAttribute("title");
      expect(upid).toMatch(/^UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8}:vzstart:\d+:[^:]+:$/);
      await expect(ready.getByText("Proxmox task start")).toHaveAttribute("title", upid!);
      await copy.click();
      await expect(ready.getByRole("status")).toHaveText("Copied.");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(upid);
    } finally {
      await context.close();
    }
  });
});
