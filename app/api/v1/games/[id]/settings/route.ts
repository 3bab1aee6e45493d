import { handle, json, readJson, settingsBodySchema, visibleGameView } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";
import { updateGameSettings } from "@/lib/control-plane/update-game-settings";

/** Admins: per-game settings stored in the database (boot timeout, shutdown timeout). */
export function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { cp, caller, viewer } = await routeContext(request);
    assertCan(caller.actor, "settings:edit", cp.authz);
    const body = settingsBodySchema.parse(await readJson(request, cp.env.bodyLimitBytes));
    const { id } = await params;
    updateGameSettings(cp, id, body, caller);
    return json(visibleGameView(cp.hub.view(id), viewer));
  });
}
