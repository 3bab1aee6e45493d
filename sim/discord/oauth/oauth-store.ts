import { generateAlphanumeric } from "../ids";

export type OAuthGrant = { clientId: string; userId: string; scopes: string[] };

export type PendingCode = OAuthGrant & {
  /** The redirect_uri given to /authorize; the token request must repeat it exactly. */
  redirectUri: string;
  codeChallenge: string | null;
  expiresAt: number;
};

type IssuedToken = OAuthGrant & { expiresAt: number };

export type TokenResponse = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
};

// Discord's user access tokens live a week; codes are short-lived and single-use.
const ACCESS_TOKEN_TTL_S = 604_800;
const CODE_TTL_MS = 10 * 60_000;

/** Authorization codes, access tokens and refresh tokens issued by the sim's OAuth2 endpoints. */
export class OAuthStore {
  private readonly codes = new Map<string, PendingCode>();
  private readonly accessTokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, OAuthGrant>();

  constructor(private readonly now: () => number) {}

  issueCode(grant: OAuthGrant, redirectUri: string, codeChallenge: string | null): string {
    const code = generateAlphanumeric(30);
    this.codes.set(code, { ...grant, redirectUri, codeChallenge, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** Removes the code whatever happens next: a code is good for exactly one exchange attempt. */
  takeCode(code: string): PendingCode | undefined {
    const pending = this.codes.get(code);
    this.codes.delete(code);
    return pending && pending.expiresAt > this.now() ? pending : undefined;
  }

  /** Rotates: a refresh token works once and yields a new pair. */
  takeRefreshToken(token: string): OAuthGrant | undefined {
    const grant = this.refreshTokens.get(token);
    this.refreshTokens.delete(token);
    return grant;
  }

  issueTokens(grant: OAuthGrant): TokenResponse {
    const accessToken = generateAlphanumeric(30);
    const refreshToken = generateAlphanumeric(30);
    const scopes = [...grant.scopes];
    this.accessTokens.set(accessToken, { ...grant, scopes, expiresAt: this.now() + ACCESS_TOKEN_TTL_S * 1000 });
    this.refreshTokens.set(refreshToken, { ...grant, scopes });
    return {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: ACCESS_TOKEN_TTL_S,
      refresh_token: refreshToken,
      scope: scopes.join(" "),
    };
  }

  findAccessToken(token: string): OAuthGrant | undefined {
    const issued = this.accessTokens.get(token);
    return issued && issued.expiresAt > this.now() ? issued : undefined;
  }
}
