import type { GameView } from "@/lib/api/schemas";

/** Where this page's own Play request stands: being sent, answered, or refused (with the server's sentence). */
export type PlayPhase = { kind: "asking" } | { kind: "asked" } | { kind: "refused"; message: string };

export type PlayMode = "frame" | "progress" | "waiting-for-stop" | "failed" | "refused" | "stopped" | "unreachable";

export type PlayModeInput = {
  state: GameView["state"];
  phase: PlayPhase;
  /** The game was starting or ready at some point since this page asked. */
  seenActive: boolean;
  /** The game frame has been shown on this page already. */
  frameShown: boolean;
};

/**
 * What the Play screen shows. A ready game always wins (someone else may have started it); a frame keeps running
 * through a short Proxmox outage, because the game's own server is still up; our request in flight shows the
 * stages, so an old failure does not flash up after Retry.
 */
export function playMode({ state, phase, seenActive, frameShown }: PlayModeInput): PlayMode {
  if (state === "ready") return "frame";
  if (state === "unknown" && frameShown) return "frame";
  if (phase.kind === "refused") return "refused";
  if (phase.kind === "asking" || state === "starting") return "progress";
  switch (state) {
    case "failed":
      return "failed";
    case "stopping":
      return seenActive ? "stopped" : "waiting-for-stop";
    case "stopped":
      return "stopped";
    case "unknown":
      return "unreachable";
  }
}

/** The phase a freshly rendered Play screen starts in: a stopped game is about to be asked for. */
export function initialPhase(state: GameView["state"]): PlayPhase {
  return state === "ready" || state === "starting" ? { kind: "asked" } : { kind: "asking" };
}
