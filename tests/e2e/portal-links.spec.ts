import { expect, test } from "./support/test";
import { SignInPage } from "./pages/sign-in-page";
import { stackEnv } from "./support/portal-stack";

test.describe("links into the portal", () => {
  test("a friend who opens the portal at 127.0.0.1 instead of localhost signs in and lands on the game they asked for", async ({ page }) => {
    const canonical = new URL(stackEnv().portalUrl);
    const other = new URL(stackEnv().portalUrl);
    other.hostname = "127.0.0.1";
    await page.goto(`${other.origin}/play/snake`);
    await new SignInPage(page).signInThroughDiscord("Demo Player");
    await expect(page).toHaveURL(`${canonical.origin}/play/snake`);
    await expect(page.getByRole("heading", { name: "Snake", level: 1 })).toBeVisible();
    await expect(page.getByTestId("signed-in-user")).toContainText("Demo Player");
  });
});
