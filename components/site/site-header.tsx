import Link from "next/link";
import { LiveFeed } from "@/components/live/live-feed";
import { Avatar } from "@/components/ui/avatar";
import { buttonStyles, focusRing } from "@/components/ui/styles";

export type HeaderUser = { name: string; image: string | null; isAdmin: boolean };

/**
 * Who is signed in (with their avatar), the way to the admin page for admins, the stream's state, sign-out. The
 * sign-out server action comes from the route that renders the header: components never import from app/.
 */
export function SiteHeader({ user, signOut }: { user: HeaderUser; signOut: () => Promise<void> }) {
  return (
    <header className="sticky top-0 z-20 border-b border-white/10 bg-zinc-950/85 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-1.5 px-3 sm:gap-5 sm:px-4">
        <Link href="/" className={`shrink-0 rounded-lg text-base font-black tracking-tight sm:text-lg ${focusRing}`}>
          <span className="bg-gradient-to-r from-fuchsia-400 to-cyan-300 bg-clip-text text-transparent">Cartofia</span>{" "}
          <span className="sr-only text-zinc-100 sm:not-sr-only">Arcade</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          <Link href="/" className={`${buttonStyles.quiet} px-3 max-sm:hidden`}>
            Games
          </Link>
          {user.isAdmin && (
            <Link href="/admin" className={`${buttonStyles.quiet} px-2 sm:px-3`}>
              Admin
            </Link>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-1.5 sm:gap-3">
          <LiveFeed />
          <span className="flex items-center gap-2" data-testid="signed-in-user">
            <Avatar name={user.name} image={user.image} />
            <span className="sr-only sm:not-sr-only max-w-32 truncate text-sm font-medium">{user.name}</span>
          </span>
          <form action={signOut}>
            <button type="submit" className={`${buttonStyles.quiet} whitespace-nowrap px-2 sm:px-2.5`}>
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
