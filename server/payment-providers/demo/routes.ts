import { readFileSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { silentLogger, type Logger } from '../../../common/http/logger.ts';
import { problemResponse } from '../../../common/http/problem.ts';
import type { DemoCheckout } from './checkouts.ts';
import type { DemoPaymentProvider, SignedWebhook } from './demo-provider.ts';
import type { Language } from '../../../common/language.ts';
import { renderCheckoutPage, renderClosedPage, renderNotFoundPage } from './page.ts';
import { contentSecurityPolicy } from '../../../common/http/csp.ts';

/**
 * The demo provider's hosted payment page, to be mounted at `/pay/demo` on the insurer's
 * origin: `GET /:reference` shows the checkout; `POST /:reference` takes the customer's choice
 * (a test card, or Cancel), completes the checkout once, sends the signed webhook to the
 * portal (`deliverWebhook`: in process, standing in for the provider's server-to-server call)
 * and sends the browser back with a 303. The logic is in ./demo-provider.ts and ./page.ts.
 *
 * Every page: `no-store`, no framing, and a CSP without any script; `form-action` names the
 * return origins because browsers apply it to the redirect after the POST as well. The referrer
 * policy is `same-origin`: the URL (the checkout's only key) never leaves the origin, while the
 * form's own POST still carries its `Origin` (under `no-referrer` browsers send `Origin: null`).
 */
export interface DemoPaymentPageDeps {
  provider: DemoPaymentProvider;
  /** Hands the webhook to the portal's handler (e.g. `(raw, headers) => handleWebhook(ctx, raw, headers)`). */
  deliverWebhook: (rawBody: string, headers: Record<string, string>) => Promise<unknown>;
  /** The insurer's public origin: the page's form must be posted from it. */
  publicOrigin: string;
  logger?: Logger;
}

const CSS = readFileSync(new URL('./assets/demo-pay.css', import.meta.url));

const langOf = (c: Context): Language => (c.req.query('lang') === 'en' ? 'en' : 'hu');

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function pageHeaders(checkout: DemoCheckout | null): Record<string, string> {
  const targets = checkout ? [...new Set([originOf(checkout.returnUrl), originOf(checkout.cancelUrl)].filter((o): o is string => o !== null))] : [];
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'X-Robots-Tag': 'noindex, nofollow',
    'Content-Security-Policy': contentSecurityPolicy({ 'style-src': ["'self'"], 'img-src': ["'self'"], 'form-action': ["'self'", ...targets] }),
  };
}

const field = (body: Record<string, unknown>, name: string): string | undefined => {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
};

export function demoPaymentPageRoutes(deps: DemoPaymentPageDeps): Hono {
  const { provider } = deps;
  const logger = deps.logger ?? silentLogger;
  const publicOrigin = new URL(deps.publicOrigin).origin;
  const app = new Hono();

  const page = (c: Context, html: string, status: ContentfulStatusCode, checkout: DemoCheckout | null) => c.body(html, status, pageHeaders(checkout));

  app.get('/assets/demo-pay.css', (c) =>
    c.body(new Uint8Array(CSS), 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );

  app.get('/:reference', async (c) => {
    const lang = langOf(c);
    const checkout = await provider.getCheckout(c.req.param('reference'));
    if (!checkout) return page(c, renderNotFoundPage(lang), 404, null);
    if (checkout.status !== 'open' || provider.isExpired(checkout)) {
      return page(c, renderClosedPage(lang, checkout, checkout.status === 'open'), 200, checkout);
    }
    return page(c, renderCheckoutPage({ lang, checkout, now: new Date() }), 200, checkout);
  });

  app.post('/:reference', async (c) => {
    // Only our own page posts here: a cross-site form must not pay or cancel someone's checkout.
    if (c.req.header('origin') !== publicOrigin) {
      return problemResponse(c, { type: 'about:blank#cross_origin_form', title: 'Form posted from another origin', status: 403, code: 'cross_origin_form' });
    }
    const lang = langOf(c);
    const reference = c.req.param('reference');
    const body = await c.req.parseBody();
    const submission = { action: field(body, 'action'), cardNumber: field(body, 'card_number'), expiry: field(body, 'expiry'), cvc: field(body, 'cvc') };
    const result = await provider.submit(reference, submission);
    switch (result.kind) {
      case 'not_found':
        return page(c, renderNotFoundPage(lang), 404, null);
      case 'closed':
        return page(c, renderClosedPage(lang, result.checkout, result.checkout.status === 'open'), 409, result.checkout);
      case 'invalid':
        // The card number is never echoed back (it may be a real one typed by mistake).
        return page(
          c,
          renderCheckoutPage({ lang, checkout: result.checkout, errors: result.errors, values: { expiry: submission.expiry }, now: new Date() }),
          422,
          result.checkout,
        );
      case 'completed':
        // Not the reference: it is the page URL's only key (a bearer secret), logs keep the payment id.
        logger.info('demo_pay.completed', { status: result.status, paymentId: result.checkout.paymentId });
        await send(result.webhook, result.checkout.paymentId);
        return c.redirect(result.redirectUrl, 303);
    }
  });

  async function send(webhook: SignedWebhook, paymentId: string): Promise<void> {
    try {
      await deps.deliverWebhook(webhook.rawBody, webhook.headers);
    } catch (error) {
      // The portal did not take it: like a real provider, the event stays available for redelivery.
      logger.warn('demo_pay.webhook_failed', { paymentId, error });
    }
  }

  return app;
}
