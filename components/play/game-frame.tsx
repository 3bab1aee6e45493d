"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { GameView } from "@/lib/api/schemas";
import { parseAspectRatio } from "@/lib/format/display";
import { buttonStyles } from "@/components/ui/styles";
import { FullscreenButton } from "./fullscreen-button";
import { gameClaimsKey, portalFocusOf } from "./game-keys";
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

/**
 * The game in a frame (reference: pygbag-and-gateway.md §3): autoplay, fullscreen and gamepad allowed, no sandbox,
 * sized by the game's aspect ratio to fit the screen, focused on load so keys reach it. A portal click-to-start
 * overlay appears only where the browser still needs a gesture: the page was opened without one and the game
 * did not announce a start gate of its own.
 */
export function GameFrame({ view }: { view: GameView }) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  const announced = useRef(false);
  const [needsGesture, setNeedsGesture] = useState(false);
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

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== origin || event.source !== frameRef.current?.contentWindow) return;
      const type = (event.data as { type?: unknown } | null)?.type;
      if (type === "arcade:loaded" || type === "arcade:started") {
        announced.current = true;
        setNeedsGesture(false);
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [origin]);

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

  // The frame takes the height left under the bar and above Controls (a size container), at the game's ratio,
  // so at desktop sizes the page has nothing to scroll; on a short screen it keeps a usable minimum and the page
  // scrolls by touch to reach Controls.
  return (
    <section aria-labelledby="game-title" className="flex min-h-0 flex-1 flex-col">
      <div className="flex min-h-12 shrink-0 flex-wrap items-center gap-2 py-1.5">
        <Link href="/" className={`${buttonStyles.quiet} px-2.5`}>
          <span aria-hidden="true">←</span> Arcade
        </Link>
        <h1 id="game-title" className="min-w-0 flex-1 truncate text-lg font-bold">
          {view.name}
        </h1>
        {view.state === "unknown" && (
          <p role="status" className="text-xs text-amber-200">
            Proxmox cannot be seen right now; the game keeps running.
          </p>
        )}
        <FullscreenButton frameRef={frameRef} onChange={focusFrame} />
      </div>
      {/* Chromium resolves cqh to 0 in a flex item of a min-height column, so the size container is positioned. */}
      <div className="relative min-h-40 flex-1">
        <div className="absolute inset-0 [container-type:size]">
          <div
            className="relative mx-auto overflow-hidden rounded-xl bg-black ring-1 ring-white/10"
            style={{ width: `min(100cqw, 100cqh * ${width} / ${height})`, aspectRatio: `${width} / ${height}` }}
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
      {view.controls.length > 0 && (
        <details className="mx-auto mt-2 w-full max-w-3xl shrink-0 rounded-xl bg-white/5 px-4 py-1.5 text-sm ring-1 ring-white/10">
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
