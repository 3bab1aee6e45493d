"use client";

import Link from "next/link";
import { type CSSProperties, useCallback, useEffect, useRef, useState } from "react";
import type { GameView } from "@/lib/api/schemas";
import { parseAspectRatio } from "@/lib/format/display";
import { buttonStyles } from "@/components/ui/styles";
import { FloatingControls } from "./floating-controls";
import { type FramePlayer, useGameMessages } from "@/components/scores/use-game-messages";
import { gameClaimsKey, portalFocusOf } from "./game-keys";
import { ScreenButton } from "./screen-button";
import { ShutdownAnnouncer, ShutdownBanner } from "./shutdown-banner";
import { SidePanel, type SidePanelSlot, SidePanelToggle } from "./side-panel";
import { usePresence } from "./use-presence";

// How long a game has to say it shows its own start gate before the portal offers one.
const GATE_GRACE_MS = 1_500;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

type Props = {
  view: GameView;
  /** The signed-in player, as the game's `hello` names them. */
  player: FramePlayer;
  /** Beside the frame on a desktop; behind a small toggle on a phone, so the game keeps its share of the screen. */
  side?: SidePanelSlot;
};

/**
 * The game in a frame (reference: pygbag-and-gateway.md §3): autoplay, fullscreen and gamepad allowed, no sandbox,
 * sized by the game's aspect ratio to fit the screen, focused on load so keys reach it. A portal click-to-start
 * overlay appears only where the browser still needs a gesture: the page was opened without one and the game
 * did not say `ready` (its own start gate or its first frame) in time.
 *
 * On a phone (the `compact` variant in globals.css) the game owns the screen: the page's header, title bar and
 * Controls step aside for a few floating buttons, the frame is as large as the game's ratio allows (the whole
 * screen when the phone is sideways: the game letterboxes itself inside, as in real fullscreen), inside the safe
 * area, and nothing under the player's fingers scrolls or zooms the page.
 */
export function GameFrame({ view, player, side }: Props) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  const announced = useRef(false);
  const [needsGesture, setNeedsGesture] = useState(false);
  const [filled, setFilled] = useState(false);
  const [sideOpen, setSideOpen] = useState(false);
  const { width, height } = parseAspectRatio(view.aspectRatio);
  const origin = originOf(view.url);
  usePresence(view.id);

  const focusFrame = useCallback(() => {
    const frame = frameRef.current;
    if (!frame) return;
    frame.focus();
    // A cross-origin WindowProxy still allows focus(); it moves keyboard focus into the game's document.
    frame.contentWindow?.focus();
  }, []);

  // A game that says `ready` handles input (and its own start gate) itself: no portal overlay over it.
  const onReady = useCallback(() => {
    announced.current = true;
    setNeedsGesture(false);
  }, []);
  useGameMessages(frameRef, { gameId: view.id, bootTimeoutSec: view.bootTimeoutSec, origin, player, onReady });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !gameClaimsKey(event, portalFocusOf(event.target))) return;
      event.preventDefault();
      focusFrame();
    };
    window.addEventListener("keydown", onKey);
    // The frame may have loaded before hydration; focusing early is harmless and keys go to it from the start.
    focusFrame();
    return () => window.removeEventListener("keydown", onKey);
  }, [focusFrame]);

  const onLoad = () => {
    focusFrame();
    window.setTimeout(() => {
      const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
      if (!announced.current && activation && !activation.hasBeenActive) setNeedsGesture(true);
    }, GATE_GRACE_MS);
  };

  const start = () => {
    setNeedsGesture(false);
    focusFrame();
  };

  const fill = (next: boolean) => {
    setFilled(next);
    focusFrame();
  };

  const landscapeGame = width > height;
  // The frame's box: the largest of the game's ratio that fits (desktop, portrait phone), the whole area on a
  // sideways phone, the whole page in fill-screen mode.
  const ratio = { "--game-ratio": `${width} / ${height}`, "--game-ratio-n": width / height } as CSSProperties;
  const box = filled
    ? "size-full"
    : "w-[min(100cqw,calc(100cqh*var(--game-ratio-n)))] aspect-(--game-ratio) compact:landscape:h-full compact:landscape:w-full compact:landscape:aspect-auto";

  // A size container fills what the column leaves; Chromium resolves cqh to 0 in a flex item of a min-height
  // column, so the container itself is positioned.
  return (
    <section
      aria-labelledby="game-title"
      data-fill-screen={filled ? "" : undefined}
      className={
        filled
          ? "fixed inset-0 z-50 flex touch-none flex-col bg-black pb-[env(safe-area-inset-bottom)] pl-[env(safe-area-inset-left)] pr-[env(safe-area-inset-right)] pt-[env(safe-area-inset-top)]"
          : "flex min-h-0 flex-1 flex-col compact:fixed compact:inset-0 compact:z-40 compact:touch-none compact:bg-black compact:pb-[env(safe-area-inset-bottom)] compact:pl-[env(safe-area-inset-left)] compact:pr-[env(safe-area-inset-right)] compact:pt-[env(safe-area-inset-top)]"
      }
    >
      <div className={`flex min-h-12 shrink-0 flex-wrap items-center gap-2 py-1.5 compact:contents ${filled ? "hidden" : ""}`}>
        <Link href="/" className={`${buttonStyles.quiet} px-2.5 compact:hidden`}>
          <span aria-hidden="true">←</span> Arcade
        </Link>
        <h1 id="game-title" className="min-w-0 flex-1 truncate text-lg font-bold compact:sr-only">
          {view.name}
        </h1>
        {view.state === "unknown" && (
          <p role="status" className="text-xs text-amber-200 compact:hidden">
            Proxmox cannot be seen right now; the game keeps running.
          </p>
        )}
        {side && (
          <span className="compact:hidden lg:hidden">
            <SidePanelToggle slot={side} open={sideOpen} onToggle={setSideOpen} variant="bar" />
          </span>
        )}
        <span className="compact:hidden">
          <ScreenButton frameRef={frameRef} filled={filled} onFill={fill} onChange={focusFrame} variant="bar" />
        </span>
      </div>
      {!filled && (
        <FloatingControls notice={<ShutdownBanner view={view} placement="floating" />}>
          <ScreenButton frameRef={frameRef} filled={filled} onFill={fill} onChange={focusFrame} variant="floating" />
          {side && <SidePanelToggle slot={side} open={sideOpen} onToggle={setSideOpen} variant="floating" />}
        </FloatingControls>
      )}
      {filled && (
        <button
          type="button"
          onClick={() => fill(false)}
          className="absolute right-[calc(env(safe-area-inset-right)+0.5rem)] top-[calc(env(safe-area-inset-top)+0.5rem)] z-20 rounded-full bg-black/55 px-3 py-1.5 text-xs font-semibold text-white ring-1 ring-white/25"
        >
          Exit fill screen
        </button>
      )}
      <ShutdownAnnouncer view={view} />
      {!filled && <ShutdownBanner view={view} placement="bar" />}
      <div className="flex min-h-0 flex-1 gap-3 max-lg:flex-col compact:flex-col">
        <div className="relative min-h-40 flex-1 compact:min-h-0">
          <div className="absolute inset-0 flex flex-col [container-type:size] compact:justify-center">
            <div
              className={`relative mx-auto overflow-hidden bg-black ${filled ? "" : "rounded-xl ring-1 ring-white/10 compact:rounded-none compact:ring-0"} ${box}`}
              style={ratio}
              data-testid="game-box"
            >
              <iframe
                ref={frameRef}
                src={view.url}
                title={`${view.name} game`}
                allow="autoplay; fullscreen; gamepad"
                onLoad={onLoad}
                className="absolute inset-0 size-full border-0"
              />
              {needsGesture && (
                <button
                  type="button"
                  onClick={start}
                  className="absolute inset-0 grid place-items-center bg-black/70 text-xl font-bold text-white outline-none focus-visible:ring-4 focus-visible:ring-inset focus-visible:ring-cyan-300"
                >
                  <span className="rounded-2xl bg-fuchsia-500 px-6 py-3 shadow-lg shadow-fuchsia-500/30">▶ Click to start</span>
                </button>
              )}
            </div>
          </div>
        </div>
        {side && !filled && <SidePanel slot={side} open={sideOpen} onClose={() => setSideOpen(false)} />}
      </div>
      {landscapeGame && !filled && (
        <p data-testid="turn-hint" className="hidden shrink-0 items-center justify-center gap-2 px-4 py-3 text-sm text-zinc-300 compact:portrait:flex">
          <span aria-hidden="true" className="text-lg">
            ⟳
          </span>
          Turn your phone sideways for a bigger game.
        </p>
      )}
      {view.controls.length > 0 && !filled && (
        <details className="mx-auto mt-2 w-full max-w-3xl shrink-0 rounded-xl bg-white/5 px-4 py-1.5 text-sm ring-1 ring-white/10 compact:hidden">
          <summary className="cursor-pointer select-none py-1 font-semibold text-zinc-200">Controls</summary>
          <ul className="list-disc space-y-1 py-2 pl-5 text-zinc-300">
            {view.controls.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
