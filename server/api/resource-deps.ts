import type { MiddlewareHandler } from 'hono';
import type { Sequelize } from 'sequelize';
import type { Logger } from '../../common/http/logger.ts';
import type { ApiEnv } from './auth/principal.ts';
import type { PaymentModule } from './payments/payment-module.ts';
import type { AccountSecurityReader } from './security/account-security-reader.ts';
import type { SessionStore } from '../domain/session/session-store.ts';

/** What every resource router gets. */
export interface ResourceDeps {
  sequelize: Sequelize;
  publicUrl: URL;
  logger: Logger;
  /** Authentication (key-bound DPoP session or bearer); `resourceRouter(deps.auth)` requires a customer. */
  auth: MiddlewareHandler<ApiEnv>;
  /** The payment provider, built once by the app (the hosted page shares it). */
  payments: PaymentModule;
  /** The browser sessions (the account's session list ends them through it). */
  sessions: SessionStore;
  /** The account's passkeys and two-step log-in, read from the IdP (handed in by server/app). */
  accountSecurity: AccountSecurityReader;
}
