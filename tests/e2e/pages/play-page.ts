import { expect, type FrameLocator, type Locator, type Page } from "@playwright/test";

/** The Play screen: boot stages while the game starts, then the game in its frame. */
export class PlayPage {
  constructor(readonly page: Page) {}

  stages(): Locator {
    return this.page.getByRole("list", { name: "Boot stages" });
  }

  currentStage(): Locator {
    return this.stages().locator('[aria-current="step"]');
  }

  frameElement(): Locator {
    return this.page.locator('iframe[title$=" game"]');
  }

  frame(): FrameLocator {
    return this.page.frameLocator('iframe[title$=" game"]');
  }

  /** The demo games mark their state on <body>: ready (start gate showing), playing, paused, over. */
  async expectGameState(state: string, timeout = 15_000): Promise<void> {
    await expect(this.frame().locator("body")).toHaveAttribute("data-state", state, { timeout });
  }

  /**
   * The portal greeted the player in the game (the demo games show "Hi <name>!"). The portal says hello only after
   * it listens to the frame, so from here on what the game posts is heard — the game's own `ready` can come first,
   * while the portal's page is still hydrating.
   */
  async expectGreeted(name: string, timeout = 15_000): Promise<void> {
    await expect(this.frame().locator("[data-greeting]").first()).toHaveText(`Hi ${name}!`, { timeout });
  }

  /**
   * One press to play: the Play press reached the game through allow="autoplay", so it skipped its own start gate
   * and started with sound (data-autoplay, data-audio: games-demo/_shell/arcade/shell.js).
   */
  async expectGameStarted(timeout = 15_000): Promise<void> {
    const body = this.frame().locator("body");
    await expect(body).toHaveAttribute("data-autoplay", "allowed", { timeout });
    await expect(body).toHaveAttribute("data-audio", "running");
    await expect(this.frame().getByRole("button", { name: "Click or tap to start" })).toBeHidden();
  }

  controlsSummary(): Locator {
    return this.page.locator("summary", { hasText: "Controls" });
  }

  /** The game's controls from its manifest, shown once Controls is opened. */
  controlsList(): Locator {
    return this.page.locator("details").filter({ has: this.controlsSummary() }).getByRole("list");
  }

  /** The countdown of a planned shutdown: above the frame on a desktop, beside the floating buttons on a phone. */
  shutdownBanner(): Locator {
    return this.page.getByTestId("shutdown-banner").filter({ visible: true });
  }

  problemReason(): Locator {
    return this.page.getByTestId("play-reason");
  }

  retryButton(): Locator {
    return this.page.getByRole("button", { name: "Retry" });
  }

  playAgainButton(): Locator {
    return this.page.getByRole("button", { name: "Play again" });
  }
}
