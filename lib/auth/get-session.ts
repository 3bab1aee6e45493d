import { redirect } from "next/navigation";
import type { Session } from "next-auth";
import { cache } from "react";
import { viewerFor, type Viewer } from "../api/game-visibility";
import type { AuthzConfig } from "../authz";
import { auth } from "./auth";
import { signInPath } from "./redirect-target";

export type PortalUser = Session["user"];

/** The session once per request: the layout and the page both ask, the jwt callback runs once. */
export const getSession = cache(async (): Promise<Session | null> => auth());

/** The signed-in member, or null for a visitor (and for a cookie that no longer carries arcade claims). */
export async function getPortalUser(): Promise<PortalUser | null> {
  const session = await getSession();
  return session?.user?.discordId ? session.user : null;
}

/** What a signed-in member may see of the games on a page: the same rule as the API and the stream. */
export function viewerOf(user: PortalUser, authz: AuthzConfig): Viewer {
  const actor = { kind: "user" as const, discordId: user.discordId, name: user.name, avatarUrl: user.image, roles: user.roles, isGuildOwner: user.isGuildOwner };
  return viewerFor(actor, authz);
}

/** The signed-in member; a visitor is sent to sign in and comes back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<PortalUser> {
  const user = await getPortalUser();
  if (!user) redirect(signInPath(returnTo));
  return user;
}
