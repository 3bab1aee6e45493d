import type { ArcadeEventView } from "@/lib/api/schemas";
import type { MessagePayload } from "../format/payload";
import { formatBacklogSummary } from "./format-notification";

/** One step of the delivery queue: post `payload` (if any), then remember `id` as delivered. */
export type Delivery = { id: number; payload: MessagePayload | null; nonce: string };

export type Backlog = {
  /** The last event delivered before the outage. */
  afterId: number;
  /** The portal's newest event id when the bot reconnected (the snapshot's lastEventId). */
  untilId: number;
  /** The replayed events, oldest first. */
  events: ArcadeEventView[];
};

/**
 * What to post after an outage: the newest `maxBacklog` notifiable events, then one summary line counting the
 * rest, including any the portal did not replay (its replay is capped). Every id is accounted for.
 */
export function planBacklog(backlog: Backlog, maxBacklog: number, format: (event: ArcadeEventView) => MessagePayload | null): Delivery[] {
  const notifiable = backlog.events.flatMap((event) => {
    const payload = format(event);
    return payload ? [{ event, payload }] : [];
  });
  const kept = maxBacklog > 0 ? notifiable.slice(-maxBacklog) : [];
  const dropped = notifiable.slice(0, notifiable.length - kept.length);
  const newestSeen = backlog.events.at(-1)?.id ?? backlog.afterId;
  const neverReplayed = Math.max(0, backlog.untilId - newestSeen);
  const lastId = Math.max(newestSeen, backlog.untilId);
  const deliveries: Delivery[] = kept.map(({ event, payload }) => ({ id: event.id, payload, nonce: `arcade-${event.id}` }));
  const skipped = dropped.length + neverReplayed;
  const range = dropped.length > 0 ? { from: dropped[0]!.event.at, to: dropped.at(-1)!.event.at } : null;
  deliveries.push({ id: lastId, payload: skipped > 0 ? formatBacklogSummary(skipped, range) : null, nonce: `arcade-skip-${lastId}` });
  return deliveries;
}
