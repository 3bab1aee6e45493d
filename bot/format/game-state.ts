import type { GameView } from "@/lib/api/schemas";
import { describeState as describeStateWords } from "@/lib/format/game-state";

type State = GameView["state"];

/** Embed colours per state: Discord's own green, yellow, red and greys, so they read like its UI. */
export const stateColor: Record<State, number> = {
  ready: 0x57f287,
  starting: 0xfee75c,
  stopping: 0xfee75c,
  stopped: 0x99aab5,
  failed: 0xed4245,
  unknown: 0x4f545c,
};

export const stateEmoji: Record<State, string> = {
  ready: "🟢",
  starting: "🟡",
  stopping: "🟠",
  stopped: "⚫",
  failed: "🔴",
  unknown: "❔",
};

/** The state in the portal's own words ("Ready", "State unknown"), so Discord and the web say the same. */
export function stateLabel(state: State): string {
  return describeStateWords(state).label;
}

const stageLabel: Record<NonNullable<GameView["stage"]>, string> = {
  requested: "asking Proxmox to start the container",
  container_starting: "container starting",
  container_running: "container running, game loading",
  waiting_for_game: "waiting for the game to answer",
  ready: "ready",
};

/** "Starting (container running, game loading)", "Failed: no answer…", or just the state. */
export function describeState(view: Pick<GameView, "state" | "stage" | "reason">): string {
  const label = stateLabel(view.state);
  if (view.state === "starting" && view.stage) return `${label} (${stageLabel[view.stage]})`;
  if ((view.state === "failed" || view.state === "unknown") && view.reason) return `${label}: ${view.reason}`;
  return label;
}

export function describeStage(stage: GameView["stage"]): string {
  return stage ? stageLabel[stage] : "starting";
}
