import type { BrowserContext, Page } from "@playwright/test";

/** A phone as Chromium emulates one: the viewport meta tag applies, touch events, a coarse pointer. */
export const PHONE = { isMobile: true, hasTouch: true } as const;
export const PORTRAIT = { width: 390, height: 844 };
export const LANDSCAPE = { width: 844, height: 390 };

/** The share of the viewport an element covers (clipped to the viewport). */
export async function screenShare(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
    const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    return (w * h) / (innerWidth * innerHeight);
  }, selector);
}

/** A browser without the Fullscreen API for elements, like Safari on an iPhone. */
export async function withoutFullscreenApi(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    Object.defineProperty(Document.prototype, "fullscreenEnabled", { get: () => false, configurable: true });
    delete (Element.prototype as { requestFullscreen?: unknown }).requestFullscreen;
  });
}

/** The notch and rounded corners of a phone: env(safe-area-inset-*) as Chromium reports them (CDP). */
export async function setSafeArea(page: Page, insets: { top?: number; right?: number; bottom?: number; left?: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setSafeAreaInsetsOverride", { insets: { top: 0, right: 0, bottom: 0, left: 0, ...insets } });
}

/** A two-finger pinch (zoom in) at a point, through Chromium's input pipeline; returns the page's zoom after it. */
export async function pinchAt(page: Page, x: number, y: number): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.synthesizePinchGesture", { x, y, scaleFactor: 2 });
  return page.evaluate(() => window.visualViewport?.scale ?? 1);
}

/**
 * Lets a test hide and show the page as switching tabs does (document.visibilityState and the visibilitychange
 * event); headless Chromium keeps every page visible otherwise.
 */
export async function controllableVisibility(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    let hidden = false;
    Object.defineProperty(Document.prototype, "visibilityState", { get: () => (hidden ? "hidden" : "visible"), configurable: true });
    Object.defineProperty(Document.prototype, "hidden", { get: () => hidden, configurable: true });
    (window as unknown as { setPageHidden: (value: boolean) => void }).setPageHidden = (value) => {
      hidden = value;
      document.dispatchEvent(new Event("visibilitychange"));
    };
  });
}

export async function setPageHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((value) => (window as unknown as { setPageHidden: (v: boolean) => void }).setPageHidden(value), hidden);
}
