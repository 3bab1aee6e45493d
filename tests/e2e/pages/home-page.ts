import { expect, type Locator, type Page } from "@playwright/test";
import { stackEnv } from "../support/portal-stack";

export const PLAY_LABELS = ["Play now", "Play", "Join"] as const;
export type PlayLabel = (typeof PLAY_LABELS)[number];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The games page: one card per game, live over the event stream. */
export class HomePage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(`${stackEnv().portalUrl}/`);
    await this.waitUntilLive();
  }

  /** The page is hydrated and its event stream delivered the first snapshot. */
  async waitUntilLive(): Promise<void> {
    await expect(this.page.locator('[data-feed="live"]')).toBeVisible();
  }

  cards(): Locator {
    return this.page.getByRole("list", { name: "Games" }).getByRole("article");
  }

  card(name: string): Locator {
    return this.page.getByRole("article", { name, exact: true });
  }

  badge(name: string): Locator {
    return this.card(name).locator("[data-state]");
  }

  async expectState(name: string, state: string, label: string | RegExp, timeout?: number): Promise<void> {
    await expect(this.badge(name)).toHaveAttribute("data-state", state, { timeout });
    await expect(this.badge(name)).toContainText(label);
  }

  /** A card's Play link, named by its visible words ("Play", "Play now" when ready, "Join" for a multiplayer game in use) and the game. */
  playLink(name: string, label?: PlayLabel): Locator {
    const words = label ?? PLAY_LABELS.join("|");
    return this.page.getByRole("link", { name: new RegExp(`^(${words}) ${escapeRegExp(name)}$`) });
  }

  playLinks(): Locator {
    return this.page.getByRole("link", { name: new RegExp(`^(${PLAY_LABELS.join("|")}) `) });
  }

  async play(name: string): Promise<void> {
    await this.playLink(name).click();
  }

  signedInUser(): Locator {
    return this.page.getByTestId("signed-in-user");
  }
}
