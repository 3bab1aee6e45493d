"use client";

import { useSyncExternalStore } from "react";

type Ticker = { now: number; listeners: Set<() => void>; timer?: ReturnType<typeof setInterval> };
const tickers = new Map<number, Ticker>();

function tickerFor(intervalMs: number): Ticker {
  let ticker = tickers.get(intervalMs);
  if (!ticker) {
    ticker = { now: Date.now(), listeners: new Set() };
    tickers.set(intervalMs, ticker);
  }
  return ticker;
}

function subscribe(intervalMs: number, listener: () => void): () => void {
  const ticker = tickerFor(intervalMs);
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
}

/**
 * The current time, ticking every intervalMs with one timer shared by every component that asks (a page of
 * cards runs one interval, not one per card). Null while hydrating, so server and client HTML agree.
 */
export function useNow(intervalMs = 1000): number | null {
  return useSyncExternalStore(
    (listener) => subscribe(intervalMs, listener),
    () => tickerFor(intervalMs).now,
    () => null,
  );
}
