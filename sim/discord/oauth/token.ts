import { createHash } from "node:crypto";
import { type DiscordSimConfig } from "../config";
import { jsonReply, type Reply } from "../http/reply";
import { type RequestContext, type Route } from "../http/router";
import { parseScopes } from "./scopes";

type OAuthClient = DiscordSimConfig["oauthClients"][number];

// RFC 6749 §5.1: token responses must not be cached.
const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

function oauthError(status: number, error: string, description?: string): Reply {
  return jsonReply(status, description ? { error, error_description: description } : { error }, NO_STORE);
}

function decodeFormComponent(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, " "));
}

/**
 * client_secret_basic (what Auth.js sends: base64 of form-encoded `id:secret`) or client_secret_post.
 * Both at once with different ids is refused.
 */
function authenticateClient(ctx: RequestContext, form: Record<string, string>): OAuthClient | null {
  let clientId = form.client_id;
  let secret = form.client_secret;
  if (ctx.auth.kind === "basic") {
    const decoded = Buffer.from(ctx.auth.credential, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return null;
    const basicId = decodeFormComponent(decoded.slice(0, colon));
    if (clientId !== undefined && clientId !== basicId) return null;
    clientId = basicId;
    secret = decodeFormComponent(decoded.slice(colon + 1));
  }
  return ctx.state.config.oauthClients.find((c) => c.clientId === clientId && c.clientSecret === secret) ?? null;
}

function s256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

function exchangeCode(ctx: RequestContext, client: OAuthClient, form: Record<string, string>): Reply {
  const pending = form.code ? ctx.state.oauth.takeCode(form.code) : undefined;
  if (!pending || pending.clientId !== client.clientId) return oauthError(400, "invalid_grant", 'Invalid "code" in request.');
  if (form.redirect_uri !== pending.redirectUri) return oauthError(400, "invalid_grant", 'Invalid "redirect_uri" in request.');
  if (pending.codeChallenge !== null) {
    const verifier = form.code_verifier;
    if (!verifier || s256(verifier) !== pending.codeChallenge) return oauthError(400, "invalid_grant", 'Invalid "code_verifier" in request.');
  }
  return jsonReply(200, ctx.state.oauth.issueTokens(pending), NO_STORE);
}

function refresh(ctx: RequestContext, client: OAuthClient, form: Record<string, string>): Reply {
  const grant = form.refresh_token ? ctx.state.oauth.takeRefreshToken(form.refresh_token) : undefined;
  if (!grant || grant.clientId !== client.clientId) return oauthError(400, "invalid_grant", 'Invalid "refresh_token" in request.');
  const narrowed = form.scope === undefined ? grant.scopes : parseScopes(form.scope).scopes;
  if (narrowed.some((s) => !grant.scopes.includes(s))) return oauthError(400, "invalid_scope", "The requested scope exceeds the original grant.");
  return jsonReply(200, ctx.state.oauth.issueTokens({ ...grant, scopes: narrowed }), NO_STORE);
}

function handleToken(ctx: RequestContext): Reply {
  // Discord's token URL accepts only form encoding (developers/topics/oauth2.mdx).
  if (ctx.contentType !== "application/x-www-form-urlencoded" || typeof ctx.body !== "object" || ctx.body === null) {
    return oauthError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
  }
  const form = ctx.body as Record<string, string>;
  const client = authenticateClient(ctx, form);
  if (!client) return oauthError(401, "invalid_client");
  if (form.grant_type === "authorization_code") return exchangeCode(ctx, client, form);
  if (form.grant_type === "refresh_token") return refresh(ctx, client, form);
  return oauthError(400, "unsupported_grant_type");
}

export const tokenRoutes: Route[] = [{ method: "POST", pattern: "/oauth2/token", handler: handleToken }];
