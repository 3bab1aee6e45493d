"use client";

import { buttonStyles, panel } from "@/components/ui/styles";

/** Anything a page could not render: say so and offer to try again, without details from the server. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="grid min-h-[60dvh] place-items-center px-4">
      <section role="alert" aria-labelledby="error-title" className={`${panel} max-w-md p-6 sm:p-8`}>
        <h1 id="error-title" className="text-xl font-bold">
          Something went wrong
        </h1>
        <p className="mt-2 text-sm text-zinc-400">The page could not be shown. The server log says more; trying again often helps.</p>
        <button type="button" onClick={reset} className={`${buttonStyles.primary} mt-6`}>
          Try again
        </button>
      </section>
    </main>
  );
}
