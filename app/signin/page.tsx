import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { BrandPanel } from "@/components/auth/brand-panel";
import { describeSignInError } from "@/components/auth/sign-in-errors";
import { buttonStyles } from "@/components/ui/styles";
import { demoLogins } from "@/lib/auth/demo-logins";
import { getPortalUser } from "@/lib/auth/get-session";
import { safeCallbackPath } from "@/lib/auth/redirect-target";
import { getControlPlane } from "@/lib/control-plane";
import { gameOfPath, linkPreview } from "../link-preview";
import { signInAsDemoUser, signInWithDiscord } from "./actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A link to a page behind sign-in lands here for a crawler too: it previews the page the link was for. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: "Sign in", ...(await linkPreview(safeCallbackPath(first((await searchParams).callbackUrl)))) };
}

/** "Sign in with Discord", plus one-click demo logins when the portal runs against the simulators. */
export default async function SignInPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if (await getPortalUser()) redirect(callbackUrl);
  const error = describeSignInError(first(params.error));
  const signedOut = first(params.signedOut) === "1";
  const demo = getControlPlane().env.demo;
  const game = gameOfPath(callbackUrl);

  return (
    <BrandPanel labelledBy="signin-title">
      <h1 id="signin-title" className="mt-4 text-2xl font-black">
        {game ? `Sign in to play ${game.name}` : "Sign in to play"}
      </h1>
      <p className="mt-2 text-sm text-zinc-400">
        The arcade is for members of our Discord server.{" "}
        {game ? `Sign in with your Discord account and ${game.name} opens right after.` : "Sign in with your Discord account to see the games."}
      </p>
      {error && (
        <p role="alert" className="mt-4 rounded-lg bg-rose-500/10 px-3 py-2 text-sm text-rose-200 ring-1 ring-rose-500/40">
          {error}
        </p>
      )}
      {signedOut && !error && (
        <p role="status" className="mt-4 rounded-lg bg-white/5 px-3 py-2 text-sm text-zinc-300 ring-1 ring-white/10">
          You are signed out. See you next time!
        </p>
      )}
      <form action={signInWithDiscord} className="mt-6">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <button type="submit" className={`${buttonStyles.discord} w-full`}>
          Sign in with Discord
        </button>
      </form>
      {demo && (
        <section aria-labelledby="demo-title" className="mt-8 border-t border-white/10 pt-6">
          <h2 id="demo-title" className="text-sm font-bold uppercase tracking-widest text-cyan-300">
            Demo mode
          </h2>
          <p className="mt-1 text-sm text-zinc-400">This portal runs against simulated Discord and Proxmox. Skip the sign-in page:</p>
          <div className="mt-4 grid gap-3 sm:grid-cols-2">
            {demoLogins.map((login) => (
              <form key={login.key} action={signInAsDemoUser} className="flex flex-col gap-1.5">
                <input type="hidden" name="who" value={login.key} />
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button type="submit" className={`${buttonStyles.secondary} w-full`} aria-describedby={`demo-${login.key}`}>
                  {login.label}
                </button>
                <span id={`demo-${login.key}`} className="text-xs text-zinc-400">
                  {login.blurb}
                </span>
              </form>
            ))}
          </div>
        </section>
      )}
    </BrandPanel>
  );
}
