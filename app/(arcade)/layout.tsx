import { SiteHeader } from "@/components/site/site-header";
import { getPortalUser } from "@/lib/auth/get-session";
import { signOutAction } from "./actions";

/**
 * The signed-in part of the portal: header and the one event stream stay mounted while a player moves between
 * the games, a game and the admin page. Every page still checks the session itself; a layout is not a guard.
 */
export default async function ArcadeLayout({ children }: { children: React.ReactNode }) {
  const user = await getPortalUser();
  return (
    <>
      {user && <SiteHeader user={{ name: user.name, image: user.image, isAdmin: user.isAdmin }} signOut={signOutAction} />}
      {children}
    </>
  );
}
