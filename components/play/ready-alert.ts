"use client";

import { useEffect, useRef } from "react";
import type { GameView } from "@/lib/api/schemas";

/** The tab's picture while a game waits for a player who looked away (public/icon-ready.svg, same origin for the CSP). */
export const READY_ICON = "/icon-ready.svg";

/**
 * Tells a player who switched to another tab that the game they are waiting for is up: the tab's title and icon
 * change ("▶ Star Dodge is ready") until they come back, and, if they asked for it with a click, the browser
 * shows a notification. Nothing happens while they are looking at the page, or for a game that was already up.
 */
export function useReadyAlert(view: Pick<GameView, "id" | "name" | "state">, notify: boolean): void {
  const previous = useRef(view.state);
  const notifyRef = useRef(notify);
  useEffect(() => {
    notifyRef.current = notify;
  }, [notify]);

  useEffect(() => {
    const was = previous.current;
    previous.current = view.state;
    if (view.state !== "ready" || was === "ready" || document.visibilityState !== "hidden") return;
    return announceReady(view.id, view.name, notifyRef.current);
  }, [view.id, view.name, view.state]);
}

function announceReady(id: string, name: string, notify: boolean): () => void {
  const title = document.title;
  const icons = [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')].map((link) => ({ link, href: link.getAttribute("href") }));
  document.title = `▶ ${name} is ready`;
  for (const { link } of icons) link.setAttribute("href", READY_ICON);
  if (notify && "Notification" in window && Notification.permission === "granted") {
    const note = new Notification(`${name} is ready`, { body: "Come back to the arcade tab to play.", tag: `arcade-ready-${id}`, icon: READY_ICON });
    note.onclick = () => {
      window.focus();
      note.close();
    };
  }
  const restore = () => {
    document.removeEventListener("visibilitychange", onVisible);
    if (document.title === `▶ ${name} is ready`) document.title = title;
    for (const { link, href } of icons) if (href !== null) link.setAttribute("href", href);
  };
  const onVisible = () => document.visibilityState !== "hidden" && restore();
  document.addEventListener("visibilitychange", onVisible);
  // Also when the game stops being ready before the player comes back, or the page goes: the title would lie.
  return restore;
}
