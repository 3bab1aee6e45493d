import type { ArcadeSnapshot } from "@/lib/api/client-events";
import type { ArcadeEventView } from "@/lib/api/schemas";
import type { MessagePayload } from "../format/payload";
import type { Logger } from "../log";
import { planBacklog, type Backlog, type Delivery } from "./plan-backlog";

export type NotifierPorts = {
  post(payload: MessagePayload, nonce: string): Promise<void>;
  /** Where the id of the last delivered event lives between restarts. */
  lastDelivered(): number | null;
  /** `logId` names the portal's event log the id belongs to (null from a portal without log identities). */
  saveLastDelivered(id: number, logId: string | null): void;
  format(event: ArcadeEventView): MessagePayload | null;
  /** True for failures a retry cannot fix (unknown channel, no permission): those notifications are dropped. */
  isPermanent(error: unknown): boolean;
  log: Logger;
};

export type NotifierOptions = {
  maxBacklog: number;
  retry?: { initialMs?: number; maxMs?: number };
  /** How long to wait for the replay after a snapshot before treating what came as the whole backlog. */
  backlogSettleMs?: number;
};

/** What the notifier needs of a stream's snapshot: the newest id, and where (and in which log) the stream resumes. */
export type SnapshotPosition = Pick<ArcadeSnapshot, "lastEventId" | "logId" | "resumeAfter" | "reset">;

export type Notifier = {
  handleSnapshot(snapshot: SnapshotPosition): void;
  handleEvent(event: ArcadeEventView): void;
  /** Resolves once everything accepted so far has been delivered (tests, shutdown). */
  idle(): Promise<void>;
  stop(): void;
};

/**
 * Posts each portal event to the channel exactly once, in order, also across restarts: an event's id is saved
 * only after its message went out, and a resumed stream replays from that id. A backlog after an outage is
 * cut to the newest `maxBacklog` events plus one summary line. The first start begins at the portal's newest
 * event instead of replaying its whole history. When the portal's event log was reset (a restored backup, a new
 * database) the events since the reset are new, whatever their ids, and are posted like a backlog.
 */
export function createNotifier(ports: NotifierPorts, options: NotifierOptions): Notifier {
  const retryInitial = options.retry?.initialMs ?? 2_000;
  const retryMax = options.retry?.maxMs ?? 60_000;
  let accepted = ports.lastDelivered();
  let backlog: (Backlog & { timer: ReturnType<typeof setTimeout> }) | null = null;
  // The portal's event log the ids belong to; saved with each id and part of the nonce, since a reset reuses ids.
  let logId: string | null = null;
  type Queued = Delivery & { logId: string | null };
  const queue: Queued[] = [];
  let draining: Promise<void> | null = null;
  let stopped = false;

  const enqueue = (...items: Delivery[]) => {
    queue.push(...items.map((item) => ({ ...item, logId, nonce: logId === null ? item.nonce : item.nonce.replace(/^arcade-/, `arcade-${logId.slice(0, 4)}-`) })));
    draining ??= drain().finally(() => {
      draining = null;
    });
  };

  async function deliver(item: Queued): Promise<boolean> {
    if (!item.payload) return true;
    try {
      await ports.post(item.payload, item.nonce);
      return true;
    } catch (error) {
      if (!ports.isPermanent(error)) throw error;
      ports.log.warn(`dropped the notification for event ${item.id}`, error);
      return true;
    }
  }

  async function drain(): Promise<void> {
    let failures = 0;
    while (queue.length > 0 && !stopped) {
      const item = queue[0]!;
      try {
        await deliver(item);
      } catch (error) {
        const waitMs = Math.min(retryMax, retryInitial * 2 ** failures++);
        ports.log.warn(`could not post the notification for event ${item.id}; retrying in ${Math.round(waitMs / 1000)} s`, error);
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        continue;
      }
      failures = 0;
      if (stopped) return;
      try {
        ports.saveLastDelivered(item.id, item.logId);
      } catch (error) {
        ports.log.error(`could not save event ${item.id} as delivered; after a restart it may be posted again`, error);
      }
      queue.shift();
    }
  }

  function flushBacklog(): void {
    if (!backlog) return;
    clearTimeout(backlog.timer);
    const deliveries = planBacklog(backlog, options.maxBacklog, ports.format);
    const missed = backlog.events.length;
    backlog = null;
    accepted = Math.max(accepted ?? 0, deliveries.at(-1)!.id);
    if (missed > 0) ports.log.info(`catching up on ${missed} events from while the bot was away`);
    enqueue(...deliveries);
  }

  const skipTo = (id: number) => {
    accepted = id;
    enqueue({ id, payload: null, nonce: `arcade-${id}` });
  };

  const awaitBacklog = (afterId: number, untilId: number) => {
    backlog = { afterId, untilId, events: [], timer: setTimeout(flushBacklog, options.backlogSettleMs ?? 2_000) };
  };

  return {
    handleSnapshot(snapshot) {
      flushBacklog();
      const { lastEventId } = snapshot;
      logId = snapshot.logId ?? null;
      if (accepted === null) skipTo(lastEventId);
      else if (snapshot.reset && snapshot.resumeAfter !== undefined) {
        const from = snapshot.resumeAfter;
        ports.log.warn(`the portal's event log was reset (a restored backup or a new database): posting its events after ${from}, whatever was delivered before`);
        accepted = from;
        if (from < lastEventId) awaitBacklog(from, lastEventId);
        else skipTo(from);
      } else if (accepted > lastEventId) {
        ports.log.warn(`the portal's newest event is ${lastEventId}, older than the ${accepted} already delivered: its event log was reset, so notifications restart from there`);
        skipTo(lastEventId);
      } else if (accepted < lastEventId) {
        awaitBacklog(accepted, lastEventId);
      }
    },
    handleEvent(event) {
      if (accepted !== null && event.id <= accepted) return;
      if (backlog && event.id <= backlog.untilId) {
        backlog.events.push(event);
        if (event.id === backlog.untilId) flushBacklog();
        return;
      }
      flushBacklog();
      accepted = event.id;
      enqueue({ id: event.id, payload: ports.format(event), nonce: `arcade-${event.id}` });
    },
    async idle() {
      while (draining || backlog) {
        if (draining) await draining;
        else await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    stop() {
      stopped = true;
      if (backlog) clearTimeout(backlog.timer);
      backlog = null;
    },
  };
}
