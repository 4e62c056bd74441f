import { Hono } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { Sequelize } from 'sequelize';
import type Provider from 'oidc-provider';
import type { Config } from '../config/config.ts';
import { createApi } from '../api/create-api.ts';
import { healthRoutes } from '../http/health.ts';
import { atMountPath, nodeRoute } from '../http/node-route.ts';
import type { IdpThread } from './idp-thread/idp-thread.ts';
import { ProblemError, problemResponse } from '../../common/http/problem.ts';
import { securityHeaders } from '../http/security-headers.ts';
import { forwardedHeaders } from '../http/forwarded-headers.ts';
import { sendStatic } from '../http/static-files.ts';
import { widgetHostCsp } from '../http/page-policy.ts';
import { paths } from '../http/paths.ts';
import type { Logger } from '../../common/http/logger.ts';
import type { MailSink } from '../notifications/dev-mail-sink.ts';
import { devMailRoutes } from '../notifications/dev-mail-page.ts';
import { createIdpRoutes } from '../../idp/routes.ts';
import { authorizationThrottle } from '../../idp/authorization-throttle.ts';
import { idpPorts } from './idp-ports.ts';
import { createPaymentModule, type PaymentModule } from '../api/payments/payment-module.ts';
import { sdkFiles } from './sdk-files.ts';
import { standalonePage } from './standalone-page.ts';
import { errorResponse } from './error-response.ts';
import { readAccountSecurityStatus } from '../../idp/security/status.ts';
import type { PartnerSecretVault } from '../../common/partners/partner-secret-vault.ts';

export interface AppDependencies {
  config: Pick<Config, 'publicUrl' | 'production'> &
    Partial<Pick<Config, 'dataDir' | 'secrets' | 'apiWriteLimitPerMinute' | 'trustProxy' | 'sessionLifetimes'>>;
  sequelize: Sequelize;
  /** Serves the log-in pages; also the /oidc endpoints unless `idpThread` does. */
  provider: Provider;
  /** The IdP's endpoints in a thread of their own (`npm start`; see idp-thread.ts); in this thread when absent. */
  idpThread?: Pick<IdpThread, 'endpoints' | 'alive'> | undefined;
  /** The partners' sealed client secrets: the same vault the provider was given (`partnerSecretVault`). */
  partnerSecrets: PartnerSecretVault;
  logger: Logger;
  /** The payment provider shared by the API and its hosted page; built from the config when absent. */
  payments?: PaymentModule;
  /** The embedded SMTP sink (development): its mail is shown at /dev/mail. */
  devMailSink?: MailSink | null;
}

/** The insurer's one Hono app: IdP at /oidc, API at /api, bundles at /sdk, the portal page at /. */
export function createApp(deps: AppDependencies): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  const origin = deps.config.publicUrl.origin;
  const payments =
    deps.payments ??
    createPaymentModule({
      sequelize: deps.sequelize,
      publicUrl: deps.config.publicUrl,
      logger: deps.logger,
      production: deps.config.production,
      dataDir: deps.config.dataDir,
      webhookSecret: deps.config.secrets?.paymentWebhookSecret,
    });

  app.use(forwardedHeaders(deps.config.trustProxy ?? null));
  app.use(securityHeaders({ hsts: deps.config.publicUrl.protocol === 'https:' }));
  const idpThread = deps.idpThread;
  app.route('/', healthRoutes(deps.sequelize, idpThread ? { idpAlive: idpThread.alive } : {}));

  // Authorization requests store rows before any login: limited per client address ('/*' takes '/oidc/auth' too).
  app.use('/oidc/auth/*', authorizationThrottle({ sequelize: deps.sequelize, publicUrl: deps.config.publicUrl, trustProxy: deps.config.trustProxy ?? null }));
  const oidcEndpoints = nodeRoute(idpThread ? idpThread.endpoints : atMountPath('/oidc', deps.provider.callback()));
  app.all('/oidc/*', oidcEndpoints);
  app.all('/oidc', oidcEndpoints);

  app.route(
    '/',
    createIdpRoutes({
      provider: deps.provider,
      sequelize: deps.sequelize,
      publicUrl: deps.config.publicUrl,
      logger: deps.logger,
      ports: idpPorts(deps.sequelize, deps.config.publicUrl),
      trustProxy: deps.config.trustProxy ?? null,
    }),
  );

  app.route(
    '/api',
    createApi({
      sequelize: deps.sequelize,
      publicUrl: deps.config.publicUrl,
      issuer: deps.provider.issuer,
      logger: deps.logger,
      production: deps.config.production,
      dataDir: deps.config.dataDir,
      secrets: deps.config.secrets,
      writeLimitPerMinute: deps.config.apiWriteLimitPerMinute,
      sessionLifetimes: deps.config.sessionLifetimes,
      payments,
      partnerSecrets: deps.partnerSecrets,
      trustProxy: deps.config.trustProxy ?? null,
      accountSecurity: (accountId) => readAccountSecurityStatus(deps.sequelize, accountId),
    }),
  );

  // Bundles, loaded cross-origin by partner pages: hashed files immutable, compressed (sdk-files.ts).
  app.get('/sdk/*', sdkFiles({ root: paths.sdk, production: deps.config.production }));

  const pageHeaders = { 'Content-Security-Policy': widgetHostCsp(origin, origin), 'Cache-Control': 'no-cache' };
  app.get('/', standalonePage({ pageRoot: paths.standalone, sdkRoot: paths.sdk, headers: pageHeaders }));
  app.get('/static/*', (c) => sendStatic(c, paths.standalone, c.req.path.slice('/static/'.length), { 'Cache-Control': 'no-cache' }));

  // The built-in demo payment provider's hosted page (on the insurer's origin, like a real provider's).
  app.route('/pay/demo', payments.page);

  if (deps.devMailSink && !deps.config.production) app.route('/dev/mail', devMailRoutes(deps.devMailSink));

  app.notFound((c) => problemResponse(c, new ProblemError(404, 'not_found', 'Not found').toProblem()));
  app.onError((error, c) => errorResponse(error, c, deps.logger));
  return app;
}
