import type { Hono } from 'hono';
import type { Sequelize } from 'sequelize';
import type { Logger } from '../../../common/http/logger.ts';
import type { PaymentContext } from '../../domain/payments/context.ts';
import { handleWebhook } from '../../domain/payments/webhook.ts';
import { demoPaymentPageRoutes } from '../../payment-providers/demo/routes.ts';
import { DemoPaymentProvider } from '../../payment-providers/demo/demo-provider.ts';
import { paymentWebhookSecret } from './payment-provider.ts';

/**
 * The payment provider, built ONCE by whoever composes the app (`createApp`, or `createApi` on its
 * own) and handed to both users: the API's payment routes and the provider's hosted page (mounted
 * by the app at `/pay/demo`), whose webhooks go in process to `handleWebhook`.
 */
export interface PaymentModuleDeps {
  sequelize: Sequelize;
  publicUrl: URL;
  logger: Logger;
  production: boolean;
  dataDir?: string | undefined;
  /** `PAYMENT_WEBHOOK_SECRET` as configured (server/config), or null. */
  webhookSecret?: string | null | undefined;
}

export interface PaymentModule {
  provider: DemoPaymentProvider;
  ctx: PaymentContext;
  /** The hosted payment page. */
  page: Hono;
}

export function createPaymentModule(deps: PaymentModuleDeps): PaymentModule {
  const secret = paymentWebhookSecret({ production: deps.production, dataDir: deps.dataDir, configured: deps.webhookSecret });
  const provider = new DemoPaymentProvider({ secret, sequelize: deps.sequelize, publicUrl: deps.publicUrl });
  const ctx: PaymentContext = { sequelize: deps.sequelize, provider, publicUrl: deps.publicUrl };
  const page = demoPaymentPageRoutes({
    provider,
    publicOrigin: deps.publicUrl.origin,
    logger: deps.logger,
    deliverWebhook: (rawBody, headers) => handleWebhook(ctx, rawBody, headers),
  });
  return { provider, ctx, page };
}
