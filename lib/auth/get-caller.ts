import { authenticateBearer, type Caller } from "../api/authenticate-bearer";
import { ArcadeError } from "../errors";
import { auth } from "./auth";

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  // Browsers send Origin on cross-site POSTs; a missing one comes from non-browser clients, which hold no cookie.
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Who is calling: the API token (maybe acting for a Discord user), or a signed-in member's session. */
export async function getCallerOrThrow(request: Request, apiToken: string | undefined): Promise<Caller> {
  const bearer = authenticateBearer(request, apiToken);
  if (bearer) return bearer;
  const session = await auth();
  const user = session?.user;
  if (!user?.discordId) throw new ArcadeError("unauthorized:session", "Sign in with Discord first.");
  if (request.method !== "GET" && request.method !== "HEAD" && !sameOrigin(request)) {
    throw new ArcadeError("forbidden:origin", "This request came from another site and was refused.");
  }
  return {
    actor: { kind: "user", discordId: user.discordId, name: user.name, avatarUrl: user.image, roles: user.roles, isGuildOwner: user.isGuildOwner },
    source: "web",
  };
}
