import { type Locator, type Page } from "@playwright/test";

/** The Play screen's panel beside the game: who is playing, and the top 10 of the shown board. */
export class ScoresPanel {
  constructor(readonly page: Page) {}

  panel(): Locator {
    return this.page.getByRole("complementary", { name: "Scores and players" });
  }

  /** The board's rows, e.g. board("Top 10 of Snake"). */
  board(title: string): Locator {
    return this.panel().getByRole("list", { name: title, exact: true }).getByRole("listitem");
  }

  playingNow(): Locator {
    return this.panel().getByRole("list", { name: "Playing now" }).getByRole("listitem");
  }

  toast(): Locator {
    return this.page.getByTestId("score-toast");
  }
}
