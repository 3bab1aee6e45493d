import type { GameView } from "../api/schemas";

type GameState = GameView["state"];
type StartStage = NonNullable<GameView["stage"]>;

/** Tones map to colours and icons; the label always says the state in words as well. */
export type StateTone = "idle" | "busy" | "ok" | "bad" | "unknown";

const states: Record<GameState, { label: string; tone: StateTone }> = {
  stopped: { label: "Stopped", tone: "idle" },
  starting: { label: "Starting", tone: "busy" },
  ready: { label: "Ready", tone: "ok" },
  stopping: { label: "Stopping", tone: "busy" },
  failed: { label: "Failed", tone: "bad" },
  unknown: { label: "State unknown", tone: "unknown" },
};

/** The words and tone of a game's state for badges and announcements. */
export function describeState(state: GameState): { label: string; tone: StateTone } {
  return states[state];
}

const stageOrder: readonly StartStage[] = ["requested", "container_starting", "container_running", "waiting_for_game", "ready"];

const stageLabels: Record<StartStage, string> = {
  requested: "Start requested",
  container_starting: "Container starting",
  container_running: "Container running",
  waiting_for_game: "Waiting for the game",
  ready: "Ready",
};

export type StageStep = { id: StartStage; label: string; status: "done" | "current" | "todo" };

/** The boot's named steps with where the game is now; a ready game has every step done. */
export function stageSteps(state: GameState, stage: StartStage | null): StageStep[] {
  const reached = state === "ready" ? stageOrder.length : state === "starting" ? stageOrder.indexOf(stage ?? "requested") : -1;
  return stageOrder.map((id, index) => ({
    id,
    label: stageLabels[id],
    status: index < reached ? "done" : index === reached ? "current" : "todo",
  }));
}

/** One line for a card under the badge: why it failed or cannot be seen, or what Play will do. */
export function stateHint(view: Pick<GameView, "state" | "reason" | "by">): string | null {
  switch (view.state) {
    case "failed":
      return view.reason ? `Last start failed: ${view.reason}` : "The last start failed.";
    case "unknown":
      return view.reason ?? "Proxmox cannot be reached right now.";
    case "starting":
      return view.by ? `Started by ${view.by.name}` : null;
    case "stopping":
      return view.by ? `Stopped by ${view.by.name}` : null;
    case "stopped":
      return "Asleep; Play wakes it up.";
    case "ready":
      return "Running now: jump straight in.";
  }
}
