import { formatCursor, parseCursor, type ArcadeEvent, type EventCursor, type EventLog } from "../events";
import type { ViewHub } from "../control-plane/view-hub";
import type { GameView } from "./schemas";
import { sseComment, sseMessage } from "./sse";

export type EventStreamOptions = {
  /** Where the client is (Last-Event-ID); null = only what happens from now on. */
  cursor: EventCursor | null;
  signal: AbortSignal;
  heartbeatMs?: number;
  /** Reduce stored events to what the cards need (id, time, type, game): actors, UPIDs and reasons are audit data. */
  redact?: boolean;
  /** What this caller may see of a game (game-visibility.ts); applied to the snapshot and every status frame. */
  present?: (view: GameView) => GameView;
  /** Close the stream after this long, so the client's reconnect is authenticated again. */
  maxDurationMs?: number;
};

/** What a caller who may not read the audit gets of a stored event: enough to resume and to know something happened. */
function redactEvent(event: ArcadeEvent): Pick<ArcadeEvent, "id" | "at" | "type" | "gameId"> {
  return { id: event.id, at: event.at, type: event.type, gameId: event.gameId };
}

/** What a stream sends when the portal is going away: reconnect after `retryMs`, to the next portal. */
export function shutdownFrame(retryMs: number): string {
  const seconds = retryMs >= 1000 ? `${Math.round(retryMs / 100) / 10} s` : `${retryMs} ms`;
  return sseMessage({ retryMs, event: "shutdown", data: { retryMs, message: `The portal is restarting; reconnect in ${seconds} with Last-Event-ID.` } });
}

/**
 * The live stream behind GET /api/v1/events. Stored events carry ids (`<log id>:<event id>`), so a client that
 * reconnects with Last-Event-ID gets exactly what it missed, and one whose ids belong to an older life of the
 * log (a restored backup, a new database) is told it was reset and gets the events since; status changes are
 * pushed without ids; a snapshot of every game comes first so a client never needs to poll. When the portal
 * shuts down every stream ends with a `shutdown` frame and a retry hint.
 */
export function createEventStream(hub: ViewHub, events: EventLog, options: EventStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const present = options.present ?? ((view: GameView) => view);
  const logId = events.identity().id;
  const stored = (event: ArcadeEvent) => sseMessage({ event: "arcade", id: formatCursor(logId, event.id), data: options.redact ? redactEvent(event) : event });
  let cleanup = () => undefined as void;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (hub.shutdownRetryMs !== null) {
        controller.enqueue(encoder.encode(shutdownFrame(hub.shutdownRetryMs)));
        controller.close();
        return;
      }
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
      let buffered: ArcadeEvent[] | null = [];
      const unsubscribe = hub.subscribe({
        status: (view) => send(sseMessage({ event: "status", data: present(view) })),
        scores: (push) => send(sseMessage({ event: "scores", data: push })),
        event: (event) => {
          if (buffered) buffered.push(event);
          else if (event.id > replayedUpTo) send(stored(event));
        },
        shutdown: (retryMs) => {
          send(shutdownFrame(retryMs));
          close();
        },
      });
      const newest = events.lastId();
      const resume = options.cursor === null ? { after: newest, reset: false } : events.resumePoint(options.cursor, newest);
      let replayedUpTo = resume.after;
      // The snapshot carries the resume point as its id, so even a reconnect before any event resumes exactly.
      const snapshot = { games: hub.views().map(present), lastEventId: newest, logId, resumeAfter: resume.after, reset: resume.reset };
      send(sseMessage({ retryMs: 3000, id: formatCursor(logId, resume.after), event: "snapshot", data: snapshot }));
      if (options.cursor !== null) {
        for (const event of events.listAfter(resume.after)) {
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
export function readLastEventId(request: Request): EventCursor | null {
  return parseCursor(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId"));
}
