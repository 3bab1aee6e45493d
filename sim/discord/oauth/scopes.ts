// Scopes from Discord's OAuth2 scope table (developers/topics/oauth2.mdx); the ones a user sees described on
// the consent screen carry a sentence, the rest are accepted silently.
const DESCRIBED: Record<string, string> = {
  identify: "Access your username, avatar and banner",
  email: "Access your email address",
  guilds: "Know what servers you're in",
  "guilds.members.read": "Read your member info (nickname, avatar, roles) in servers you belong to",
  "guilds.join": "Join servers for you",
  connections: "Access your third-party connections",
  openid: "Sign you in with OpenID Connect",
};

const OTHER = [
  "activities.read",
  "activities.write",
  "applications.builds.read",
  "applications.builds.upload",
  "applications.commands",
  "applications.commands.permissions.update",
  "applications.entitlements",
  "applications.store.update",
  "bot",
  "dm_channels.read",
  "gdm.join",
  "messages.read",
  "relationships.read",
  "role_connections.write",
  "rpc",
  "rpc.activities.write",
  "rpc.notifications.read",
  "rpc.voice.read",
  "rpc.voice.write",
  "voice",
  "webhook.incoming",
];

const KNOWN = new Set([...Object.keys(DESCRIBED), ...OTHER]);

/** Splits a scope parameter (space-separated; `+` already decoded) and lists any Discord does not know. */
export function parseScopes(value: string | undefined): { scopes: string[]; unknown: string[] } {
  const scopes = [...new Set((value ?? "").split(/\s+/).filter(Boolean))];
  return { scopes, unknown: scopes.filter((s) => !KNOWN.has(s)) };
}

/** Consent-screen sentences for the scopes that have one. */
export function describeScopes(scopes: readonly string[]): string[] {
  return scopes.flatMap((s) => (DESCRIBED[s] ? [DESCRIBED[s]] : []));
}
