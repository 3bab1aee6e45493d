import { type Browser, type BrowserContext, test as base, expect } from "@playwright/test";

export { expect };

// Chromium reports each refused load, script, style or frame on the console ("Refused to … because it violates
// the following Content Security Policy directive …"); the page itself also gets a securitypolicyviolation event.
const CSP_MESSAGE = /Content Security Policy|Content-Security-Policy|securitypolicyviolation/i;

function watch(context: BrowserContext, violations: string[]): void {
  context.on("console", (message) => {
    if (CSP_MESSAGE.test(message.text())) violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
  });
  // The event carries what the console may abbreviate; it is forwarded to the console, where the listener above
  // picks it up. Init scripts run outside the page's CSP.
  void context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
}

/**
 * The test every e2e spec uses: the portal runs with its real Content-Security-Policy, and any violation in any
 * browser context a test opens (its own `page`, or contexts made with `browser.newContext()`) fails the test.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ browser }, provide) => {
      const violations: string[] = [];
      const target = browser as Browser & { newContext: Browser["newContext"] };
      const newContext = target.newContext.bind(browser);
      target.newContext = async (...args: Parameters<Browser["newContext"]>) => {
        const context = await newContext(...args);
        watch(context, violations);
        return context;
      };
      try {
        await provide(violations);
      } finally {
        target.newContext = newContext;
      }
      expect(violations, "Content-Security-Policy violations in the browser").toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, cspViolations }, provide) => {
    watch(context, cspViolations);
    await provide(context);
  },
});
