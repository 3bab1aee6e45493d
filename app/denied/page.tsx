import type { Metadata } from "next";
import Link from "next/link";
import { BrandPanel } from "@/components/auth/brand-panel";
import { buttonStyles } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Not let in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const reasons = {
  "not-member": {
    title: "You are not in our Discord server",
    body: "The arcade is only open to members of its Discord server, and your Discord account is not one of them.",
    next: "Ask a friend who is in the server to invite you. Once you have joined, come back and sign in again.",
  },
  "discord-unavailable": {
    title: "Discord did not answer",
    body: "We could not check with Discord whether you are a member of the server, so we could not let you in.",
    next: "This is usually over in a minute. Try signing in again shortly.",
  },
} as const;

/** Why someone was not let in after Discord sign-in, and what to do about it. */
export default async function DeniedPage({ searchParams }: Props) {
  const raw = (await searchParams).reason;
  const reason = reasons[raw === "discord-unavailable" ? "discord-unavailable" : "not-member"];
  return (
    <BrandPanel labelledBy="denied-title">
      <div role="alert">
        <h1 id="denied-title" className="mt-4 text-2xl font-black">
          {reason.title}
        </h1>
        <p className="mt-3 text-sm text-zinc-300">{reason.body}</p>
      </div>
      <p className="mt-3 text-sm text-zinc-400">{reason.next}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href="/signin" className={buttonStyles.primary}>
          Sign in again
        </Link>
      </div>
    </BrandPanel>
  );
}
