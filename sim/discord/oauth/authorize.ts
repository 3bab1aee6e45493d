import { displayNameOf, type DiscordSimConfig, type SimUser } from "../config";
import { htmlReply, redirectReply, type Reply } from "../http/reply";
import { type RequestContext, type Route } from "../http/router";
import { type SimState } from "../state";
import { renderChooserPage, renderErrorPage } from "./chooser-page";
import { describeScopes, parseScopes } from "./scopes";

type OAuthClient = DiscordSimConfig["oauthClients"][number];

type AuthorizeRequest = {
  client: OAuthClient;
  redirectUri: string;
  scopes: string[];
  state: string | null;
  codeChallenge: string | null;
  /** Everything the client sent except our own login_hint, to echo into the chooser form. */
  echo: Record<string, string>;
};

const PKCE_CHALLENGE = /^[A-Za-z0-9._~-]{43,128}$/;
const DEFAULT_APP_NAME = "Cartofia Arcade";

/**
 * Checks an authorize request. Problems with client_id or redirect_uri get an error page (redirecting would
 * hand the error to an unverified URL); the rest go back to the client as `?error=…` per RFC 6749 §4.1.2.1.
 */
function validateAuthorize(state: SimState, params: Record<string, string>): { request: AuthorizeRequest } | { reply: Reply } {
  const client = state.config.oauthClients.find((c) => c.clientId === params.client_id);
  if (!client) return { reply: htmlReply(400, renderErrorPage("Unknown application", `No OAuth2 client "${params.client_id ?? ""}".`)) };
  const redirectUri = params.redirect_uri ?? "";
  if (!isAllowedRedirect(client, redirectUri)) {
    return { reply: htmlReply(400, renderErrorPage("Invalid OAuth2 redirect_uri", `"${redirectUri}" is not a redirect URI of this application.`)) };
  }
  const fail = (error: string, description: string) => ({ reply: errorRedirect(redirectUri, params.state, error, description) });
  if (params.response_type !== "code") return fail("unsupported_response_type", 'response_type must be "code"');
  const { scopes, unknown } = parseScopes(params.scope);
  if (scopes.length === 0) return fail("invalid_scope", "The requested scope is invalid, unknown, or malformed.");
  if (unknown.length > 0) return fail("invalid_scope", `Unknown scope(s): ${unknown.join(", ")}`);
  const challenge = params.code_challenge ?? null;
  if (challenge !== null && params.code_challenge_method !== "S256") return fail("invalid_request", "code_challenge_method must be S256");
  if (challenge === null && params.code_challenge_method !== undefined) return fail("invalid_request", "code_challenge is missing");
  if (challenge !== null && !PKCE_CHALLENGE.test(challenge)) return fail("invalid_request", "code_challenge is malformed");
  const { login_hint: _hint, user_id: _user, action: _action, ...echo } = params;
  return { request: { client, redirectUri, scopes, state: params.state ?? null, codeChallenge: challenge, echo } };
}

function isAllowedRedirect(client: OAuthClient, redirectUri: string): boolean {
  if (!URL.canParse(redirectUri)) return false;
  const { protocol } = new URL(redirectUri);
  if (protocol !== "http:" && protocol !== "https:") return false;
  return client.redirectUris === undefined || client.redirectUris.includes(redirectUri);
}

function errorRedirect(redirectUri: string, state: string | undefined, error: string, description: string): Reply {
  const target = new URL(redirectUri);
  target.searchParams.set("error", error);
  target.searchParams.set("error_description", description);
  if (state !== undefined) target.searchParams.set("state", state);
  return redirectReply(target.toString());
}

// Discord's redirect carries code and state only: no `iss`, which oauth4webapi would check (reference A5).
function approve(state: SimState, request: AuthorizeRequest, user: SimUser): Reply {
  const code = state.oauth.issueCode(
    { clientId: request.client.clientId, userId: user.id, scopes: request.scopes },
    request.redirectUri,
    request.codeChallenge,
  );
  const target = new URL(request.redirectUri);
  target.searchParams.set("code", code);
  if (request.state !== null) target.searchParams.set("state", request.state);
  return redirectReply(target.toString());
}

function standingOf(state: SimState, user: SimUser): string {
  if (user.id === state.guild.ownerId) return `Owner of ${state.guild.name}`;
  const member = state.members.get(user.id);
  if (!member) return `Not in ${state.guild.name}`;
  const roles = member.roles.map((id) => state.guild.roles.find((r) => r.id === id)?.name ?? id);
  return roles.length > 0 ? `Member · ${roles.join(", ")}` : "Member";
}

function chooser(state: SimState, request: AuthorizeRequest, notice?: string): Reply {
  const accounts = [...state.users.values()].map((user) => ({
    id: user.id,
    displayName: displayNameOf(user),
    username: user.username,
    standing: standingOf(state, user),
  }));
  const html = renderChooserPage({
    appName: request.client.name ?? DEFAULT_APP_NAME,
    guildName: state.guild.name,
    accounts,
    scopeSentences: describeScopes(request.scopes),
    params: request.echo,
    notice,
  });
  return htmlReply(notice ? 400 : 200, html);
}

function showAuthorize(ctx: RequestContext): Reply {
  const params = Object.fromEntries(ctx.query);
  const checked = validateAuthorize(ctx.state, params);
  if ("reply" in checked) return checked.reply;
  // login_hint is the sim's shortcut for tests and the demo: approve that user without a page.
  const hint = params.login_hint;
  if (hint === undefined) return chooser(ctx.state, checked.request);
  const user = ctx.state.findUser(hint);
  return user ? approve(ctx.state, checked.request, user) : chooser(ctx.state, checked.request, `No user matches login_hint "${hint}".`);
}

function decideAuthorize(ctx: RequestContext): Reply {
  const form = isStringRecord(ctx.body) ? ctx.body : {};
  const checked = validateAuthorize(ctx.state, form);
  if ("reply" in checked) return checked.reply;
  const { request } = checked;
  if (form.action === "cancel") {
    return errorRedirect(request.redirectUri, request.state ?? undefined, "access_denied", "The resource owner or authorization server denied the request");
  }
  const user = form.user_id ? ctx.state.users.get(form.user_id) : undefined;
  return user ? approve(ctx.state, request, user) : chooser(ctx.state, request, "Choose an account to continue.");
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");
}

export const authorizeRoutes: Route[] = [
  { method: "GET", pattern: "/oauth2/authorize", handler: showAuthorize },
  { method: "POST", pattern: "/oauth2/authorize", handler: decideAuthorize },
];
