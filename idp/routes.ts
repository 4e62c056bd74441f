import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { idpPageSecurity, type PageEnv } from './pages/security.ts';
import { Throttle } from '../common/security/throttle.ts';
import type { TrustProxy } from '../common/http/trust-proxy.ts';
import type { IdpRouteDeps } from './route-deps.ts';
import { interactionRoutes } from './interactions/routes.ts';
import { selfServiceRoutes } from './self-service/routes.ts';

const css = fileURLToPath(new URL('./pages/assets/idp.css', import.meta.url));

/**
 * The IdP's own pages, served by the same process as the provider: the interaction pages
 * (login, consent) under /interaction, and the self-service pages (registration, e-mail
 * verification, forgotten password) under /account, where e-mail links land.
 */
export function createIdpRoutes(deps: Omit<IdpRouteDeps, 'throttle' | 'trustProxy'> & { throttle?: Throttle; trustProxy?: TrustProxy | null }): Hono<PageEnv> {
  const full: IdpRouteDeps = { ...deps, throttle: deps.throttle ?? new Throttle(deps.sequelize), trustProxy: deps.trustProxy ?? null };
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
