import type { Metadata } from "next";
import Link from "next/link";
import { BrandPanel } from "@/components/auth/brand-panel";
import { buttonStyles } from "@/components/ui/styles";
import { lookupGuildName } from "@/lib/auth/discord-membership";
import { getControlPlane } from "@/lib/control-plane";

export const metadata: Metadata = { title: "Not let in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// `server` is the Discord server's name in quotes, or words that do without it while Discord cannot be asked.
const reasons = {
  "not-member": (server: string | null) => ({
    title: "You are not in our Discord server",
    body: `The arcade is only open to members of ${server ? `the Discord server ${server}` : "its Discord server"}, and your Discord account is not one of them.`,
    next: "Ask a friend who is in the server to invite you. Once you have joined, come back and sign in again.",
  }),
  "discord-unavailable": (server: string | null) => ({
    title: "Discord did not answer",
    body: `We could not check with Discord whether you are a member of ${server ? `the server ${server}` : "the server"}, so we could not let you in.`,
    next: "This is usually over in a minute. Try signing in again shortly.",
  }),
};

/** Why someone was not let in after Discord sign-in, and what to do about it, naming the Discord server. */
export default async function DeniedPage({ searchParams }: Props) {
  const raw = (await searchParams).reason;
  const name = await lookupGuildName(getControlPlane().env.discord);
  const reason = reasons[raw === "discord-unavailable" ? "discord-unavailable" : "not-member"](name && `“${name}”`);
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
