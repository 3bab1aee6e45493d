import { expect, type Locator, type Page } from "@playwright/test";
import { stackEnv } from "../support/portal-stack";

export type PowerLabel = "Start" | "Shut down" | "Force stop" | "Reboot";

/** The admin page: a row per container with power actions and settings, and the audit timeline. */
export class AdminPage {
  constructor(readonly page: Page) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`${stackEnv().portalUrl}/admin${query}`);
  }

  row(name: string): Locator {
    return this.page.getByRole("article", { name, exact: true });
  }

  badge(name: string): Locator {
    return this.row(name).locator("[data-state]");
  }

  powerButton(name: string, label: PowerLabel): Locator {
    return this.row(name).getByRole("group", { name: `Power actions for ${name}` }).getByRole("button", { name: label, exact: true });
  }

  dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  /**
   * Presses a power button and, for the destructive ones, confirms in the dialog; `now` picks "Now" where a
   * shutdown offers the players' countdown.
   */
  async power(name: string, label: PowerLabel, options: { now?: boolean } = {}): Promise<void> {
    await this.powerButton(name, label).click();
    if (label === "Start") return;
    await expect(this.dialog()).toBeVisible();
    if (options.now) await this.dialog().getByRole("radio", { name: /^Now/ }).check();
    await this.dialog().getByRole("button", { name: label, exact: true }).click();
    await expect(this.dialog()).toBeHidden();
  }

  auditEntries(): Locator {
    return this.page.getByRole("list", { name: "Audit timeline" }).getByRole("listitem");
  }

  async filterAudit(filters: { game?: string; person?: string }): Promise<void> {
    const form = this.page.getByRole("form", { name: "Filter the audit timeline" });
    if (filters.game !== undefined) await form.getByLabel("Game").selectOption({ label: filters.game });
    if (filters.person !== undefined) await form.getByLabel("Person").selectOption({ label: filters.person });
    await form.getByRole("button", { name: "Show" }).click();
  }

  /** One of a game's load charts ("CPU", "Memory", "Network"): a slider that moves the chart's cursor. */
  chart(name: string, what: "CPU" | "Memory" | "Network", span: "last hour" | "last day" = "last hour"): Locator {
    return this.row(name).getByRole("slider", { name: `${what} of ${name}, ${span}` });
  }

  /** The legend under a chart, whose values follow the pointer. */
  chartLegend(name: string, what: "CPU" | "Memory" | "Network"): Locator {
    return this.row(name).getByRole("figure").filter({ has: this.page.getByRole("slider", { name: new RegExp(`^${what} of `) }) }).locator(".u-legend");
  }

  node(name: string): Locator {
    return this.page.getByRole("list", { name: "Proxmox nodes" }).getByRole("listitem", { name });
  }

  settings(name: string): Locator {
    return this.page.getByRole("form", { name: `Settings for ${name}` });
  }
}
