import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Sequelize } from 'sequelize';
import type { Logger } from '../http/logger.ts';
import type { ApiEnv } from './auth/principal.ts';
import { claimRoutes } from './claims/routes.ts';
import { documentRoutes } from './documents/routes.ts';
import { operationsRoutes } from './operations/routes.ts';
import { paymentRoutes } from './payments/routes.ts';
import { policyRoutes } from './policies/routes.ts';

/** What every resource router gets. */
export interface ResourceDeps {
  sequelize: Sequelize;
  publicUrl: URL;
  logger: Logger;
  /** Authentication (key-bound DPoP session or bearer); `resourceRouter(deps.auth)` requires a customer. */
  auth: MiddlewareHandler<ApiEnv>;
  production: boolean;
  dataDir?: string | undefined;
  env: Record<string, string | undefined>;
}

/** One folder per resource; each contributes a router mounted under its path. */
export function mountResources(api: OpenAPIHono<ApiEnv>, deps: ResourceDeps): void {
  // policies: /api/policies (live and cancelled, detail, contract changes)
  api.route('/', policyRoutes(deps));
  // payments: /api/invoices, /api/payments, the payment provider's webhook
  api.route('/', paymentRoutes(deps));
  // claims: /api/claims (report with attachments, list, status history)
  api.route('/', claimRoutes(deps));
  // documents: /api/documents (the mailbox), /api/document-requests, /api/me (profile)
  api.route('/', documentRoutes(deps));
  api.route('/', operationsRoutes(deps));
}
