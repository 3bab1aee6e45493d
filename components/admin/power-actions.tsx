"use client";

import { useState } from "react";
import type { GameView, PowerAction } from "@/lib/api/schemas";
import { formatCountdown } from "@/lib/format/durations";
import { gameStore } from "@/components/live/game-store";
import { useNow } from "@/components/live/use-now";
import { buttonStyles } from "@/components/ui/styles";
import { type ApiResult, callApi } from "@/components/live/api-call";
import { ConfirmDialog } from "./confirm-dialog";
import { powerEnabled, powerQuestion } from "./power-questions";

/** The notice the portal gives players when the admin does not say (lib/control-plane/shut-down-game.ts). */
const NOTICE_SEC = 60;

const actions: Record<PowerAction, { label: string; done: string }> = {
  start: { label: "Start", done: "Start requested." },
  shutdown: { label: "Shut down", done: "Shutdown requested." },
  stop: { label: "Force stop", done: "Force stop requested." },
  reboot: { label: "Reboot", done: "Reboot requested." },
};

/** Start, shut down, force stop and reboot for one game; the destructive three ask first, naming who is playing. */
export function PowerActions({ view }: { view: GameView }) {
  const [asking, setAsking] = useState<Exclude<PowerAction, "start"> | null>(null);
  const [delayed, setDelayed] = useState(true);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const now = useNow(1000);
  const path = (action: string) => `/api/v1/games/${encodeURIComponent(view.id)}/${action}`;

  const send = async (request: Promise<ApiResult<GameView>>, done: string) => {
    setBusy(true);
    setResult(null);
    const outcome = await request;
    setBusy(false);
    if (outcome.ok) gameStore.applyStatus(outcome.body);
    setResult(outcome.ok ? { ok: true, text: done } : { ok: false, text: outcome.message });
  };

  const run = (action: PowerAction, offersDelay = false) => {
    setAsking(null);
    const json = action === "shutdown" ? { delaySec: offersDelay && delayed ? NOTICE_SEC : 0 } : undefined;
    const done = json?.delaySec ? `Shutdown in ${NOTICE_SEC} s: the players see a countdown.` : actions[action].done;
    void send(callApi<GameView>(path(action), { method: "POST", json }), done);
  };

  const ask = (action: PowerAction) => {
    if (action === "start") return run(action);
    setDelayed(true);
    setAsking(action);
  };

  const question = asking ? powerQuestion(asking, view) : undefined;
  const plan = view.scheduledShutdown;
  return (
    <div>
      <div role="group" aria-label={`Power actions for ${view.name}`} className="flex flex-wrap gap-2">
        {(Object.keys(actions) as PowerAction[]).map((action) => (
          <button
            key={action}
            type="button"
            disabled={busy || !powerEnabled(action, view)}
            onClick={() => ask(action)}
            className={`${action === "stop" ? buttonStyles.danger : buttonStyles.secondary} px-3 py-1.5`}
          >
            {actions[action].label}
          </button>
        ))}
      </div>
      {plan && (
        <div className="mt-2 flex flex-wrap items-center gap-3 rounded-lg bg-amber-400/10 px-3 py-2 text-sm text-amber-100 ring-1 ring-amber-400/40">
          <span data-testid="planned-shutdown">
            Shuts down in {now === null ? "…" : formatCountdown(Date.parse(plan.at) - now)} ({plan.by.name} planned it); the players see a countdown.
          </span>
          <button
            type="button"
            disabled={busy}
            onClick={() => void send(callApi<GameView>(path("shutdown"), { method: "DELETE" }), "The planned shutdown is called off.")}
            className={`${buttonStyles.secondary} px-3 py-1`}
          >
            Cancel shutdown
          </button>
        </div>
      )}
      <p role="status" className={`mt-2 min-h-5 text-xs ${result?.ok === false ? "text-rose-300" : "text-zinc-400"}`}>
        {result?.text}
      </p>
      <ConfirmDialog
        open={question !== undefined}
        title={question?.title ?? ""}
        body={question?.body ?? ""}
        confirmLabel={question?.button ?? ""}
        danger={question?.danger}
        onConfirm={() => asking && run(asking, question?.offersDelay)}
        onCancel={() => setAsking(null)}
      >
        {question?.offersDelay && (
          <fieldset className="mt-4 space-y-2 text-sm">
            <legend className="mb-1 font-semibold">When</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="when" checked={delayed} onChange={() => setDelayed(true)} className="mt-1" />
              <span>In {NOTICE_SEC} s: they see a countdown and can finish their run</span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="when" checked={!delayed} onChange={() => setDelayed(false)} className="mt-1" />
              <span>Now: they are dropped at once</span>
            </label>
          </fieldset>
        )}
      </ConfirmDialog>
    </div>
  );
}
