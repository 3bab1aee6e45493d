import { handle, json, powerActionSchema, shutdownBodySchema, visibleGameView } from "@/lib/api";
import { readOptionalJson } from "@/lib/api/optional-body";
import { routeContext } from "@/lib/auth/route-context";
import { assertCan } from "@/lib/authz";
import { shutDownGame } from "@/lib/control-plane/shut-down-game";
import { ArcadeError } from "@/lib/errors";

type Params = { params: Promise<{ id: string; action: string }> };

/**
 * Admin power actions: start, shutdown (falls back to stop; with players, announced a minute ahead unless
 * `{"delaySec": 0}`), stop (force), reboot.
 */
export function POST(request: Request, { params }: Params) {
  return handle(async () => {
    const { id, action } = await params;
    const parsed = powerActionSchema.safeParse(action);
    if (!parsed.success) throw new ArcadeError("not_found:action", `There is no action "${action}"; use start, shutdown, stop or reboot.`);
    const { cp, caller, viewer } = await routeContext(request);
    assertCan(caller.actor, "games:power", cp.authz);
    await cp.limits.action(caller);
    if (parsed.data === "shutdown") {
      const body = shutdownBodySchema.parse((await readOptionalJson(request, cp.env.bodyLimitBytes)) ?? {});
      shutDownGame(cp, id, body.delaySec, caller);
    } else {
      cp.lifecycle.power(id, parsed.data, caller);
    }
    return json(visibleGameView(cp.hub.view(id), viewer), 202);
  });
}

/** DELETE /shutdown calls off a planned shutdown (409 when none is planned). */
export function DELETE(request: Request, { params }: Params) {
  return handle(async () => {
    const { id, action } = await params;
    if (action !== "shutdown") throw new ArcadeError("not_found:action", `Only a planned shutdown can be called off: DELETE /api/v1/games/${id}/shutdown.`);
    const { cp, caller, viewer } = await routeContext(request);
    assertCan(caller.actor, "games:power", cp.authz);
    await cp.limits.action(caller);
    cp.lifecycle.cancelScheduledShutdown(id, caller);
    return json(visibleGameView(cp.hub.view(id), viewer));
  });
}
