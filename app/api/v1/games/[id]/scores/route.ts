import { handle, json, readJson, scoresQuerySchema } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { listScores } from "@/lib/control-plane/list-scores";
import { postScore } from "@/lib/control-plane/post-score";

type Params = { params: Promise<{ id: string }> };

/** Members and the API token: the game's boards (top 10 per mode, names and dates) and the caller's own best. */
export function GET(request: Request, { params }: Params) {
  return handle(async () => {
    const { cp, caller } = await routeContext(request);
    const query = scoresQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const mode = query.mode === undefined ? undefined : query.mode || null;
    return json(listScores(cp, (await params).id, caller, { mode, limit: query.limit, since: query.since, until: query.until }));
  });
}

/** A finished run of the signed-in player (the play page relays the game's `score` message): `{ score, mode? }`. */
export function POST(request: Request, { params }: Params) {
  return handle(async () => {
    const { cp, caller } = await routeContext(request);
    const id = (await params).id;
    return json(postScore(cp, id, caller, await readJson(request, cp.env.bodyLimitBytes)), 201);
  });
}
