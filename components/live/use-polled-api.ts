"use client";

import { useEffect, useState } from "react";
import { callApi } from "./api-call";

/**
 * A GET of the portal's API now and every `everyMs` while mounted (and again when `path` changes): for figures
 * the event stream does not carry, like Proxmox's rrddata and node status. Keeps the last good answer on failure.
 */
export function usePolledApi<T>(path: string, everyMs: number): { data: T | null; problem: string | null } {
  const [state, setState] = useState<{ path: string; data: T | null; problem: string | null }>({ path, data: null, problem: null });

  useEffect(() => {
    let alive = true;
    const load = async () => {
      const result = await callApi<T>(path);
      if (!alive) return;
      setState((before) =>
        result.ok ? { path, data: result.body, problem: null } : { path, data: before.path === path ? before.data : null, problem: result.message },
      );
    };
    void load();
    const timer = setInterval(load, everyMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [path, everyMs]);

  // An answer for another path (the span was just switched) is not shown as this one's.
  return state.path === path ? { data: state.data, problem: state.problem } : { data: null, problem: null };
}
