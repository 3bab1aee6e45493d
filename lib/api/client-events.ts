import { type z } from "zod";
import { ArcadeApiError, errorFromResponse, isArcadeApiError, unreachableError } from "./client-errors";
import { arcadeEventSchema, gameViewSchema, shutdownSchema, snapshotSchema, type ArcadeEventView, type GameView } from "./schemas";
import { createSseParser, type SseFrame } from "./sse";

export type ArcadeSnapshot = z.infer<typeof snapshotSchema>;

export type StreamConnectionChange =
  /** `reset`: the portal's event log is not the one our last id came from; events continue from `resumedAfter`. */
  | { connected: true; resumedAfter: number | null; reset: boolean }
  | { connected: false; error: ArcadeApiError; retryInMs: number };

export type ArcadeStreamHandlers = {
  /** First on every (re)connection: all games and the newest stored event id. */
  snapshot(snapshot: ArcadeSnapshot): void;
  status(view: GameView): void;
  /** Stored lifecycle events, each id once, in order (replayed ones first after a resume). */
  event(event: ArcadeEventView): void;
  connection?(change: StreamConnectionChange): void;
  /** Frames that could not be understood, and handlers that threw; the stream goes on. */
  warn?(message: string, cause?: unknown): void;
};

export type FollowArcadeEventsOptions = {
  baseUrl: string;
  token: string;
  /** Resume after this event id (Last-Event-ID); null = only what happens from now on. */
  lastEventId: number | null;
  /** The portal's event log that `lastEventId` belongs to (the snapshot's `logId`), when known. */
  logId?: string | null;
  handlers: ArcadeStreamHandlers;
  signal?: AbortSignal;
  backoff?: { initialMs?: number; maxMs?: number };
  /** The portal sends a comment every 15 s; silence longer than this means a dead connection. */
  idleTimeoutMs?: number;
  fetch?: typeof fetch;
  random?: () => number;
  /** After the portal said it is restarting, reconnect at its retry hint (not the backoff) for this long. */
  restartWindowMs?: number;
};

function backoffDelay(failures: number, initialMs: number, maxMs: number, random: () => number): number {
  const base = Math.min(maxMs, initialMs * 2 ** Math.min(failures, 20));
  return Math.round(base * (0.8 + 0.4 * random()));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * Follows GET /api/v1/events until `signal` aborts: parses and validates every frame, reconnects with
 * exponential backoff and Last-Event-ID, and never hands the same event id over twice.
 */
export async function followArcadeEvents(options: FollowArcadeEventsOptions): Promise<void> {
  const { handlers } = options;
  const signal = options.signal ?? new AbortController().signal;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const idleTimeoutMs = options.idleTimeoutMs ?? 45_000;
  const random = options.random ?? Math.random;
  let lastId = options.lastEventId;
  let logId = options.logId ?? null;
  let failures = 0;
  // Set by a `shutdown` frame: the portal is restarting, so the next one is worth asking for often.
  let restart: { retryMs: number; until: number; message: string } | null = null;

  const safely = (what: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      handlers.warn?.(`the ${what} handler failed`, error);
    }
  };

  // A portal on another release sends other shapes: say so in one line instead of dumping the schema error.
  const mismatch = (what: string, error: z.ZodError) => {
    const issue = error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    handlers.warn?.(`${what} does not match this client's API schema${where} (${issue?.message ?? "invalid"}); are the portal and this client on the same release?`);
  };

  function onFrame(frame: SseFrame, connected: () => void): void {
    let data: unknown;
    try {
      data = JSON.parse(frame.data);
    } catch (error) {
      handlers.warn?.(`an "${frame.event}" frame is not JSON`, error);
      return;
    }
    if (frame.event === "snapshot") {
      const snapshot = snapshotSchema.safeParse(data);
      if (!snapshot.success) return mismatch("the snapshot", snapshot.error);
      const resumedAfter = lastId;
      const { resumeAfter, lastEventId } = snapshot.data;
      let reset = snapshot.data.reset === true;
      if (resumeAfter !== undefined && snapshot.data.logId !== undefined) {
        // The portal decided where this stream resumes (after a reset, earlier than our own last id).
        lastId = resumeAfter;
        logId = snapshot.data.logId;
      } else if (lastId === null || lastEventId < lastId) {
        // A portal without log identities: a newest id below ours means its log was reset.
        reset = lastId !== null;
        lastId = lastEventId;
      }
      restart = null;
      connected();
      safely("connection", () => handlers.connection?.({ connected: true, resumedAfter, reset }));
      safely("snapshot", () => handlers.snapshot(snapshot.data));
    } else if (frame.event === "status") {
      const view = gameViewSchema.safeParse(data);
      if (!view.success) return mismatch("a status frame", view.error);
      safely("status", () => handlers.status(view.data));
    } else if (frame.event === "arcade") {
      const event = arcadeEventSchema.safeParse(data);
      if (!event.success) return mismatch("an event frame", event.error);
      if (lastId !== null && event.data.id <= lastId) return;
      lastId = event.data.id;
      safely("event", () => handlers.event(event.data));
    } else if (frame.event === "shutdown") {
      const shutdown = shutdownSchema.safeParse(data);
      if (!shutdown.success) return mismatch("a shutdown frame", shutdown.error);
      restart = { retryMs: shutdown.data.retryMs, until: Date.now() + (options.restartWindowMs ?? 60_000), message: shutdown.data.message };
    }
  }

  async function readOnce(connected: () => void): Promise<never> {
    const controller = new AbortController();
    const abort = () => controller.abort(signal.reason);
    signal.addEventListener("abort", abort, { once: true });
    let idle: ReturnType<typeof setTimeout> | undefined;
    let wentQuiet = false;
    const armIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        wentQuiet = true;
        controller.abort();
      }, idleTimeoutMs);
    };
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: "text/event-stream" };
      if (lastId !== null) headers["last-event-id"] = logId === null ? String(lastId) : `${logId}:${lastId}`;
      armIdle();
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/api/v1/events`, { headers, signal: controller.signal });
      } catch (error) {
        throw unreachableError(baseUrl, error);
      }
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => null);
        throw errorFromResponse(response.status, body);
      }
      const feed = createSseParser((frame) => onFrame(frame, connected));
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        armIdle();
        feed(value);
      }
      throw new ArcadeApiError("unavailable:portal", restart ? restart.message : "The portal closed the event stream.", { httpStatus: null });
    } catch (error) {
      if (wentQuiet) {
        throw new ArcadeApiError("unavailable:portal", `The event stream was silent for ${Math.round(idleTimeoutMs / 1000)} s.`, { httpStatus: null, cause: error });
      }
      throw isArcadeApiError(error) ? error : unreachableError(baseUrl, error);
    } finally {
      clearTimeout(idle);
      signal.removeEventListener("abort", abort);
      controller.abort();
    }
  }

  while (!signal.aborted) {
    const error = await readOnce(() => {
      failures = 0;
    }).catch((caught: unknown) => caught as ArcadeApiError);
    if (signal.aborted) break;
    let retryInMs: number;
    // Set by onFrame, which TypeScript's narrowing does not follow into.
    const hint = restart as { retryMs: number; until: number } | null;
    if (hint && Date.now() < hint.until) {
      retryInMs = Math.round(hint.retryMs * (0.8 + 0.4 * random()));
    } else {
      restart = null;
      retryInMs = backoffDelay(failures, options.backoff?.initialMs ?? 1_000, options.backoff?.maxMs ?? 30_000, random);
      failures += 1;
    }
    safely("connection", () => handlers.connection?.({ connected: false, error, retryInMs }));
    await sleep(retryInMs, signal);
  }
}
