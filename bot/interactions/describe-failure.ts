import { isArcadeApiError } from "@/lib/api/client-errors";
import { isArcadeError } from "@/lib/errors";

export type Failure = { sentence: string; unexpected: boolean };

export const PORTAL_DOWN =
  "The arcade portal is not answering right now, so I cannot reach the games. I keep trying in the background: try again in a minute, and tell an admin if it lasts.";

/**
 * What the person who ran a command is told when it fails: the portal's own sentence when it refused (403, 404,
 * 409…), a plain sentence when it is down, and no internals ever. `unexpected` ones also go to the log.
 */
export function describeFailure(error: unknown): Failure {
  if (isArcadeApiError(error)) {
    if (error.portalUnreachable) return { sentence: PORTAL_DOWN, unexpected: false };
    if (error.kind === "unauthorized") {
      return { sentence: "The portal does not accept the bot's API token; an admin has to set ARCADE_API_TOKEN to the portal's value.", unexpected: true };
    }
    return { sentence: error.message, unexpected: error.code.startsWith("internal:") || error.kind === "config" };
  }
  if (isArcadeError(error)) return { sentence: error.message, unexpected: false };
  return { sentence: "Something went wrong on my side; the details are in the bot's log.", unexpected: true };
}
