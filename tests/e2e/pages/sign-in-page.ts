import { type Browser, type BrowserContext, type BrowserContextOptions, expect, type Page } from "@playwright/test";
import { stackEnv } from "../support/portal-stack";

export type DemoUser = "Demo player" | "Demo admin";

/** The portal's sign-in page and the simulated Discord consent page behind "Sign in with Discord". */
export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(`${stackEnv().portalUrl}/signin`);
  }

  /**
   * The real OAuth redirect flow: portal → Discord's authorize page → pick an account → back to the portal.
   * Returns the authorize URL the portal redirected the browser to, with its PKCE and state parameters.
   */
  async signInThroughDiscord(displayName: string): Promise<URL> {
    const discord = new URL(stackEnv().discordUrl).origin;
    const authorize = this.page.waitForRequest((request) => {
      const url = new URL(request.url());
      return request.method() === "GET" && url.origin === discord && url.pathname.endsWith("/oauth2/authorize");
    });
    await this.page.getByRole("button", { name: "Sign in with Discord" }).click();
    const authorizeUrl = new URL((await authorize).url());
    await expect(this.page.getByRole("heading", { name: /^Sign in to .* as…$/ })).toBeVisible();
    await this.page.getByRole("button", { name: displayName, exact: true }).click();
    return authorizeUrl;
  }

  /** Demo mode's one-click login (still the OAuth redirect flow, with the account picked by login_hint). */
  async signInAsDemo(user: DemoUser): Promise<void> {
    await this.goto();
    await this.page.getByRole("button", { name: user, exact: true }).click();
    await this.page.waitForURL(`${stackEnv().portalUrl}/`);
  }
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
// A session cookie stays valid after its browser closes (sessions are JWTs), so each demo user signs in once per
// worker and later contexts start from that cookie; sign-in itself is covered by portal-login.spec.ts.
const sessions = new Map<DemoUser, StorageState>();

/**
 * A fresh browser context (its own cookies: another friend's browser) signed in as a demo user, on the games page.
 * `options` describe the device (a phone: isMobile, hasTouch) and what it allows (permissions).
 */
export async function openSignedIn(
  browser: Browser,
  user: DemoUser,
  viewport = { width: 1280, height: 800 },
  options: Omit<BrowserContextOptions, "viewport" | "storageState"> = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const known = sessions.get(user);
  const context = await browser.newContext({ ...options, viewport, storageState: known });
  const page = await context.newPage();
  if (known) {
    await page.goto(`${stackEnv().portalUrl}/`);
  } else {
    await new SignInPage(page).signInAsDemo(user);
    sessions.set(user, await context.storageState());
  }
  return { context, page };
}
