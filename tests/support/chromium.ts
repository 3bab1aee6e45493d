import { existsSync } from "node:fs";

/** Debian's Chromium: `npx playwright install` cannot download browsers on this machine. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Fails the run with a sentence when Chromium is missing; browser tests never skip. */
export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: install it with \`sudo apt-get install -y chromium\` (Debian) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
}
