import * as oidc from 'openid-client';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { LIFETIMES } from './lifetimes.ts';

/**
 * The API's side of OpenID Connect: it is the (confidential) client of the bundled provider on
 * every partner's behalf. The provider's metadata is discovered once, lazily (the IdP may be this
 * very process, not listening yet when the API is built) and again after a failure.
 */
export interface IdpClientOptions {
  /** `${PUBLIC_URL}/oidc` */
  issuer: string;
  /** `${PUBLIC_URL}/api/session/callback`: every partner's one redirect URI. */
  redirectUri: string;
}

export class IdpClient {
  readonly issuer: string;
  readonly redirectUri: string;
  private readonly insecure: boolean;
  private metadata: Promise<oidc.ServerMetadata> | null = null;
  private keySet: JWTVerifyGetKey | null = null;

  constructor(options: IdpClientOptions) {
    this.issuer = options.issuer;
    this.redirectUri = options.redirectUri;
    // Plain http only where PUBLIC_URL is http (development and tests on loopback).
    this.insecure = new URL(options.issuer).protocol === 'http:';
  }

  async serverMetadata(): Promise<oidc.ServerMetadata> {
    this.metadata ??= oidc
      .discovery(new URL(this.issuer), 'gp-api', undefined, oidc.None(), {
        execute: this.insecure ? [oidc.allowInsecureRequests] : [],
        timeout: LIFETIMES.idpTimeoutSeconds,
      })
      .then((config) => config.serverMetadata());
    try {
      return await this.metadata;
    } catch (error) {
      this.metadata = null;
      throw error;
    }
  }

  /** openid-client's configuration for one partner (client_secret_basic with its secret). */
  async configurationFor(partner: { clientId: string; clientSecret: string }): Promise<oidc.Configuration> {
    const config = new oidc.Configuration(await this.serverMetadata(), partner.clientId, undefined, oidc.ClientSecretBasic(partner.clientSecret));
    if (this.insecure) oidc.allowInsecureRequests(config);
    config.timeout = LIFETIMES.idpTimeoutSeconds;
    return config;
  }

  /** The provider's published signing keys (fetched, cached and re-fetched for unknown `kid`s by jose). */
  async jwks(): Promise<JWTVerifyGetKey> {
    if (this.keySet) return this.keySet;
    const uri = (await this.serverMetadata()).jwks_uri;
    if (!uri) throw new Error('the IdP publishes no jwks_uri');
    this.keySet = createRemoteJWKSet(new URL(uri), { timeoutDuration: LIFETIMES.idpTimeoutSeconds * 1000, cooldownDuration: 30_000 });
    return this.keySet;
  }
}

/**
 * Whether a failed token request was the IdP's answer (the grant is refused: `invalid_grant`,
 * `invalid_client` …) rather than no answer at all (network, timeout, a 5xx), after which the
 * request may be tried again later.
 */
export function isIdpRefusal(error: unknown): boolean {
  if (error instanceof oidc.ResponseBodyError || error instanceof oidc.WWWAuthenticateChallengeError) return true;
  if (error instanceof TypeError) return false; // fetch failed
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return false;
  const code = (error as { code?: string } | null)?.code;
  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_RESPONSE_IS_NOT_JSON') return false;
  return true;
}
