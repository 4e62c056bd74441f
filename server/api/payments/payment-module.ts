import type { Hono } from 'hono';
import type { Sequelize } from 'sequelize';
import type { PaymentContext } from '../../domain/payments/context.ts';
import { handleWebhook } from '../../domain/payments/webhook.ts';
import type { Logger } from '../../../common/http/logger.ts';
import { demoPaymentPageRoutes } from '../../payment-providers/demo/routes.ts';
import { DemoPaymentProvider } from '../../payment-providers/demo/demo-provider.ts';
import { paymentWebhookSecret, type PaymentProviderDeps } from './payment-provider.ts';

/**
 * ONE payment provider per API: the routes (`paymentRoutes`) and the hosted page
 * (`demoPaymentPage`, mounted by the app at `/pay/demo`) share it. They are built from different
 * dependency objects (the API's and the app's), so the instance is kept per database, origin and
 * secret: the same setup always gets the same provider, context and page.
 */
export interface PaymentModuleDeps extends PaymentProviderDeps {
  logger: Logger;
}

export interface PaymentModule {
  provider: DemoPaymentProvider;
  ctx: PaymentContext;
  /** The hosted payment page; webhooks go in process to `handleWebhook`. */
  page: Hono;
}

const modules = new WeakMap<Sequelize, Map<string, PaymentModule>>();

export function paymentModule(deps: PaymentModuleDeps): PaymentModule {
  const secret = paymentWebhookSecret(deps);
  const key = `${deps.publicUrl.origin}\n${secret}`;
  let bySetup = modules.get(deps.sequelize);
  if (!bySetup) modules.set(deps.sequelize, (bySetup = new Map()));
  const existing = bySetup.get(key);
  if (existing) return existing;

  const provider = new DemoPaymentProvider({ secret, sequelize: deps.sequelize, publicUrl: deps.publicUrl });
  const ctx: PaymentContext = { sequelize: deps.sequelize, provider, publicUrl: deps.publicUrl };
  const page = demoPaymentPageRoutes({
    provider,
    publicOrigin: deps.publicUrl.origin,
    logger: deps.logger,
    deliverWebhook: (rawBody, headers) => handleWebhook(ctx, rawBody, headers),
  });
  const created = { provider, ctx, page };
  bySetup.set(key, created);
  return created;
}

/** The demo provider's hosted page, wired to the API's provider: `app.route('/pay/demo', demoPaymentPage(deps))`. */
export function demoPaymentPage(deps: PaymentModuleDeps): Hono {
  return paymentModule(deps).page;
}
