import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { writeRateLimit } from './auth/write-rate-limit.ts';
import type { Secrets } from '../config/config.ts';
import { createPaymentModule, type PaymentModule } from './payments/payment-module.ts';
import type { Sequelize } from 'sequelize';
import type { Logger } from '../../common/http/logger.ts';
import { authenticate } from './auth/authenticate.ts';
import { DpopNonces } from './auth/dpop-nonces.ts';
import { DpopVerifier, FRESH_SECONDS } from './auth/dpop-proof.ts';
import { DpopReplayStore } from './auth/dpop-replay.ts';
import { BearerVerifier } from './auth/bearer.ts';
import type { ApiEnv } from './auth/principal.ts';
import { PartnerOrigins } from './cors/partner-origins.ts';
import { partnerCors } from './cors/partner-cors.ts';
import { IdpClient } from '../domain/session/idp-client.ts';
import { sessionRoutes } from './session/routes.ts';
import { loginStartThrottle } from './session/login-throttle.ts';
import type { TrustProxy } from '../../common/http/trust-proxy.ts';
import { assertSessionKeysAvailable, loadSessionKeys } from '../domain/session/session-keys.ts';
import { SessionStore } from '../domain/session/session-store.ts';
import type { SessionLifetimes } from '../../common/security/session-lifetimes.ts';
import { TokenVault } from '../domain/session/token-vault.ts';
import type { PartnerSecretVault } from '../../common/partners/partner-secret-vault.ts';
import { mountResources } from './resources.ts';
import type { AccountSecurityReader } from './security/account-security-reader.ts';

export interface ApiDependencies {
  sequelize: Sequelize;
  /** PUBLIC_URL: the API is `${publicUrl}/api`, the IdP's redirect comes back to `${publicUrl}/api/session/callback`. */
  publicUrl: URL;
  /** The OpenID provider's issuer (`${PUBLIC_URL}/oidc` for the bundled one). */
  issuer: string;
  logger: Logger;
  production?: boolean;
  /** Development: where the session token key and the webhook secret are generated once (`<dataDir>/keys/`). */
  dataDir?: string | undefined;
  /** `SESSION_KEYS` and `PAYMENT_WEBHOOK_SECRET` as configured (server/config); generated when null outside production. */
  secrets?: Partial<Pick<Secrets, 'sessionKeys' | 'paymentWebhookSecret'>>;
  /** `API_WRITE_LIMIT_PER_MINUTE`; 60 by default. */
  writeLimitPerMinute?: number;
  /** `SESSION_IDLE_MINUTES` / `SESSION_ABSOLUTE_HOURS`; 30 minutes and 12 hours by default. */
  sessionLifetimes?: SessionLifetimes;
  /** The payment provider; the app builds it once and shares it with the hosted page. Built here when absent. */
  payments?: PaymentModule;
  /** Opens the partners' client secrets, sealed in `partner_clients` (the app derives it from the session keys). */
  partnerSecrets: PartnerSecretVault;
  /** `TRUST_PROXY`: whose `X-Forwarded-For` names the client for the per-address login throttle. */
  trustProxy?: TrustProxy | null;
  /** The account's passkeys and two-step log-in (the IdP's, handed in by server/app). */
  accountSecurity: AccountSecurityReader;
}

/**
 * The resource API and the widgets' backend-for-frontend, mounted at `/api`.
 * One folder per resource (routes, handlers); domain services stay free of Hono.
 *
 * Composition: CORS for the registered partner origins on everything; `/session` (login, callback,
 * ticket, logout); resource routers go behind `customerRoutes(auth, …)` (auth/require-customer.ts),
 * which gives every handler `principalOf(c)`. Failures: the app's one error handler answers them
 * (server/app/error-response.ts).
 */
export function createApi(deps: ApiDependencies): OpenAPIHono<ApiEnv> {
  const { sequelize, publicUrl, logger } = deps;
  const production = deps.production ?? false;
  const keyOptions = { configured: deps.secrets?.sessionKeys, dataDir: deps.dataDir, production };
  assertSessionKeysAvailable(keyOptions);
  const sessionKeys = loadSessionKeys(keyOptions);
  const vault = sessionKeys.then((keys) => new TokenVault(keys));
  vault.catch((error: unknown) => logger.error('session_keys_unavailable', { error }));

  const idp = new IdpClient({ issuer: deps.issuer, redirectUri: new URL('/api/session/callback', publicUrl).href });
  const sessions = new SessionStore({ sequelize, vault, partnerSecrets: deps.partnerSecrets, idp, logger, lifetimes: deps.sessionLifetimes });
  const bearer = new BearerVerifier({ sequelize, idp, issuer: deps.issuer, audience: new URL('/api', publicUrl).href });
  // A write's jti is kept for longer than its proof (or the nonce it was signed with) can be fresh.
  const dpop = new DpopVerifier({ nonces: new DpopNonces(sessionKeys, FRESH_SECONDS), replay: new DpopReplayStore(sequelize, logger, 3 * FRESH_SECONDS) });
  const auth = authenticate({ sessions, bearer, dpop, publicUrl, logger });
  const partnerOrigins = new PartnerOrigins(sequelize, logger);

  const api = new OpenAPIHono<ApiEnv>();
  api.use('*', partnerCors({ isAllowedOrigin: (origin) => partnerOrigins.has(origin) }));
  api.get('/', (c) => c.json({ name: 'gp-portal API', openapi: '/api/openapi.json' }));
  api.use('/session/login', loginStartThrottle({ sequelize, trustProxy: deps.trustProxy ?? null }));
  api.route('/session', sessionRoutes({ sequelize, publicUrl, dpop, idp, sessions, partnerSecrets: deps.partnerSecrets, auth, logger }));
  // Resource routes: authentication, then the per-session write limit.
  const limit = writeRateLimit(sequelize, deps.writeLimitPerMinute ?? 60);
  const resourceAuth: MiddlewareHandler<ApiEnv> = (c, next) =>
    auth(c, async () => {
      await limit(c, next);
    });
  const payments =
    deps.payments ??
    createPaymentModule({ sequelize, publicUrl, logger, production, dataDir: deps.dataDir, webhookSecret: deps.secrets?.paymentWebhookSecret });
  mountResources(api, { sequelize, publicUrl, logger, auth: resourceAuth, payments, sessions, accountSecurity: deps.accountSecurity });

  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'http',
    scheme: 'DPoP',
    description: 'The widgets: `Authorization: DPoP <handle>` and `DPoP: <proof>` (RFC 9449), signed by the key the session is bound to',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Gránit Pont customer portal API',
      version: '1',
      description: "Self-service API and the widgets' backend-for-frontend. Errors are application/problem+json with a stable `code`.",
    },
    servers: [{ url: new URL('/api', publicUrl).href }],
  });

  return api;
}
