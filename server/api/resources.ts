import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './auth/principal.ts';
import type { ResourceDeps } from './resource-deps.ts';
import { claimRoutes } from './claims/routes.ts';
import { documentRequestRoutes } from './document-requests/routes.ts';
import { mailboxRoutes } from './mailbox/routes.ts';
import { operationsRoutes } from './operations/routes.ts';
import { overviewRoutes } from './overview/routes.ts';
import { paymentRoutes } from './payments/routes.ts';
import { policyRoutes } from './policies/routes.ts';
import { profileRoutes } from './profile/routes.ts';
import { securityRoutes } from './security/routes.ts';

/** One folder per resource; each contributes a router mounted under its path. */
export function mountResources(api: OpenAPIHono<ApiEnv>, deps: ResourceDeps): void {
  // overview: /api/overview (what needs the customer's attention, across the areas below)
  api.route('/', overviewRoutes(deps));
  // policies: /api/policies (live and cancelled, detail, contract changes)
  api.route('/', policyRoutes(deps));
  // payments: /api/invoices, /api/payments, the payment provider's webhook
  api.route('/', paymentRoutes(deps));
  // claims: /api/claims (report with attachments, list, status history)
  api.route('/', claimRoutes(deps));
  // mailbox: /api/documents (Levelezés: list, open, download)
  api.route('/', mailboxRoutes(deps));
  // document requests: /api/document-requests
  api.route('/', documentRequestRoutes(deps));
  // profile: /api/me (the customer's own data, e-mail change)
  api.route('/', profileRoutes(deps));
  // security: /api/security (passkeys and two-step status, the account's sessions across sites)
  api.route('/', securityRoutes(deps));
  // operations: /api/operations (back office, bearer token with scope admin)
  api.route('/', operationsRoutes(deps));
}
