"use client";

import { useId, useState } from "react";
import type { GameView } from "@/lib/api/schemas";
import { gameStore } from "@/components/live/game-store";
import { useNow } from "@/components/live/use-now";
import { buttonStyles, focusRing } from "@/components/ui/styles";
import { callApi } from "@/components/live/api-call";
import { idleSleepPreview } from "./idle-preview";

export type GameSettingsProps = {
  gameId: string;
  name: string;
  /** Stored overrides; null means the default applies. */
  bootTimeoutSec: number | null;
  shutdownTimeoutSec: number | null;
  idleStopMinutes: number | null;
  defaults: { bootTimeoutSec: number; shutdownTimeoutSec: number; idleStopMinutes: number };
};

/** The game as it is now, so a new idle setting can say what it would do before it is saved. */
type LiveGame = Parameters<typeof idleSleepPreview>[0];

const toField = (value: number | null) => (value === null ? "" : String(value));
const fromField = (value: string) => (value.trim() === "" ? null : Number(value));

/** Boot and shutdown timeouts and the idle auto-stop of one game, stored in the database; empty means the default. */
export function SettingsForm({ gameId, name, bootTimeoutSec, shutdownTimeoutSec, idleStopMinutes, defaults, live }: GameSettingsProps & { live: LiveGame }) {
  const id = useId();
  const [boot, setBoot] = useState(toField(bootTimeoutSec));
  const [shutdown, setShutdown] = useState(toField(shutdownTimeoutSec));
  const [idle, setIdle] = useState(toField(idleStopMinutes));
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const now = useNow(1000);
  const idlePreview = now === null ? null : idleSleepPreview(live, idle.trim() === "" ? defaults.idleStopMinutes : Number(idle), now);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setResult(null);
    const outcome = await callApi<GameView>(`/api/v1/games/${encodeURIComponent(gameId)}/settings`, {
      method: "PATCH",
      json: { bootTimeoutSec: fromField(boot), shutdownTimeoutSec: fromField(shutdown), idleStopMinutes: fromField(idle) },
    });
    setSaving(false);
    if (outcome.ok) gameStore.applyStatus(outcome.body);
    setResult(outcome.ok ? { ok: true, text: "Saved." } : { ok: false, text: outcome.message });
  };

  const input = `w-24 rounded-lg bg-zinc-950 px-3 py-1.5 text-sm tabular-nums ring-1 ring-white/15 placeholder:text-zinc-400 ${focusRing}`;
  return (
    <form onSubmit={save} aria-label={`Settings for ${name}`} className="flex flex-wrap items-end gap-3">
      <label htmlFor={`${id}-boot`} className="flex flex-col gap-1 text-xs text-zinc-400">
        Boot timeout (s)
        <input id={`${id}-boot`} name="bootTimeoutSec" type="number" inputMode="numeric" min={5} max={900} step={1} value={boot} placeholder={String(defaults.bootTimeoutSec)} onChange={(e) => setBoot(e.target.value)} className={input} />
      </label>
      <label htmlFor={`${id}-shutdown`} className="flex flex-col gap-1 text-xs text-zinc-400">
        Shutdown timeout (s)
        <input id={`${id}-shutdown`} name="shutdownTimeoutSec" type="number" inputMode="numeric" min={1} max={600} step={1} value={shutdown} placeholder={String(defaults.shutdownTimeoutSec)} onChange={(e) => setShutdown(e.target.value)} className={input} />
      </label>
      <label htmlFor={`${id}-idle`} className="flex flex-col gap-1 text-xs text-zinc-400">
        Sleep after idle (min, 0 = never)
        <input id={`${id}-idle`} name="idleStopMinutes" type="number" inputMode="numeric" min={0} max={1440} step={1} value={idle} placeholder={String(defaults.idleStopMinutes)} onChange={(e) => setIdle(e.target.value)} aria-describedby={`${id}-idle-preview`} className={input} />
      </label>
      <button type="submit" disabled={saving} className={`${buttonStyles.secondary} px-3 py-1.5`}>
        {saving ? "Saving…" : "Save"}
      </button>
      <p id={`${id}-idle-preview`} data-testid="idle-preview" className="min-h-4 basis-full text-xs text-amber-200">
        {idlePreview}
      </p>
      <p className="basis-full text-xs text-zinc-400">An empty field uses the default, shown in grey.</p>
      <p role="status" className={`min-h-5 basis-full text-xs ${result?.ok === false ? "text-rose-300" : "text-emerald-300"}`}>
        {result?.text}
      </p>
    </form>
  );
}
