import { followArcadeEvents } from "@/lib/api/client-events";
import type { GameBoard } from "./games/game-board";
import type { Logger } from "./log";
import type { Notifier } from "./notifications/notifier";
import type { LiveStatusMessage } from "./status-message/live-status-message";

export type FollowPortalOptions = {
  baseUrl: string;
  token: string;
  lastEventId: number | null;
  /** The portal event log `lastEventId` belongs to, as saved with it. */
  logId: string | null;
  board: GameBoard;
  notifier: Notifier | null;
  statusMessage: LiveStatusMessage | null;
  log: Logger;
  signal: AbortSignal;
  backoff?: { initialMs?: number; maxMs?: number };
};

/** One event stream feeds everything: the board (commands, autocomplete), notifications and the status message. */
export function followPortal(options: FollowPortalOptions): Promise<void> {
  const { board, notifier, statusMessage, log } = options;
  let downSince: number | null = null;
  return followArcadeEvents({
    baseUrl: options.baseUrl,
    token: options.token,
    lastEventId: options.lastEventId,
    logId: options.logId,
    signal: options.signal,
    backoff: options.backoff,
    handlers: {
      snapshot(snapshot) {
        board.replace(snapshot.games);
        board.setLive(true);
        notifier?.handleSnapshot(snapshot);
        statusMessage?.refresh();
      },
      status(view) {
        board.update(view);
        statusMessage?.refresh();
      },
      event(event) {
        notifier?.handleEvent(event);
      },
      connection(change) {
        if (change.connected) {
          const resumed = change.resumedAfter === null ? "" : ` (resuming after event ${change.resumedAfter}${change.reset ? "; the portal's event log was reset" : ""})`;
          const outage = downSince === null ? "" : `, back after ${Math.round((Date.now() - downSince) / 1000)} s`;
          log.info(`following the arcade's events at ${options.baseUrl}${resumed}${outage}`);
          downSince = null;
          return;
        }
        board.setLive(false);
        downSince ??= Date.now();
        statusMessage?.refresh();
        log.warn(`the arcade's event stream is down (${change.error.message}); reconnecting in ${(change.retryInMs / 1000).toFixed(1)} s`);
      },
      warn: (message, cause) => log.warn(message, cause),
    },
  });
}
