"use client";

import { type RefObject, useEffect, useSyncExternalStore } from "react";
import { buttonStyles } from "@/components/ui/styles";

function subscribe(listener: () => void): () => void {
  document.addEventListener("fullscreenchange", listener);
  return () => document.removeEventListener("fullscreenchange", listener);
}

/**
 * Puts the frame element itself in fullscreen (a parent may do that without any `allow`); the game's canvas then
 * fills the screen at its own ratio. Hidden where the browser has no element fullscreen (iPhone Safari).
 */
export function FullscreenButton({ frameRef, onChange }: { frameRef: RefObject<HTMLIFrameElement | null>; onChange: () => void }) {
  const supported = useSyncExternalStore(subscribe, () => document.fullscreenEnabled, () => true);
  const active = useSyncExternalStore(subscribe, () => document.fullscreenElement !== null, () => false);

  useEffect(() => {
    onChange();
  }, [active, onChange]);

  if (!supported) return null;
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void frameRef.current?.requestFullscreen().catch(() => undefined);
  };
  return (
    <button type="button" onClick={toggle} className={`${buttonStyles.secondary} px-3`}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
        <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" />
      </svg>
      {active ? "Exit fullscreen" : "Fullscreen"}
    </button>
  );
}
