import type { GameView } from "@/lib/api/schemas";
import type { Links, MessagePayload } from "../format/payload";
import type { GameBoard } from "../games/game-board";
import { bootKinds, renderCalledOff, renderOutcome, renderProgress, renderStillRunning, type OperationKind } from "./render-progress";

export type FollowPorts = {
  board: Pick<GameBoard, "subscribe" | "isLive">;
  /** Fetches the game when the event stream is down, so progress still moves. */
  refresh(id: string): Promise<GameView>;
  edit(payload: MessagePayload): Promise<void>;
};

export type FollowTiming = {
  /** Never edit more often than this: Discord rate-limits webhook edits, and people cannot read faster. */
  minEditMs: number;
  /** Refresh the elapsed time this often when nothing else changes. */
  tickMs: number;
  /** Interaction tokens live 15 minutes; stop following a little before. */
  maxMs: number;
  /** A boot queued behind a shutdown passes through "stopped"; only a longer stop means it was interrupted. */
  stoppedGraceMs: number;
};

export const defaultFollowTiming: FollowTiming = { minEditMs: 1_000, tickMs: 2_000, maxMs: 14 * 60_000, stoppedGraceMs: 10_000 };

export type FollowOptions = {
  kind: OperationKind;
  /** The game as the portal answered the request. */
  initial: GameView;
  userId: string;
  links: Links;
  requestedAt: number;
  timing?: Partial<FollowTiming>;
};

function isSettled(kind: OperationKind, initial: GameView, view: GameView, stoppedForMs: number, timing: FollowTiming): boolean {
  const changed = view.state !== initial.state || view.since !== initial.since || view.scheduledShutdown?.at !== initial.scheduledShutdown?.at;
  if (!changed) return false;
  if (bootKinds.has(kind)) return view.state === "ready" || view.state === "failed" || (view.state === "stopped" && stoppedForMs >= timing.stoppedGraceMs);
  return view.state === "stopped" || view.state === "failed" || isCalledOff(kind, initial, view);
}

/** A planned shutdown that an admin called off before its time: the game runs on, nothing more will happen. */
export function isCalledOff(kind: OperationKind, initial: GameView, view: GameView): boolean {
  return kind === "shutdown" && Boolean(initial.scheduledShutdown) && !view.scheduledShutdown && view.state === "ready";
}

// The portal's own clock for how long it took, so the reply agrees with the notification ("took 6.5 s").
function portalDuration(view: GameView): number | null {
  const began = view.opStartedAt === null ? NaN : Date.parse(view.opStartedAt);
  const took = Date.parse(view.since) - began;
  return Number.isFinite(took) && took >= 0 ? took : null;
}

function startOf(options: FollowOptions): number {
  const { initial, userId, requestedAt } = options;
  // Someone else's boot was joined: count from when it began, as the portal shows it.
  const joined = initial.state === "starting" && initial.by?.id !== userId && initial.opStartedAt !== null;
  const began = joined ? Date.parse(initial.opStartedAt!) : NaN;
  return Number.isFinite(began) && began <= requestedAt ? began : requestedAt;
}

/**
 * Keeps one interaction reply up to date while an operation runs: edits when the shown text changes, at most
 * once per `minEditMs`, and finishes with the outcome (or a pointer to the portal near the 15-minute limit).
 */
export async function followOperation(ports: FollowPorts, options: FollowOptions): Promise<GameView> {
  const timing = { ...defaultFollowTiming, ...options.timing };
  const { kind, initial, userId, links, requestedAt } = options;
  const startedAt = startOf(options);
  let latest = initial;
  let wake: (() => void) | null = null;
  const unsubscribe = ports.board.subscribe((view) => {
    if (view.id !== initial.id) return;
    latest = view;
    wake?.();
  });
  try {
    let shownKey = "";
    let lastEditAt = -Infinity;
    let stoppedSince: number | null = null;
    for (;;) {
      const now = Date.now();
      stoppedSince = latest.state === "stopped" ? (stoppedSince ?? now) : null;
      // After a planned shutdown's countdown, the time that counts is the shutdown's own, as the portal measures it.
      const stopBegan = kind === "shutdown" && latest.state === "stopping" && latest.opStartedAt ? Date.parse(latest.opStartedAt) : NaN;
      const elapsedMs = now - (Number.isFinite(stopBegan) && stopBegan > startedAt ? stopBegan : startedAt);
      let payload: MessagePayload;
      let final = true;
      if (isSettled(kind, initial, latest, stoppedSince === null ? 0 : now - stoppedSince, timing)) {
        payload = isCalledOff(kind, initial, latest) ? renderCalledOff(latest) : renderOutcome(kind, latest, links, portalDuration(latest) ?? elapsedMs);
      }
      else if (now - requestedAt >= timing.maxMs) payload = renderStillRunning(latest, links, elapsedMs);
      else {
        payload = renderProgress({ kind, view: latest, elapsedMs, userId });
        final = false;
      }
      const key = JSON.stringify(payload);
      if (key !== shownKey) {
        const wait = lastEditAt + timing.minEditMs - Date.now();
        if (wait > 0) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          // Show what is true after the pause, not what was true before it.
          if (!final) continue;
        }
        await ports.edit(payload);
        shownKey = key;
        lastEditAt = Date.now();
      }
      if (final) return latest;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timing.tickMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
      if (!ports.board.isLive()) latest = await ports.refresh(initial.id).catch(() => latest);
    }
  } finally {
    unsubscribe();
  }
}
