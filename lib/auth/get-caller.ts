import { authenticateBearer, type Caller } from "../api/authenticate-bearer";
import { ArcadeError } from "../errors";
import { auth } from "./auth";
import { isSameOrigin } from "./same-origin";

/** Who is calling: the API token (maybe acting for a Discord user), or a signed-in member's session. */
export async function getCallerOrThrow(request: Request, config: { apiToken: string | undefined; publicUrl: string | undefined }): Promise<Caller> {
  const bearer = authenticateBearer(request, config.apiToken);
  if (bearer) return bearer;
  const session = await auth();
  const user = session?.user;
  if (!user?.discordId) throw new ArcadeError("unauthorized:session", "Sign in with Discord first.");
  if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request, config.publicUrl)) {
    throw new ArcadeError("forbidden:origin", "This request came from another site and was refused.");
  }
  return {
    actor: { kind: "user", discordId: user.discordId, name: user.name, avatarUrl: user.image, roles: user.roles, isGuildOwner: user.isGuildOwner },
    source: "web",
  };
}
