import type { GameView, PowerAction } from "@/lib/api/schemas";
import { describePlayers } from "@/lib/format/display";

export type PowerQuestion = { title: string; body: string; button: string; danger?: boolean; offersDelay: boolean };

type View = Pick<GameView, "name" | "vmid" | "players" | "playerCount" | "shutdownTimeoutSec">;

/** "Demo Player and Alex are playing Snake right now." or that nobody is. */
export function whoIsPlaying(view: View): string {
  const playing = describePlayers(view.players.map((p) => p.name), view.playerCount);
  return playing ? `${playing} ${view.name} right now.` : `Nobody is playing ${view.name} right now.`;
}

/**
 * The confirmation before a destructive power action, naming who is playing now and what happens to them. A
 * shutdown with players offers the delay (they get a countdown) or now.
 */
export function powerQuestion(action: Exclude<PowerAction, "start">, view: View): PowerQuestion {
  const who = whoIsPlaying(view);
  const anyone = view.playerCount > 0;
  switch (action) {
    case "shutdown":
      return {
        title: `Shut down ${view.name}?`,
        body: `${who} The container gets ${view.shutdownTimeoutSec} s to shut down cleanly, then it is stopped.`,
        button: "Shut down",
        offersDelay: anyone,
      };
    case "stop":
      return {
        title: `Force stop ${view.name}?`,
        body: `${who} This cuts the power of CT ${view.vmid} at once, like pulling the plug${anyone ? ": they are dropped and unsaved state is lost" : ""}.`,
        button: "Force stop",
        danger: true,
        offersDelay: false,
      };
    case "reboot":
      return {
        title: `Reboot ${view.name}?`,
        body: `${who} ${anyone ? "They see that it is restarting and go back to the game" : "The game is back"} when CT ${view.vmid} answers again.`,
        button: "Reboot",
        offersDelay: false,
      };
  }
}

/**
 * Which power buttons work in a state. Nothing while the game is stopping, except Force stop during a clean
 * shutdown: that is the way out of a guest that does not go down (the lifecycle lets a stop take over).
 */
export function powerEnabled(action: PowerAction, view: Pick<GameView, "state" | "operation">): boolean {
  if (view.state === "stopping") return action === "stop" && view.operation === "shutdown";
  if (action === "start") return view.state !== "ready" && view.state !== "starting";
  return view.state !== "stopped";
}
