import { handle, json, readJson, settingsBodySchema } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";
import { updateGameSettings } from "@/lib/control-plane/update-game-settings";

/** Admins: per-game settings stored in the database (boot timeout, shutdown timeout). */
export function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { cp, caller } = await routeContext(request);
    assertCan(caller.actor, "settings:edit", cp.authz);
    const body = settingsBodySchema.parse(await readJson(request));
    const { id } = await params;
    updateGameSettings(cp, id, body, caller);
    return json(cp.hub.view(id));
  });
}
