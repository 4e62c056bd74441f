import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { idpPageSecurity, type PageEnv } from './pages/security.ts';
import { Throttle } from '../common/security/throttle.ts';
import type { TrustProxy } from '../common/http/trust-proxy.ts';
import type { IdpRouteDeps } from './route-deps.ts';
import { interactionRoutes } from './interactions/routes.ts';
import { selfServiceRoutes } from './self-service/routes.ts';
import { accountSecurityRoutes } from './security/routes.ts';
import { signInRoutes } from './security/sign-in-routes.ts';
import { twoStepFor } from './security/two-step.ts';

const css = fileURLToPath(new URL('./pages/assets/idp.css', import.meta.url));
/** The passkey pages' scripts: @simplewebauthn/browser's UMD build (global `SimpleWebAuthnBrowser`) and ours. */
const scripts = {
  // The package's exports name only its entry points: the bundle is found next to them.
  'webauthn-browser.js': join(dirname(createRequire(import.meta.url).resolve('@simplewebauthn/browser')), '../dist/bundle/index.umd.min.js'),
  'passkeys.js': fileURLToPath(new URL('./pages/assets/passkeys.js', import.meta.url)),
} as const;

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
  for (const [name, file] of Object.entries(scripts)) {
    app.get(`/idp-assets/${name}`, async (c) =>
      c.body(await readFile(file, 'utf8'), 200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=300',
        'X-Content-Type-Options': 'nosniff',
      }),
    );
  }
  // Scoped to the pages' own prefixes: this router is mounted at the root of the whole app.
  const security = idpPageSecurity({ publicOrigin: deps.publicUrl.origin });
  app.use('/interaction/*', security);
  app.use('/account/*', security);
  app.route('/interaction', interactionRoutes(full));
  app.route('/account', selfServiceRoutes(full));
  app.route('/account', signInRoutes(full));
  app.route('/account', accountSecurityRoutes(full, twoStepFor(full)));
  return app;
}
