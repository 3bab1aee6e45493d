import type { ArcadeEvent, EventLog } from "../events";
import type { ViewHub } from "../control-plane/view-hub";
import { sseComment, sseMessage } from "./sse";

export type EventStreamOptions = {
  lastEventId: number | null;
  signal: AbortSignal;
  heartbeatMs?: number;
  /** Reduce stored events to what the cards need (id, time, type, game): actors, UPIDs and reasons are audit data. */
  redact?: boolean;
  /** Close the stream after this long, so the client's reconnect is authenticated again. */
  maxDurationMs?: number;
};

/** What a caller who may not read the audit gets of a stored event: enough to resume and to know something happened. */
function redactEvent(event: ArcadeEvent): Pick<ArcadeEvent, "id" | "at" | "type" | "gameId"> {
  return { id: event.id, at: event.at, type: event.type, gameId: event.gameId };
}

/**
 * The live stream behind GET /api/v1/events. Stored events carry ids, so a client that reconnects with
 * Last-Event-ID gets exactly what it missed; status changes are pushed without ids; a snapshot of every game
 * comes first so a client never needs to poll.
 */
export function createEventStream(hub: ViewHub, events: EventLog, options: EventStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const stored = (event: ArcadeEvent) => sseMessage({ event: "arcade", id: event.id, data: options.redact ? redactEvent(event) : event });
  let cleanup = () => undefined as void;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      // Subscribe before replaying, buffering live events, so nothing falls between the replay and the live feed.
      let replayedUpTo = options.lastEventId ?? events.lastId();
      let buffered: ArcadeEvent[] | null = [];
      const unsubscribe = hub.subscribe({
        status: (view) => send(sseMessage({ event: "status", data: view })),
        scores: (push) => send(sseMessage({ event: "scores", data: push })),
        event: (event) => {
          if (buffered) buffered.push(event);
          else if (event.id > replayedUpTo) send(stored(event));
        },
      });
      send(sseMessage({ retryMs: 3000, event: "snapshot", data: { games: hub.views(), lastEventId: events.lastId() } }));
      if (options.lastEventId !== null) {
        for (const event of events.listAfter(options.lastEventId)) {
          send(stored(event));
          replayedUpTo = event.id;
        }
      }
      for (const event of buffered) {
        if (event.id > replayedUpTo) send(stored(event));
        replayedUpTo = Math.max(replayedUpTo, event.id);
      }
      buffered = null;
      const heartbeat = setInterval(() => send(sseComment("keep-alive")), options.heartbeatMs ?? 15_000);
      heartbeat.unref?.();
      // At expiry the client is told to come back at once (retry is applied as soon as it is read), so the
      // re-authenticated stream follows without a visible gap.
      const expire = () => {
        send("retry: 250\n\n");
        close();
      };
      const expiry = options.maxDurationMs ? setTimeout(expire, options.maxDurationMs) : undefined;
      expiry?.unref?.();
      function close() {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearTimeout(expiry);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      }
      cleanup = close;
      options.signal.addEventListener("abort", close, { once: true });
    },
    cancel() {
      cleanup();
    },
  });
}

export const eventStreamHeaders = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  // Tells nginx not to buffer the stream (see deploy/ for the gateway side).
  "x-accel-buffering": "no",
};

/** Last-Event-ID from the header (EventSource reconnects) or `?lastEventId=` (first connect of a resuming client). */
export function readLastEventId(request: Request): number | null {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  if (raw === null || raw === "") return null;
  const id = Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : null;
}
