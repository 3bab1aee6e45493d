import { assertChromiumInstalled } from "../support/chromium";

export default async function globalSetup(): Promise<void> {
  assertChromiumInstalled();
}
