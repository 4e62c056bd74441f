import { Hono } from 'hono';
import type { PageEnv } from '../pages/security.ts';
import type { IdpRouteDeps } from '../route-deps.ts';
import { emailChangeRoutes } from './email-change-routes.ts';
import { emailChangeUndoRoutes } from './email-change-undo-routes.ts';
import { passwordRoutes } from './password-routes.ts';
import { registerRoutes } from './register-routes.ts';
import { verifyEmailRoutes } from './verify-email-routes.ts';

/**
 * The self-service pages under /account, where the e-mails' links land:
 * - `/account/register` (Regisztráció): customer number + birth date + postcode, or tax number + postcode;
 * - `/account/verify-email?token=` and `/account/verify-email/resend`;
 * - `/account/forgot-password` (Elfelejtett jelszó) and `/account/reset-password?token=`;
 * - `/account/confirm-email-change?token=` and `/account/undo-email-change?token=`.
 * The page kit's middleware (mounted by ../routes.ts) adds the CSP, `no-store`, and refuses
 * POSTs from another origin.
 */
export function selfServiceRoutes(deps: IdpRouteDeps): Hono<PageEnv> {
  const app = new Hono<PageEnv>();
  app.route('/register', registerRoutes(deps));
  app.route('/verify-email', verifyEmailRoutes(deps));
  app.route('/confirm-email-change', emailChangeRoutes(deps));
  app.route('/undo-email-change', emailChangeUndoRoutes(deps));
  app.route('/', passwordRoutes(deps));
  return app;
}
