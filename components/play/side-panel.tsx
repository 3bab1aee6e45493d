"use client";

import type { ReactNode } from "react";
import { buttonStyles } from "@/components/ui/styles";
import { floatingButton } from "./floating-controls";

/** Something shown next to the game (a leaderboard): its name, for the toggle and landmark, and its content. */
export type SidePanelSlot = { label: string; content: ReactNode };

const panelId = "play-side-panel";

const panelIcon = (
  <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
    <rect x="2" y="2.5" width="12" height="11" rx="1.5" />
    <path d="M10 2.5v11" />
  </svg>
);

type ToggleProps = { slot: SidePanelSlot; open: boolean; onToggle: (open: boolean) => void; variant: "bar" | "floating" };

/** Shows or hides the side panel where it does not fit beside the game (phones, narrow windows). */
export function SidePanelToggle({ slot, open, onToggle, variant }: ToggleProps) {
  const label = `${open ? "Hide" : "Show"} ${slot.label}`;
  const common = { type: "button" as const, "aria-expanded": open, "aria-controls": panelId, onClick: () => onToggle(!open) };
  if (variant === "floating") {
    return (
      <button {...common} aria-label={label} title={label} className={floatingButton}>
        {panelIcon}
      </button>
    );
  }
  return (
    <button {...common} className={`${buttonStyles.secondary} px-3`}>
      {panelIcon}
      {label}
    </button>
  );
}

/**
 * The panel itself, mounted once: beside the frame on a wide screen, under it when opened in a narrower window,
 * and as a drawer over the game's right edge on a phone, which scrolls by itself while the page stays put.
 */
export function SidePanel({ slot, open, onClose }: { slot: SidePanelSlot; open: boolean; onClose: () => void }) {
  const hidden = open ? "" : "max-lg:hidden compact:hidden";
  return (
    <aside
      id={panelId}
      aria-label={slot.label}
      className={`relative min-h-0 shrink-0 overflow-y-auto lg:w-80 max-lg:max-h-[35dvh] compact:fixed compact:inset-y-0 compact:right-0 compact:z-30 compact:max-h-none compact:w-[min(22rem,85vw)] compact:touch-pan-y compact:overscroll-contain compact:bg-zinc-950/95 compact:p-4 compact:pr-[calc(env(safe-area-inset-right)+1rem)] compact:pt-[calc(env(safe-area-inset-top)+1rem)] ${hidden}`}
    >
      {/* Beside the frame the panel takes the frame's height and scrolls inside it, never growing the page. */}
      <div className="lg:absolute lg:inset-0 lg:overflow-y-auto">
        <div className="mb-2 hidden justify-end compact:flex">
          <button type="button" onClick={onClose} className={`${buttonStyles.quiet} px-2.5 py-1`}>
            Close
          </button>
        </div>
        {slot.content}
      </div>
    </aside>
  );
}
