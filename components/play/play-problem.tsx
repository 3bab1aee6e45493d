import Link from "next/link";
import { buttonStyles, panel } from "@/components/ui/styles";

type Props = { title: string; reason: string; onRetry: () => void; retryLabel?: string; tone?: "error" | "info" };

/** Why the game is not there, in words, with Retry and the way back. */
export function PlayProblem({ title, reason, onRetry, retryLabel = "Retry", tone = "error" }: Props) {
  return (
    <section aria-labelledby="play-problem" className={`${panel} mx-auto mt-8 w-full max-w-xl p-6 sm:p-8`}>
      <div role={tone === "error" ? "alert" : "status"}>
        <p aria-hidden="true" className="text-3xl">
          {tone === "error" ? "⚠️" : "💤"}
        </p>
        <h1 id="play-problem" className="mt-2 text-xl font-bold">
          {title}
        </h1>
        <p className={`mt-2 text-sm ${tone === "error" ? "text-rose-200" : "text-zinc-300"}`} data-testid="play-reason">
          {reason}
        </p>
      </div>
      <div className="mt-6 flex flex-wrap gap-3">
        <button type="button" onClick={onRetry} className={buttonStyles.primary}>
          {retryLabel}
        </button>
        <Link href="/" className={buttonStyles.secondary}>
          Back to the arcade
        </Link>
      </div>
    </section>
  );
}
