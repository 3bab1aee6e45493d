import { handle } from "@/lib/api";
import { routeContext } from "@/lib/auth/route-context";
import { deleteScore } from "@/lib/control-plane/delete-score";
import { ArcadeError } from "@/lib/errors";

/** Admins: removes one run from the boards; the audit records who did it. */
export function DELETE(request: Request, { params }: { params: Promise<{ id: string; scoreId: string }> }) {
  return handle(async () => {
    const { id, scoreId } = await params;
    const number = Number(scoreId);
    if (!/^\d{1,15}$/.test(scoreId) || !Number.isSafeInteger(number)) throw new ArcadeError("not_found:score", `"${scoreId}" is not a score id; ids are whole numbers.`);
    const { cp, caller } = await routeContext(request);
    deleteScore(cp, id, number, caller);
    return new Response(null, { status: 204 });
  });
}
