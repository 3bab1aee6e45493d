import { expect, test } from "./support/test";
import { loadCatalogue } from "@/lib/games";
import { HomePage } from "./pages/home-page";
import { openSignedIn } from "./pages/sign-in-page";
import { controlProxmox } from "./support/portal-stack";

const games = loadCatalogue("games-demo").games;

test("with Proxmox offline every card says so and the page still works; the cards recover by themselves", async ({ browser }) => {
  const { context, page } = await openSignedIn(browser, "Demo player");
  const home = new HomePage(page);
  await home.waitUntilLive();
  for (const game of games) await expect(home.badge(game.name)).not.toHaveAttribute("data-state", "unknown");

  // Once the API is down its control endpoint is down too, so the sim brings it back by itself.
  await controlProxmox("faults", { fault: "apiDown", down: true, forMs: 4_000 });
  for (const game of games) {
    await home.expectState(game.name, "unknown", "State unknown");
    await expect(home.card(game.name).getByText(/Proxmox|reach|answer/i).first()).toBeVisible();
  }
  const notice = page.getByRole("alert").filter({ hasText: "The game servers cannot be seen right now." });
  await expect(notice).toBeVisible();

  await page.reload();
  await home.waitUntilLive();
  await expect(home.cards()).toHaveCount(games.length);
  await expect(home.badge(games[0]!.name)).toHaveAttribute("data-state", "unknown");

  for (const game of games) await expect(home.badge(game.name)).not.toHaveAttribute("data-state", "unknown", { timeout: 15_000 });
  await expect(notice).toHaveCount(0);
  await context.close();
});
