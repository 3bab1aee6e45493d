import Link from "next/link";
import type { ReactNode } from "react";
import { focusRing } from "@/components/ui/styles";

/** A fingertip-sized round button that sits over the game without hiding much of it. */
export const floatingButton = `pointer-events-auto grid size-10 shrink-0 place-items-center rounded-full bg-black/55 text-white ring-1 ring-white/25 backdrop-blur-sm hover:bg-black/75 ${focusRing}`;

/**
 * What is left of the page around a game on a phone: a way back and the game's own few buttons in the top left
 * corner, and a notice (a planned shutdown) beside them, all inside the safe area (clear of a notch or corner).
 */
export function FloatingControls({ children, notice }: { children?: ReactNode; notice?: ReactNode }) {
  return (
    <div className="pointer-events-none absolute left-[calc(env(safe-area-inset-left)+0.5rem)] right-[calc(env(safe-area-inset-right)+0.5rem)] top-[calc(env(safe-area-inset-top)+0.5rem)] z-20 hidden items-start gap-2 compact:flex">
      {/* Sideways, the buttons stack in the left margin, where a wide game letterboxes itself. */}
      <div role="group" aria-label="Game controls" className="flex shrink-0 gap-2 landscape:flex-col">
        <Link href="/" aria-label="Back to the arcade" title="Back to the arcade" className={floatingButton}>
          <span aria-hidden="true" className="text-lg leading-none">
            ←
          </span>
        </Link>
        {children}
      </div>
      {notice}
    </div>
  );
}
