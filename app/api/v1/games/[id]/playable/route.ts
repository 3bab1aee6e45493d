import { handle, readJson } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { recordPlayable } from "@/lib/control-plane/record-playable";

/** The play page: `{ ms }` from pressing Play to the game's own `ready` message (time to playable). */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { cp, caller } = await routeContext(request);
    recordPlayable(cp, (await params).id, caller, await readJson(request));
    return new Response(null, { status: 204 });
  });
}
