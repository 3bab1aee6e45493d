/**
 * Auth.js sends people back to the sign-in page with `?error=<code>`; these are the codes it uses, in words.
 * Refused members never get here: they land on /denied with the reason.
 */
const messages: Record<string, string> = {
  AccessDenied: "Discord sign-in was cancelled or refused. Try again when you are ready.",
  OAuthCallbackError: "Discord sign-in was cancelled or did not complete. Try again.",
  OAuthSignInError: "Discord could not be reached to start signing in. Try again in a moment.",
  Configuration: "Signing in did not work: Discord sign-in was cancelled, or the portal is not set up correctly. Try again; if it keeps failing, tell an admin.",
  Verification: "That sign-in link has expired. Sign in again.",
};

/** A sentence for an Auth.js error code, or null when there is none. */
export function describeSignInError(code: string | undefined): string | null {
  if (!code) return null;
  return messages[code] ?? "Signing in did not work. Try again; if it keeps failing, tell an admin.";
}
