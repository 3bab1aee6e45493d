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
 * What to post after an outage, in time order: one summary line counting the older events that are left out,
 * then the newest `maxBacklog` notifiable events. When the replay stopped short of `untilId` (the portal
 * replays at most 1000 events) the replayed events are not the newest, so none is posted and the summary
 * counts them all. The last delivery always carries `untilId` (or the newest replayed id), so every id is
 * accounted for.
 */
export function planBacklog(backlog: Backlog, maxBacklog: number, format: (event: ArcadeEventView) => MessagePayload | null): Delivery[] {
  const notifiable = backlog.events.flatMap((event) => {
    const payload = format(event);
    return payload ? [{ event, payload }] : [];
  });
  const newestSeen = backlog.events.at(-1)?.id ?? backlog.afterId;
  const neverReplayed = Math.max(0, backlog.untilId - newestSeen);
  const lastId = Math.max(newestSeen, backlog.untilId);
  const kept = maxBacklog > 0 && neverReplayed === 0 ? notifiable.slice(-maxBacklog) : [];
  const dropped = notifiable.slice(0, notifiable.length - kept.length);
  const skipped = dropped.length + neverReplayed;

  const deliveries: Delivery[] = [];
  if (skipped > 0) {
    // Saved as delivered: everything before the first kept event, so a crash after the summary never repeats it.
    const id = kept.length > 0 ? kept[0]!.event.id - 1 : lastId;
    const range = dropped.length > 0 && neverReplayed === 0 ? { from: dropped[0]!.event.at, to: dropped.at(-1)!.event.at } : null;
    deliveries.push({ id, payload: formatBacklogSummary(skipped, range), nonce: `arcade-skip-${id}` });
  }
  deliveries.push(...kept.map(({ event, payload }) => ({ id: event.id, payload, nonce: `arcade-${event.id}` })));
  if (deliveries.at(-1)?.id !== lastId) deliveries.push({ id: lastId, payload: null, nonce: `arcade-${lastId}` });
  return deliveries;
}
