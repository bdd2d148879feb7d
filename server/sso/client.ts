/** The OpenID Connect client (openid-client): the provider discovered once, authorization URLs, and a callback's claims. */
import * as oidc from 'openid-client';
import type { SsoConfig } from '../config';
import { missingClaims } from './claims';

/** Seconds discovery and every later request to the provider may take. */
const TIMEOUT_SECONDS = 10;

/** An http issuer is allowed only on loopback (config.ts refuses any other), for development and tests. */
function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

export interface AuthorizationRequest {
  redirectUri: string;
  state: string;
  nonce: string;
  codeChallenge: string;
  /** 'none': a silent sign-in, answered login_required when the provider has no session. */
  prompt?: 'none';
}

export interface CallbackChecks {
  state: string;
  nonce: string;
  verifier: string;
}

export class OidcClient {
  private discovered: Promise<oidc.Configuration> | undefined;

  constructor(private readonly sso: SsoConfig) {}

  /**
   * The provider's configuration, discovered on first use and kept; a failed discovery is tried
   * again on the next use. Discovery refuses metadata naming another issuer than RELAY_OIDC_ISSUER.
   */
  configuration(): Promise<oidc.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = undefined;
      throw error;
    });
    return this.discovered;
  }

  private discover(): Promise<oidc.Configuration> {
    const issuer = new URL(this.sso.issuer);
    const secret = this.sso.clientSecret;
    return oidc.discovery(
      issuer,
      this.sso.clientId,
      secret === undefined ? undefined : { client_secret: secret },
      secret === undefined ? oidc.None() : oidc.ClientSecretBasic(secret),
      {
        timeout: TIMEOUT_SECONDS,
        execute: isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : [],
      },
    );
  }

  /** Where to send the browser: the provider's authorization endpoint with state, nonce and PKCE (S256). */
  async authorizationUrl(request: AuthorizationRequest): Promise<URL> {
    const parameters: Record<string, string> = {
      redirect_uri: request.redirectUri,
      scope: this.sso.scopes,
      state: request.state,
      nonce: request.nonce,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
    };
    if (request.prompt) parameters.prompt = request.prompt;
    return oidc.buildAuthorizationUrl(await this.configuration(), parameters);
  }

  /**
   * The claims of a callback: the authorization response checked (state, the `iss` parameter when
   * the provider sends one, or its error), the code redeemed with the PKCE verifier, and the ID
   * token validated (signature, issuer, audience, expiry, nonce). Claims the mapping reads that the
   * ID token lacks are asked of the userinfo endpoint; the ID token's win where both have one.
   */
  async claims(callbackUrl: URL, checks: CallbackChecks): Promise<Record<string, unknown>> {
    const configuration = await this.configuration();
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.verifier,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error('the token endpoint answered no ID token');
    const claims: Record<string, unknown> = { ...idToken };
    if (!missingClaims(claims, this.sso.claims) || !configuration.serverMetadata().userinfo_endpoint) return claims;
    try {
      const userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      return { ...userinfo, ...claims };
    } catch (error) {
      console.warn(
        `sso: the userinfo endpoint did not answer, signing in with the ID token's claims only: ${describeError(error)}`,
      );
      return claims;
    }
  }
}

/** An error from openid-client in words for the log: its kind, code and the provider's error, never a token. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const {
    code,
    error: providerError,
    error_description: description,
  } = error as Error & {
    code?: unknown;
    error?: unknown;
    error_description?: unknown;
  };
  const parts = [error.name, typeof code === 'string' ? code : undefined, error.message];
  // openid-client's errors wrap the check that failed; its message names it (its own data is not logged).
  if (error.cause instanceof Error) parts.push(error.cause.message);
  if (typeof providerError === 'string') parts.push(`provider said ${providerError}`);
  if (typeof description === 'string') parts.push(description.slice(0, 300));
  return parts.filter(Boolean).join(': ');
}
