import { expect, test } from "./support/test";
import { loadCatalogue } from "@/lib/games";
import { HomePage } from "./pages/home-page";
import { SignInPage } from "./pages/sign-in-page";
import { stackEnv } from "./support/portal-stack";

const games = loadCatalogue("games-demo").games;

test.describe("signing in with Discord", () => {
  test("a member signs in through Discord's consent page and sees a card with the live state of every game", async ({ page }) => {
    const outside: string[] = [];
    page.on("request", (request) => {
      const host = new URL(request.url()).hostname;
      if (host !== "localhost" && host !== "127.0.0.1") outside.push(request.url());
    });
    await page.goto(`${stackEnv().portalUrl}/`);
    await expect(page).toHaveURL(/\/signin$/);
    const authorize = await new SignInPage(page).signInThroughDiscord("Demo Player");
    await expect(page).toHaveURL(`${stackEnv().portalUrl}/`);
    // Authorization code with PKCE (S256) and a state bound to this browser.
    expect(authorize.searchParams.get("response_type")).toBe("code");
    expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("state")).toMatch(/^\S{16,}$/);

    const home = new HomePage(page);
    await home.waitUntilLive();
    await expect(home.cards()).toHaveCount(games.length);
    for (const game of games) {
      await expect(home.card(game.name).getByRole("heading", { name: game.name })).toBeVisible();
      await expect(home.badge(game.name)).toHaveAttribute("data-state", /^(stopped|starting|ready|stopping|failed)$/);
      await expect(home.playLink(game.name)).toBeVisible();
    }
    await expect(home.signedInUser()).toContainText("Demo Player");
    await expect(home.signedInUser()).toContainText("DP");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
    expect(outside).toEqual([]);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You are signed out.")).toBeVisible();
    await page.goto(`${stackEnv().portalUrl}/`);
    await expect(page).toHaveURL(/\/signin$/);
  });

  test("someone who is not in the Discord server is refused and told how to get in", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signInThroughDiscord("Outsider");
    await expect(page).toHaveURL(/\/denied\?reason=not-member$/);
    await expect(page.getByRole("heading", { name: "You are not in our Discord server" })).toBeVisible();
    // The server's name as Discord has it (sim/discord's demo guild).
    await expect(page.getByText("only open to members of the Discord server “Cartofia”")).toBeVisible();
    await expect(page.getByText(/Ask a friend who is in the server to invite you/)).toBeVisible();
    await page.goto(`${stackEnv().portalUrl}/`);
    await expect(page).toHaveURL(/\/signin$/);
  });

  test("an admin sees the Admin link, and a page asked for before signing in opens after it", async ({ page }) => {
    await page.goto(`${stackEnv().portalUrl}/admin`);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin$/);
    await page.getByRole("button", { name: "Demo admin", exact: true }).click();
    await expect(page).toHaveURL(`${stackEnv().portalUrl}/admin`);
    await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toBeVisible();
  });
});
