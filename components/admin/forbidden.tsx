import Link from "next/link";
import { buttonStyles, panel } from "@/components/ui/styles";

/** What a member sees on an admin-only page; the API refuses them the same actions with 403. */
export function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 pt-12">
      <section aria-labelledby="forbidden-title" className={`${panel} p-6 sm:p-8`}>
        <p className="font-mono text-sm text-rose-300">403 · Forbidden</p>
        <h1 id="forbidden-title" className="mt-1 text-2xl font-black">
          Admins only
        </h1>
        <p className="mt-2 text-sm text-zinc-300">
          The admin page is for members with the arcade admin role on our Discord server. You can still play every game.
        </p>
        <p className="mt-2 text-sm text-zinc-400">If you should be an admin, ask the server owner for the role, then sign in again.</p>
        <Link href="/" className={`${buttonStyles.primary} mt-6`}>
          Back to the games
        </Link>
      </section>
    </main>
  );
}
