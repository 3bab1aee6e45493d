import { expect, test } from "./support/test";
import { type DemoProcess, exitWithin, killDemoGroup, portalPidOf, refusesConnections, removeDataDir, scratchDataDir, startDemo } from "./support/demo-process";

// The demo's own simulated boot (scripts/demo.ts): the CT starts in 2.5 s and its web server answers 0.8 s later.
const DEMO_BOOT_MS = 2_500 + 800;

const demos: DemoProcess[] = [];
test.afterEach(() => {
  for (const demo of demos.splice(0)) {
    killDemoGroup(demo);
    removeDataDir(demo.dataDir);
  }
});

async function launch(dataDir = scratchDataDir()): Promise<DemoProcess> {
  const demo = await startDemo(dataDir);
  demos.push(demo);
  return demo;
}

async function waitForState(demo: DemoProcess, id: string, state: string, timeout = 10_000): Promise<void> {
  await expect.poll(async () => (await demo.game(id)).state, { timeout, intervals: [100] }).toBe(state);
}

test("npm run demo: one command brings up the arcade; a played game is ready within its boot plus 2 s; Ctrl-C stops it all", async () => {
  test.setTimeout(120_000);
  const demo = await launch();
  const before = await demo.game("star-dodge");
  expect(before.state).toBe("stopped");
  expect(await refusesConnections(before.url)).toBe(true);

  const pressed = Date.now();
  expect(await demo.play("star-dodge")).toBe(202);
  let view = before;
  while (view.state !== "ready" && Date.now() - pressed < DEMO_BOOT_MS + 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    view = await demo.game("star-dodge");
  }
  expect(view.state).toBe("ready");
  expect(Date.now() - pressed).toBeLessThan(DEMO_BOOT_MS + 2_000);
  expect(await (await fetch(view.url)).text()).toContain("Star Dodge");

  demo.child.kill("SIGINT");
  expect(await exitWithin(demo, 20_000)).toBe(0);
  expect(await refusesConnections(demo.url)).toBe(true);
  expect(await refusesConnections(view.url)).toBe(true);
});

test("two demos on one machine serve their own games; a crashed portal stops its demo (exit 1); a re-run after a crash mid-boot shows the game stopped", async () => {
  test.setTimeout(180_000);
  const [first, second] = await Promise.all([launch(), launch()]);

  await test.step("each demo's games have their own ports, and the catalogue's URLs follow", async () => {
    const [firstSnake, secondSnake] = await Promise.all([first.game("snake"), second.game("snake")]);
    expect(secondSnake.url).not.toBe(firstSnake.url);
    expect(await second.play("snake")).toBe(202);
    await waitForState(second, "snake", "ready");
    expect(await (await fetch(secondSnake.url)).text()).toContain("Snake");
    // The first demo's snake is still asleep: its port belongs to it alone and stays closed.
    expect((await first.game("snake")).state).toBe("stopped");
    expect(await refusesConnections(firstSnake.url)).toBe(true);
  });

  await test.step("kill -9 of the first demo's portal: the demo says so, stops its simulators and exits 1", async () => {
    process.kill(portalPidOf(first), "SIGKILL");
    expect(await exitWithin(first, 20_000)).toBe(1);
    expect(first.output()).toContain("The portal stopped unexpectedly (killed by SIGKILL)");
    expect(await refusesConnections(first.proxmoxUrl)).toBe(true);
    expect((await fetch(`${second.url}/api/health`)).ok).toBe(true);
  });

  await test.step("a crash of the whole second demo mid-boot, then a re-run on its data: the game shows stopped, not failed", async () => {
    expect(await second.play("star-dodge")).toBe(202);
    await expect.poll(async () => (await second.game("star-dodge")).upid, { timeout: 5_000, intervals: [100] }).toMatch(/:vzstart:/);
    killDemoGroup(second);
    await exitWithin(second, 10_000);
    const again = await launch(second.dataDir);
    await waitForState(again, "star-dodge", "stopped");
    expect((await again.game("star-dodge")).reason).toBeNull();
    again.child.kill("SIGTERM");
    expect(await exitWithin(again, 20_000)).toBe(0);
  });
});
