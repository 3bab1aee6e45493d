import type { PostedScore, ScoreBoards } from "@/lib/api/score-schemas";
import { callApi, type ApiResult } from "@/components/live/api-call";

const gamePath = (gameId: string) => `/api/v1/games/${encodeURIComponent(gameId)}`;

/** callApi for the endpoints that answer 204 with no body. */
async function callNoContent(path: string, init: { method: string; json?: unknown }): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const response = await fetch(path, {
      method: init.method,
      cache: "no-store",
      headers: init.json === undefined ? undefined : { "content-type": "application/json" },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    if (response.ok) return { ok: true };
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { ok: false, message: body?.error?.message ?? `The arcade answered ${response.status}.` };
  } catch {
    return { ok: false, message: "The arcade could not be reached." };
  }
}

export type SendScoreResult = { kind: "posted"; body: PostedScore } | { kind: "later"; waitMs: number } | { kind: "refused"; message: string };

/** The game's boards for the signed-in player. */
export function fetchScores(gameId: string): Promise<ApiResult<ScoreBoards>> {
  return callApi<ScoreBoards>(`${gamePath(gameId)}/scores`);
}

/** Relays a finished run; a 429 comes back as "later" with the server's Retry-After, so the run is not lost. */
export async function sendScore(gameId: string, run: { score: number; mode: string | null }): Promise<SendScoreResult> {
  try {
    const response = await fetch(`${gamePath(gameId)}/scores`, {
      method: "POST",
      cache: "no-store",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(run.mode === null ? { score: run.score } : run),
    });
    const body = (await response.json().catch(() => null)) as (PostedScore & { error?: { message?: string } }) | null;
    if (response.ok && body) return { kind: "posted", body };
    if (response.status === 429) return { kind: "later", waitMs: Math.max(1, Number(response.headers.get("retry-after")) || 5) * 1000 };
    return { kind: "refused", message: body?.error?.message ?? `The arcade answered ${response.status}.` };
  } catch {
    return { kind: "later", waitMs: 5_000 };
  }
}

/** The game's status line for this player, on the presence heartbeat (null clears it). */
export function sendStatus(gameId: string, status: string | null) {
  return callNoContent(`${gamePath(gameId)}/presence`, { method: "POST", json: { status } });
}

/** Press Play → the game's `ready`, as this browser measured it. */
export function sendPlayable(gameId: string, ms: number) {
  return callNoContent(`${gamePath(gameId)}/playable`, { method: "POST", json: { ms: Math.round(ms) } });
}

/** Admins: removes one run from the boards. */
export function deleteScore(gameId: string, scoreId: number) {
  return callNoContent(`${gamePath(gameId)}/scores/${scoreId}`, { method: "DELETE" });
}
