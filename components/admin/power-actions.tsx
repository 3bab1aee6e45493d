"use client";

import { useState } from "react";
import type { GameView, PowerAction } from "@/lib/api/schemas";
import { gameStore } from "@/components/live/game-store";
import { buttonStyles } from "@/components/ui/styles";
import { callApi } from "@/components/live/api-call";
import { ConfirmDialog } from "./confirm-dialog";


type ActionInfo = { label: string; done: string; confirm?: (v: GameView) => { title: string; body: string; button: string; danger?: boolean } };

const actions: Record<PowerAction, ActionInfo> = {
  start: { label: "Start", done: "Start requested." },
  shutdown: {
    label: "Shut down",
    done: "Shutdown requested.",
    confirm: (v) => ({
      title: `Shut down ${v.name}?`,
      body: `Everyone playing ${v.name} is dropped. The container gets ${v.shutdownTimeoutSec} s to shut down cleanly, then it is stopped.`,
      button: "Shut down",
    }),
  },
  stop: {
    label: "Force stop",
    done: "Force stop requested.",
    confirm: (v) => ({
      title: `Force stop ${v.name}?`,
      body: `This cuts the power of CT ${v.vmid} at once, like pulling the plug. Everyone playing is dropped and unsaved state is lost.`,
      button: "Force stop",
      danger: true,
    }),
  },
  reboot: {
    label: "Reboot",
    done: "Reboot requested.",
    confirm: (v) => ({
      title: `Reboot ${v.name}?`,
      body: `Everyone playing ${v.name} is dropped while CT ${v.vmid} restarts; the game is back when it answers again.`,
      button: "Reboot",
    }),
  },
};

function enabled(action: PowerAction, state: GameView["state"]): boolean {
  if (action === "start") return state !== "ready" && state !== "starting";
  return state !== "stopped";
}

/** Start, shut down, force stop and reboot for one game; the destructive three ask first. */
export function PowerActions({ view }: { view: GameView }) {
  const [asking, setAsking] = useState<PowerAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async (action: PowerAction) => {
    setAsking(null);
    setBusy(true);
    setResult(null);
    const outcome = await callApi<GameView>(`/api/v1/games/${encodeURIComponent(view.id)}/${action}`, { method: "POST" });
    setBusy(false);
    if (outcome.ok) gameStore.applyStatus(outcome.body);
    setResult(outcome.ok ? { ok: true, text: actions[action].done } : { ok: false, text: outcome.message });
  };

  const question = asking ? actions[asking].confirm?.(view) : undefined;
  return (
    <div>
      <div role="group" aria-label={`Power actions for ${view.name}`} className="flex flex-wrap gap-2">
        {(Object.keys(actions) as PowerAction[]).map((action) => (
          <button
            key={action}
            type="button"
            disabled={busy || !enabled(action, view.state)}
            onClick={() => (actions[action].confirm ? setAsking(action) : void run(action))}
            className={`${action === "stop" ? buttonStyles.danger : buttonStyles.secondary} px-3 py-1.5`}
          >
            {actions[action].label}
          </button>
        ))}
      </div>
      <p role="status" className={`mt-2 min-h-5 text-xs ${result?.ok === false ? "text-rose-300" : "text-zinc-400"}`}>
        {result?.text}
      </p>
      <ConfirmDialog
        open={question !== undefined}
        title={question?.title ?? ""}
        body={question?.body ?? ""}
        confirmLabel={question?.button ?? ""}
        danger={question?.danger}
        onConfirm={() => asking && void run(asking)}
        onCancel={() => setAsking(null)}
      />
    </div>
  );
}
