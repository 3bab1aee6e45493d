"use server";

import { signIn } from "@/lib/auth/auth";
import { findDemoLogin } from "@/lib/auth/demo-logins";
import { safeCallbackPath } from "@/lib/auth/redirect-target";
import { getControlPlane } from "@/lib/control-plane";

/** "Sign in with Discord": off to Discord's consent page (the simulator's chooser in the demo). */
export async function signInWithDiscord(form: FormData): Promise<void> {
  await signIn("discord", { redirectTo: safeCallbackPath(form.get("callbackUrl")) });
}

/** A demo login. Server actions are public endpoints, so demo mode is checked here and not only on the page. */
export async function signInAsDemoUser(form: FormData): Promise<void> {
  const login = findDemoLogin(form.get("who"));
  if (!getControlPlane().env.demo || !login) throw new Error("Demo logins exist only in demo mode.");
  await signIn("discord", { redirectTo: safeCallbackPath(form.get("callbackUrl")) }, { login_hint: login.hint });
}
