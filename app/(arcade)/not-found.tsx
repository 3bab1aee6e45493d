import Link from "next/link";
import { buttonStyles, panel } from "@/components/ui/styles";
import { getPortalUser } from "@/lib/auth/get-session";
import RootNotFound from "../not-found";

/** An unknown game under the arcade's header: the header already names the arcade, so the card does not again. */
export default async function ArcadeNotFound() {
  // Signed out there is no header above, and the root card (with the arcade's name) fits.
  if (!(await getPortalUser())) return <RootNotFound />;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 pt-12">
      <section aria-labelledby="nf-title" className={`${panel} p-6 sm:p-8`}>
        <p className="font-mono text-sm text-zinc-300">404 · Not found</p>
        <h1 id="nf-title" className="mt-1 text-2xl font-black">
          Nothing here
        </h1>
        <p className="mt-2 text-sm text-zinc-300">There is no game at this address. It may have been renamed or taken out of the catalogue.</p>
        <Link href="/" className={`${buttonStyles.primary} mt-6`}>
          Back to the arcade
        </Link>
      </section>
    </main>
  );
}
