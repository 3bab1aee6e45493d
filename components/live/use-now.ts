"use client";

import { useSyncExternalStore } from "react";

type Ticker = {
  now: number;
  listeners: Set<() => void>;
  timer?: ReturnType<typeof setInterval>;
  /** One subscribe function per interval, so re-renders never make React unsubscribe and subscribe again. */
  subscribe: (listener: () => void) => () => void;
};
const tickers = new Map<number, Ticker>();

function tickerFor(intervalMs: number): Ticker {
  const known = tickers.get(intervalMs);
  if (known) return known;
  const ticker: Ticker = {
    now: Date.now(),
    listeners: new Set(),
    subscribe(listener) {
      ticker.listeners.add(listener);
      if (!ticker.timer) {
        ticker.now = Date.now();
        ticker.timer = setInterval(() => {
          ticker.now = Date.now();
          ticker.listeners.forEach((l) => l());
        }, intervalMs);
      }
      return () => {
        ticker.listeners.delete(listener);
        if (ticker.listeners.size === 0) {
          clearInterval(ticker.timer);
          ticker.timer = undefined;
        }
      };
    },
  };
  tickers.set(intervalMs, ticker);
  return ticker;
}

/**
 * The current time, ticking every intervalMs with one timer shared by every component that asks (a page of
 * cards runs one interval, not one per card). Null while hydrating, so server and client HTML agree.
 *
 * The subscribe function must stay the same across renders: a new one makes React unsubscribe every component
 * that re-rendered and subscribe it again, which stopped and restarted the timer, moved `now`, and so asked for
 * another render — on a slow device a loop React ends with "Maximum update depth exceeded".
 */
export function useNow(intervalMs = 1000): number | null {
  const ticker = tickerFor(intervalMs);
  return useSyncExternalStore(
    ticker.subscribe,
    () => ticker.now,
    () => null,
  );
}
