"use client";

import { useSyncExternalStore } from "react";
import { gameStore } from "@/components/live/game-store";

type Brief = { id: string; state: string; reason: string | null };

function unreachableReason(games: Brief[]): string | null {
  if (games.length === 0 || !games.every((g) => g.state === "unknown")) return null;
  return games[0]?.reason ?? "Proxmox cannot be reached.";
}

/** A page-wide note when no game can be seen at all (Proxmox down); each card says the same for itself. */
export function ProxmoxNotice({ initial }: { initial: Brief[] }) {
  const reason = useSyncExternalStore(
    gameStore.subscribe,
    () => {
      const live = gameStore.all();
      return unreachableReason(live.length > 0 ? live.map((g) => g.view) : initial);
    },
    () => unreachableReason(initial),
  );
  if (!reason) return null;
  return (
    <div role="alert" className="mb-6 rounded-xl bg-amber-400/10 px-4 py-3 text-sm text-amber-100 ring-1 ring-amber-400/40">
      <p className="font-semibold">The game servers cannot be seen right now.</p>
      <p className="mt-0.5 text-amber-200/80">
        {reason} The cards update by themselves as soon as Proxmox answers again.
      </p>
    </div>
  );
}
