import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type Provider from 'oidc-provider';
import type { Sequelize } from 'sequelize';
import type { Logger } from '../common/http/logger.ts';
import { idpPageSecurity, type PageEnv } from './pages/security.ts';
import { Throttle } from '../common/security/throttle.ts';
import type { IdpPorts } from './ports.ts';
import { interactionRoutes } from './interactions/routes.ts';
import { selfServiceRoutes } from './self-service/routes.ts';

export interface IdpRouteDeps {
  provider: Provider;
  sequelize: Sequelize;
  publicUrl: URL;
  logger: Logger;
  throttle: Throttle;
  /** What the IdP needs from the rest of the product (e-mail, the API's sessions, the e-mail change). */
  ports: IdpPorts;
}

const css = fileURLToPath(new URL('./pages/assets/idp.css', import.meta.url));

/**
 * The IdP's own pages, served by the same process as the provider: the interaction pages
 * (login, consent) under /interaction, and the self-service pages (registration, e-mail
 * verification, forgotten password) under /account, where e-mail links land.
 */
export function createIdpRoutes(deps: Omit<IdpRouteDeps, 'throttle'> & { throttle?: Throttle }): Hono<PageEnv> {
  const full: IdpRouteDeps = { ...deps, throttle: deps.throttle ?? new Throttle(deps.sequelize) };
  const app = new Hono<PageEnv>();
  app.get('/idp-assets/idp.css', async (c) =>
    c.body(await readFile(css, 'utf8'), 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300' }),
  );
  // Scoped to the pages' own prefixes: this router is mounted at the root of the whole app.
  const security = idpPageSecurity({ publicOrigin: deps.publicUrl.origin });
  app.use('/interaction/*', security);
  app.use('/account/*', security);
  app.route('/interaction', interactionRoutes(full));
  app.route('/account', selfServiceRoutes(full));
  return app;
}
