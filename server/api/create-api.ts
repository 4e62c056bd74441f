import { Hono } from 'hono';
import type { Sequelize } from 'sequelize';
import type { Logger } from '../http/logger.ts';
import { authenticate } from './auth/authenticate.ts';
import { BearerVerifier } from './auth/bearer.ts';
import type { ApiEnv } from './auth/principal.ts';
import { PartnerOrigins } from './cors/partner-origins.ts';
import { partnerCors } from './cors/partner-cors.ts';
import { IdpClient } from './session/idp-client.ts';
import { sessionRoutes } from './session/routes.ts';
import { assertSessionKeysAvailable, loadSessionKeys } from './session/session-keys.ts';
import { SessionStore } from './session/session-store.ts';
import { TokenVault } from './session/token-vault.ts';

export interface ApiDependencies {
  sequelize: Sequelize;
  /** PUBLIC_URL: the API is `${publicUrl}/api`, the IdP's redirect comes back to `${publicUrl}/api/session/callback`. */
  publicUrl: URL;
  /** The OpenID provider's issuer (`${PUBLIC_URL}/oidc` for the bundled one). */
  issuer: string;
  logger: Logger;
  production?: boolean;
  /** Development: where the session token key is generated once (`<dataDir>/keys/`). */
  dataDir?: string;
  /** Defaults to `process.env` (`SESSION_KEYS`). */
  env?: Record<string, string | undefined>;
}

/**
 * The resource API and the widgets' backend-for-frontend, mounted at `/api`.
 * One folder per resource (routes, handlers); domain services stay free of Hono.
 *
 * Composition: CORS for the registered partner origins on everything; `/session` (login, callback,
 * ticket, logout); resource routers go behind `customerRoutes(auth, …)` (auth/require-customer.ts),
 * which gives every handler `principalOf(c)`.
 */
export function createApi(deps: ApiDependencies): Hono<ApiEnv> {
  const { sequelize, publicUrl, logger } = deps;
  const keyOptions = { env: deps.env ?? process.env, dataDir: deps.dataDir, production: deps.production ?? false };
  assertSessionKeysAvailable(keyOptions);
  const vault = loadSessionKeys(keyOptions).then((keys) => new TokenVault(keys));
  vault.catch((error: unknown) => logger.error('session_keys_unavailable', { error }));

  const idp = new IdpClient({ issuer: deps.issuer, redirectUri: new URL('/api/session/callback', publicUrl).href });
  const sessions = new SessionStore({ sequelize, vault, idp, logger });
  const bearer = new BearerVerifier({ sequelize, idp, issuer: deps.issuer, audience: new URL('/api', publicUrl).href });
  const auth = authenticate({ sessions, bearer, ownOrigin: publicUrl.origin, logger });
  const partnerOrigins = new PartnerOrigins(sequelize, logger);

  const api = new Hono<ApiEnv>();
  api.use('*', partnerCors({ isAllowedOrigin: (origin) => partnerOrigins.has(origin) }));
  api.get('/', (c) => c.json({ name: 'gp-portal API', openapi: '/api/openapi.json' }));
  api.route('/session', sessionRoutes({ sequelize, ownOrigin: publicUrl.origin, idp, sessions, auth, logger }));
  // Resource routes: api.route('/policies', customerRoutes(auth, policyRoutes(deps))), …
  return api;
}
