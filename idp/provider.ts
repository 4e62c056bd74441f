import Provider, { errors, type Adapter, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Sequelize } from 'sequelize';
import type { IdpKeys } from './keys.ts';
import { sequelizeAdapterFactory } from './storage/sequelize-adapter.ts';
import { findLatestGrantId } from './storage/grants.ts';
import { findAccountFor } from './accounts/find-account.ts';
import { clientAddressOf, dropUntrustedForwarding, type TrustProxy } from '../common/http/trust-proxy.ts';
import { logoutSource, postLogoutSuccessSource, renderError } from './interactions/provider-pages.ts';
import { randomBytes } from 'node:crypto';
import { contentSecurityPolicy, nonceSource } from '../common/http/csp.ts';
import { PARTNER_CLIENT_AUTH_METHODS } from '../common/partners/partner-client-metadata.ts';
import { accountPagesClient, accountPagesGrant } from './security/account-pages-client.ts';
import { DEFAULT_SESSION_LIFETIMES, type SessionLifetimes } from '../common/security/session-lifetimes.ts';
import type { PartnerSecretVault } from '../common/partners/partner-secret-vault.ts';

export interface IdpOptions {
  /** `${PUBLIC_URL}/oidc` */
  issuer: string;
  sequelize: Sequelize;
  keys: IdpKeys;
  /** Opens the partners' client secrets, sealed in `partner_clients` (handed in by the app's wiring). */
  partnerSecrets: PartnerSecretVault;
  production: boolean;
  /**
   * The proxies in front (`TRUST_PROXY`): only their `X-Forwarded-Proto`/`-Host`/`-For` count, so
   * behind a TLS-terminating proxy the IdP advertises and checks `https` URLs. Default: none.
   */
  trustProxy?: TrustProxy | null;
  /** The API's resource indicator and access-token audience; `${PUBLIC_URL}/api` by default. */
  apiResource?: string;
  /**
   * `SESSION_IDLE_MINUTES` / `SESSION_ABSOLUTE_HOURS` (30 minutes, 12 hours by default): the IdP's
   * session and each refresh token idle out like the API's session, no chain of refresh tokens
   * outlives the absolute lifetime, so the IdP never keeps a login the API has let go of.
   */
  sessionLifetimes?: SessionLifetimes;
  /**
   * Requests reach the provider only through the app's forwarder on a private socket (the IdP
   * thread: server/app/idp-thread/), which has applied `TRUST_PROXY` already and states the
   * client's address and protocol as the only `X-Forwarded-*` headers. `trustProxy` is then unused.
   */
  forwardedByApp?: boolean;
}

/** The API's one scope: everything the widgets show (contracts, invoices, claims, documents …). */
export const API_SCOPE = 'portal';

/**
 * The operations scope: issuing documents etc. (`/api/operations/…`). Only client-credentials
 * tokens of operations clients (`partner_clients.metadata.operations = true`) carry it.
 */
export const ADMIN_SCOPE = 'admin';

/** The API's resource indicator (= the `aud` of its access tokens) for a given public URL. */
export function apiResourceFor(publicUrl: URL | string): string {
  return new URL('/api', publicUrl).href;
}

export const TTL = {
  AccessToken: 5 * 60,
  AuthorizationCode: 60,
  IdToken: 5 * 60,
  Interaction: 15 * 60,
  /** A grant (the customer's consent for one partner) outlives the refresh tokens it carries. */
  Grant: 30 * 24 * 3600,
} as const;

/**
 * The bundled OpenID provider (oidc-provider 9):
 * - authorization code flow only, PKCE with S256 required for every client, redirect URIs
 *   matched exactly (and never omitted); the one exception are operations clients
 *   (`metadata.operations`): client credentials only, their API tokens carry scope `admin`;
 * - access tokens are RFC 9068 JWTs for one resource, the API (`aud` = `${PUBLIC_URL}/api`,
 *   scope `portal`), signed with the IdP's ES256 key, 5 minutes;
 * - refresh tokens (for every client with the refresh_token grant) rotate at every use, each
 *   living the idle lifetime, none past the absolute lifetime from the login (`sessionLifetimes`); presenting a used one again revokes the whole grant
 *   (every token of it) — reuse detection. The client must serialise its refreshes;
 * - claims come in the ID token (there is no userinfo endpoint: access tokens are for the API);
 * - consent is remembered per customer and partner (see `loadExistingGrant`);
 * - login and consent run on our own pages under /interaction, logout and errors are rendered in
 *   the same look; the built-in development interactions, which accept anyone, are off.
 */
export function createProvider(options: IdpOptions): Provider {
  const api = options.apiResource ?? apiResourceFor(options.issuer);
  const { sequelize } = options;
  const lifetimes = options.sessionLifetimes ?? DEFAULT_SESSION_LIFETIMES;

  const configuration: Configuration = {
    adapter: withOperationsClients(sequelizeAdapterFactory(sequelize, options.partnerSecrets)),
    jwks: options.keys.jwks as Configuration['jwks'],
    cookies: { keys: options.keys.cookieKeys },
    findAccount: findAccountFor(sequelize),
    // The IdP's own account pages (issue 16): a static first-party client, see its file.
    clients: [accountPagesClient(new URL(options.issuer).origin)],

    scopes: ['openid', 'offline_access', 'profile', 'email', 'customer'],
    claims: {
      // `idp_session`: the log-in session (see findAccountFor), so the BFF can tell which of its sessions came from which browser.
      openid: ['sub', 'idp_session'],
      profile: ['name', 'locale'],
      email: ['email', 'email_verified'],
      customer: ['customer_number'],
    },
    // The BFF reads the customer's name and e-mail from the ID token: its access token is for the API.
    conformIdTokenClaims: false,

    // Only what partners are registered for: no client_secret_post, private_key_jwt, none …
    clientAuthMethods: [...PARTNER_CLIENT_AUTH_METHODS],
    responseTypes: ['code'],
    pkce: { required: () => true },
    allowOmittingSingleRegisteredRedirectUri: false,
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
    },
    enabledJWA: { idTokenSigningAlgValues: ['ES256'] },
    // `operations: true` (partner_clients.metadata) marks a machine client of the insurer's
    // operations: client_credentials only, and its tokens for the API carry scope `admin`.
    extraClientMetadata: {
      properties: ['operations'],
      validator: (_ctx, key, value) => {
        if (key === 'operations' && value !== undefined && typeof value !== 'boolean') throw new errors.InvalidClientMetadata('operations must be a boolean');
      },
    },

    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      revocation: {
        enabled: true,
        // RFC 7009 §2.1: only the client a token was issued to may revoke it; another is refused.
        allowedPolicy: (_ctx, client, token) => {
          if (token.clientId !== client.clientId) throw new errors.InvalidRequest('client is not authorized to revoke the presented token');
          return true;
        },
      },
      // Only operations clients have the grant (see `withOperationsClients`).
      clientCredentials: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      resourceIndicators: {
        enabled: true,
        // Clients need not send `resource`: the API is the only resource server.
        defaultResource: (_ctx, _client, oneOf) => oneOf ?? api,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource, client) => {
          if (resource !== api) throw new errors.InvalidTarget();
          return {
            scope: isOperationsClient(client) ? ADMIN_SCOPE : API_SCOPE,
            audience: api,
            accessTokenFormat: 'jwt',
            accessTokenTTL: TTL.AccessToken,
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
    },

    // oidc-provider (per OIDC Core) drops `offline_access` unless the request says prompt=consent,
    // which would show the consent page at every login. So a refresh token goes to every client
    // registered for the refresh_token grant (every partner: the BFF keeps it server-side), and
    // tokens don't end with the IdP's browser session: the BFF's session has its own lifetime.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    expiresWithSession: () => false,
    rotateRefreshToken: true,
    loadExistingGrant: async (ctx) => (await accountPagesGrant(ctx)) ?? loadExistingGrant(ctx, sequelize),

    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError,

    ttl: {
      AccessToken: TTL.AccessToken,
      ClientCredentials: TTL.AccessToken,
      AuthorizationCode: TTL.AuthorizationCode,
      IdToken: TTL.IdToken,
      Interaction: TTL.Interaction,
      // The IdP's own browser session (single sign-on across partner sites).
      Session: lifetimes.idleSeconds,
      Grant: TTL.Grant,
      RefreshToken: (_ctx, token) => {
        const started = token.iiat ?? token.iat ?? Math.floor(Date.now() / 1000);
        const remaining = started + lifetimes.absoluteSeconds - Math.floor(Date.now() / 1000);
        return Math.max(1, Math.min(lifetimes.idleSeconds, remaining));
      },
    },
  };
  const provider = new Provider(options.issuer, configuration);
  if (options.forwardedByApp) {
    // Koa then takes the protocol, host and address from the forwarder's headers, as stated.
    provider.proxy = true;
  } else {
    const trust = options.trustProxy ?? null;
    provider.proxy = trust !== null;
    provider.use(async function forwardedHeaders(ctx, next) {
      // Koa trusts every forwarded header once `proxy` is on, and takes the LEFTMOST address.
      if (dropUntrustedForwarding(ctx.req, trust)) ctx.request.ip = clientAddressOf(ctx.req, trust);
      await next();
    });
  }
  provider.use(baselinePageHeaders);
  return provider;
}

/** An operations client: flagged in its metadata AND limited to the client_credentials grant. */
function isOperationsClient(client: { grantTypeAllowed(type: string): boolean }): boolean {
  return (
    (client as unknown as Record<string, unknown>)['operations'] === true &&
    client.grantTypeAllowed('client_credentials') &&
    !client.grantTypeAllowed('authorization_code')
  );
}

/**
 * Partner rows become authorization-code clients (`clientMetadataFromRow`); a row whose metadata
 * says `operations: true` becomes a client_credentials-only client instead (no redirect URIs, no
 * response types, no refresh tokens), so it can never act for a customer.
 */
function withOperationsClients(factory: (model: string) => Adapter): (model: string) => Adapter {
  return (model) => {
    const adapter = factory(model);
    if (model !== 'Client') return adapter;
    const find = adapter.find.bind(adapter);
    adapter.find = async (id) => {
      const metadata = await find(id);
      if (!metadata || metadata['operations'] !== true) return metadata;
      return { ...metadata, grant_types: ['client_credentials'], response_types: [], redirect_uris: [], post_logout_redirect_uris: [] };
    };
    return adapter;
  };
}

/**
 * Consent is remembered: the grant this browser session already holds for the client, or else a
 * fresh grant carrying what the customer consented to this partner last time (the newest live
 * grant for the pair). A copy, not the old grant itself, so every login starts its own token
 * family: reuse detection or a logout in one browser revokes that family, not the customer's
 * sessions elsewhere. With no earlier grant, the consent page asks.
 */
async function loadExistingGrant(ctx: KoaContextWithOIDC, sequelize: Sequelize) {
  const { provider, client, session } = ctx.oidc;
  if (!client || !session) return undefined;
  const current = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
  if (current) return provider.Grant.find(current);
  if (!session.accountId) return undefined;

  const previousId = await findLatestGrantId(sequelize, session.accountId, client.clientId);
  const previous = previousId ? await provider.Grant.find(previousId) : undefined;
  if (!previous) return undefined;
  const grant = new provider.Grant({ accountId: session.accountId, clientId: client.clientId });
  const scope = previous.getOIDCScope();
  if (scope) grant.addOIDCScope(scope);
  const claims = previous.getOIDCClaims();
  if (claims.length) grant.addOIDCClaims(claims);
  for (const [resource, resourceScope] of Object.entries(previous.resources ?? {})) {
    if (typeof resourceScope === 'string' && resourceScope) grant.addResourceScope(resource, resourceScope);
  }
  await grant.save();
  return grant;
}

/**
 * oidc-provider renders two pages of its own with an inline auto-submit script: the form_post
 * response and the form that ends a session without a login (/session/end). It adds the
 * script's sha256 to the `script-src` of a CSP already set, so one is set up front: a fresh
 * nonce and nothing else may run. Those pages must not be framed, cached or sniffed either;
 * pages we render set a full nonce-based CSP of their own, which replaces this one.
 */
async function baselinePageHeaders(
  ctx: { response: { get(name: string): string }; set(name: string, value: string): void; remove(name: string): void },
  next: () => Promise<void>,
) {
  ctx.set(
    'Content-Security-Policy',
    contentSecurityPolicy({ 'script-src': [nonceSource(randomBytes(16).toString('base64'))], 'default-src': [], 'form-action': [] }),
  );
  await next();
  ctx.set('X-Content-Type-Options', 'nosniff');
  if (!ctx.response.get('Content-Type').startsWith('text/html')) {
    // JSON (discovery, tokens, JWKS) is no page: it keeps no CSP.
    ctx.remove('Content-Security-Policy');
    return;
  }
  if (!ctx.response.get('Cache-Control')) ctx.set('Cache-Control', 'no-store');
}
