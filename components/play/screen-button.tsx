"use client";

import { type RefObject, useEffect, useSyncExternalStore } from "react";
import { buttonStyles } from "@/components/ui/styles";
import { floatingButton } from "./floating-controls";

function subscribe(listener: () => void): () => void {
  document.addEventListener("fullscreenchange", listener);
  return () => document.removeEventListener("fullscreenchange", listener);
}

// iPhone Safari has no element fullscreen (only video's own player); some embedded browsers turn it off.
const hasFullscreen = () => document.fullscreenEnabled === true && typeof Element.prototype.requestFullscreen === "function";

type Props = {
  frameRef: RefObject<HTMLIFrameElement | null>;
  /** The in-page stand-in where the Fullscreen API is missing: the frame covers the whole page. */
  filled: boolean;
  onFill: (filled: boolean) => void;
  /** Called when real fullscreen starts or ends (the frame gets the keys back). */
  onChange: () => void;
  variant: "bar" | "floating";
};

const expandIcon = (
  <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
    <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" />
  </svg>
);

/**
 * Fullscreen for the frame element itself (a parent may do that without any `allow`; the game's canvas then fills
 * the screen at its own ratio), or "Fill screen" where the browser has no element fullscreen: the frame covers
 * the page instead. The browser's own bars stay then; nothing a page can do removes them.
 */
export function ScreenButton({ frameRef, filled, onFill, onChange, variant }: Props) {
  const supported = useSyncExternalStore(subscribe, hasFullscreen, () => true);
  const active = useSyncExternalStore(subscribe, () => document.fullscreenElement !== null, () => false);

  useEffect(() => {
    onChange();
  }, [active, onChange]);

  const label = supported ? (active ? "Exit fullscreen" : "Fullscreen") : filled ? "Exit fill screen" : "Fill screen";
  const toggle = () => {
    if (!supported) onFill(!filled);
    else if (document.fullscreenElement) void document.exitFullscreen();
    else void frameRef.current?.requestFullscreen().catch(() => undefined);
  };
  if (variant === "floating") {
    return (
      <button type="button" onClick={toggle} aria-label={label} title={label} className={floatingButton}>
        {expandIcon}
      </button>
    );
  }
  return (
    <button type="button" onClick={toggle} className={`${buttonStyles.secondary} px-3`}>
      {expandIcon}
      {label}
    </button>
  );
}
