import { type z } from "zod";
import { encodeActingUser } from "./authenticate-bearer";
import { ArcadeApiError, errorFromResponse, unreachableError } from "./client-errors";
import { scoreBoardsSchema, type ScoreBoards } from "./score-schemas";
import {
  ACTING_USER_HEADER,
  gameListSchema,
  gameViewSchema,
  healthSchema,
  type ActingUser,
  type GameView,
  type PowerAction,
} from "./schemas";

export type { PowerAction };

export type ArcadeClientOptions = {
  /** The portal as this process reaches it, e.g. http://10.0.0.21:3000 (no trailing slash needed). */
  baseUrl: string;
  /** ARCADE_API_TOKEN. */
  token: string;
  /** Per-request limit; the portal answers from memory, so a slow answer means it is in trouble. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

/** Who a call is made for: a Discord user (judged like a web session) or, when omitted, the token itself (an admin). */
export type CallAs = ActingUser | undefined;

export type ArcadeClient = {
  readonly baseUrl: string;
  listGames(as?: CallAs): Promise<GameView[]>;
  getGame(id: string, as?: CallAs): Promise<GameView>;
  /** Ensure ready; `alreadyReady` is true when the portal answered 200 rather than 202. */
  play(id: string, as?: CallAs): Promise<{ game: GameView; alreadyReady: boolean }>;
  /** `delaySec` for shutdown: 0 = now; left out = the portal's default (60 s when someone is playing). */
  power(id: string, action: PowerAction, as?: CallAs, options?: { delaySec?: number }): Promise<GameView>;
  /** The game's boards (GET /api/v1/games/{id}/scores); `since`/`until` limit them to runs in that window. */
  getScores(id: string, query?: { limit?: number; since?: Date; until?: Date }, as?: CallAs): Promise<ScoreBoards>;
  health(): Promise<z.infer<typeof healthSchema>>;
};

/** A typed client of the portal's HTTP API (docs/api.md); throws ArcadeApiError with the portal's sentence. */
export function createArcadeClient(options: ArcadeClientOptions): ArcadeClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call<T>(method: "GET" | "POST", path: string, schema: z.ZodType<T>, as: CallAs, body?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: "application/json" };
    if (as) headers[ACTING_USER_HEADER] = encodeActingUser(as);
    if (body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      response = await doFetch(`${baseUrl}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw unreachableError(baseUrl, error);
    }
    const text = await response.text().catch(() => "");
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // A proxy's HTML error page: the status alone has to do.
    }
    if (!response.ok) throw errorFromResponse(response.status, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ArcadeApiError("config:api_mismatch", `The portal's answer to ${method} ${path} is not what this client expects; are both on the same version?`, {
        httpStatus: response.status,
        cause: parsed.error,
      });
    }
    return { status: response.status, body: parsed.data };
  }

  const gamePath = (id: string) => `/api/v1/games/${encodeURIComponent(id)}`;

  return {
    baseUrl,
    listGames: async (as) => (await call("GET", "/api/v1/games", gameListSchema, as)).body.games,
    getGame: async (id, as) => (await call("GET", gamePath(id), gameViewSchema, as)).body,
    play: async (id, as) => {
      const { status, body } = await call("POST", `${gamePath(id)}/play`, gameViewSchema, as);
      return { game: body, alreadyReady: status === 200 };
    },
    power: async (id, action, as, power) => {
      const body = action === "shutdown" && power?.delaySec !== undefined ? { delaySec: power.delaySec } : undefined;
      return (await call("POST", `${gamePath(id)}/${action}`, gameViewSchema, as, body)).body;
    },
    health: async () => (await call("GET", "/api/health", healthSchema, undefined)).body,
    getScores: async (id, query = {}, as) => {
      const params = new URLSearchParams();
      if (query.limit !== undefined) params.set("limit", String(query.limit));
      if (query.since) params.set("since", query.since.toISOString());
      if (query.until) params.set("until", query.until.toISOString());
      const search = params.size > 0 ? `?${params}` : "";
      return (await call("GET", `${gamePath(id)}/scores${search}`, scoreBoardsSchema, as)).body;
    },
  };
}
