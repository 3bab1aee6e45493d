"use client";

import { type RefObject, useEffect, useRef } from "react";
import { playSentAt } from "@/components/play/play-request";
import { takeEarlyMessages } from "./early-messages";
import { helloMessage, readGameMessage, type IgnoredReason } from "./game-message";
import { sendPlayable, sendScore, sendStatus } from "./score-api";
import { scoreStore } from "./score-store";

export type FramePlayer = { name: string; avatarUrl: string | null };

type Options = {
  gameId: string;
  /** The game's boot timeout: a `ready` later than this (plus a page load) after the press answers another visit. */
  bootTimeoutSec: number;
  /** The game's origin from the catalogue (its `url`); null when the url cannot be parsed (then nothing is heard). */
  origin: string | null;
  player: FramePlayer;
  onReady?: () => void;
};

// A status line that changes every frame must not become a request per frame: the newest one goes at most this often.
const STATUS_EVERY_MS = 1_000;
// Runs waiting for the 5 s interval; a game that sends more than this in a burst is misbehaving.
const MAX_QUEUED_SCORES = 5;
// Loading the game's page after the container is up, on top of the boot timeout, before its `ready` is stale.
const PAGE_LOAD_MS = 60_000;
// The press each game's time to playable was last measured from: one press is measured once, whatever the visit.
const timedPresses = new Map<string, number>();

/**
 * The portal's side of the arcade protocol for the frame it created: hears `ready`, `score` and `status` (also
 * those sent before the page hydrated: early-messages.tsx) only from that frame's window and the game's own
 * origin (anything else is counted in a debug log and dropped), says hello when the frame loads and in answer to
 * each `ready`, relays runs to the API for the signed-in player (waiting out the 5 s interval rather than losing a
 * run), the status line on the presence heartbeat, and the first `ready` after a Play press as time to playable.
 */
export function useGameMessages(frameRef: RefObject<HTMLIFrameElement | null>, { gameId, bootTimeoutSec, origin, player, onReady }: Options): void {
  const { name, avatarUrl } = player;
  const onReadyRef = useRef(onReady);
  useEffect(() => {
    onReadyRef.current = onReady;
  });

  useEffect(() => {
    let stopped = false;
    let ignored = 0;
    let timedPlayable = false;
    const queue: Array<{ score: number; mode: string | null }> = [];
    let draining = false;
    let statusTimer: ReturnType<typeof setTimeout> | undefined;
    let statusSentAt = 0;
    let pendingStatus: string | null | undefined;

    const hello = () => {
      const target = frameRef.current?.contentWindow;
      // The target origin keeps the player's name from a frame that navigated away from the game.
      if (target && origin) target.postMessage(helloMessage({ name, avatarUrl }), origin);
    };

    const ignore = (reason: IgnoredReason, from: string) => {
      ignored += 1;
      console.debug(`[arcade] ignored message ${ignored} (${reason}) from ${from || "an opaque origin"}`);
    };

    async function drainScores(): Promise<void> {
      if (draining) return;
      draining = true;
      while (queue.length > 0 && !stopped) {
        const result = await sendScore(gameId, queue[0]!);
        if (stopped) break;
        if (result.kind === "later") {
          await new Promise((resolve) => setTimeout(resolve, result.waitMs));
          continue;
        }
        queue.shift();
        if (result.kind === "posted") scoreStore.applyPosted(gameId, result.body);
        else console.warn(`[arcade] the arcade refused a score: ${result.message}`);
      }
      draining = false;
    }

    const flushStatus = () => {
      statusTimer = undefined;
      if (pendingStatus === undefined || stopped) return;
      const text = pendingStatus;
      pendingStatus = undefined;
      statusSentAt = Date.now();
      void sendStatus(gameId, text);
    };

    const timePlayable = () => {
      if (timedPlayable) return;
      timedPlayable = true;
      const pressedAt = playSentAt(gameId);
      if (pressedAt === null || timedPresses.get(gameId) === pressedAt) return;
      const ms = Date.now() - pressedAt;
      if (ms > bootTimeoutSec * 1000 + PAGE_LOAD_MS) return;
      timedPresses.set(gameId, pressedAt);
      void sendPlayable(gameId, ms);
    };

    const onMessage = (event: MessageEvent) => {
      const read = readGameMessage(event, { window: frameRef.current?.contentWindow, origin });
      if (!read.ok) return ignore(read.reason, event.origin);
      const message = read.message;
      if (message.type === "ready") {
        onReadyRef.current?.();
        hello();
        timePlayable();
      } else if (message.type === "score") {
        if (queue.length >= MAX_QUEUED_SCORES) return ignore("flood", event.origin);
        queue.push({ score: message.score, mode: message.mode });
        void drainScores();
      } else {
        pendingStatus = message.text;
        statusTimer ??= setTimeout(flushStatus, Math.max(0, statusSentAt + STATUS_EVERY_MS - Date.now()));
      }
    };

    const frame = frameRef.current;
    window.addEventListener("message", onMessage);
    // What the game said while the page was still starting, in order, under the same checks.
    for (const event of takeEarlyMessages()) onMessage(event);
    frame?.addEventListener("load", hello);
    // The frame may have loaded before this effect ran (server-rendered, hydrated later).
    hello();
    return () => {
      stopped = true;
      clearTimeout(statusTimer);
      window.removeEventListener("message", onMessage);
      frame?.removeEventListener("load", hello);
    };
  }, [frameRef, gameId, bootTimeoutSec, origin, name, avatarUrl]);
}
