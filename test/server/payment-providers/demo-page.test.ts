import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../common/http/logger.ts';
import { DemoPaymentProvider, type SignedWebhook } from '../../../server/payment-providers/demo/demo-provider.ts';
import { demoPaymentPageRoutes } from '../../../server/payment-providers/demo/routes.ts';
import { useTestDatabase } from '../../support/database.ts';
import { CANCEL, DECLINED_CARD, GOOD_CARD, SECRET, pathOf, postForm, publicUrl } from '../domain/payments/support.ts';

/**
 * The demo provider's hosted page on its own (a migrated database, no seed): what it shows, its
 * headers, and what each button does. The portal side is stood in for by a webhook recorder.
 */
const db = useTestDatabase();
let provider: DemoPaymentProvider;
let app: Hono;
const received: SignedWebhook[] = [];
const logLines: string[] = [];
let failDelivery = false;

const RETURN = 'https://broker.example/fizetes/kesz';
const CANCEL_URL = 'https://broker.example/fizetes/megszakitva';

beforeAll(() => {
  provider = new DemoPaymentProvider({ secret: SECRET, sequelize: db.sequelize, publicUrl });
  app = new Hono();
  app.route(
    '/pay/demo',
    demoPaymentPageRoutes({
      provider,
      publicOrigin: publicUrl.origin,
      logger: createLogger('debug', (line) => logLines.push(line)),
      deliverWebhook: async (rawBody, headers) => {
        received.push({ rawBody, headers });
        if (failDelivery) throw new Error('portal down');
      },
    }),
  );
});

async function checkout(options: { amountHuf?: number; expiresInMs?: number; language?: 'hu' | 'en' } = {}) {
  return provider.createCheckout({
    paymentId: randomUUID(),
    amountHuf: options.amountHuf ?? 62_700,
    description: 'Biztosítási díj: DB-10000012, DB-10000013',
    returnUrl: RETURN,
    cancelUrl: CANCEL_URL,
    expiresAt: new Date(Date.now() + (options.expiresInMs ?? 30 * 60_000)),
    ...(options.language ? { language: options.language } : {}),
  });
}

describe('the hosted payment page', () => {
  it('shows the amount, the payee, the test cards and a cancel button, in Hungarian by default', async () => {
    const { redirectUrl, providerReference } = await checkout();
    expect(redirectUrl).toBe(`${publicUrl.origin}/pay/demo/${providerReference}`);
    const response = await app.request(pathOf(redirectUrl));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="hu">');
    expect(html).toContain('Bankkártyás fizetés');
    expect(html).toContain('Gránit Pont Biztosító Zrt.');
    expect(html).toContain('62\u00a0700\u00a0Ft');
    expect(html).toContain('DB-10000012, DB-10000013');
    expect(html).toContain('4242 4242 4242 4242');
    expect(html).toContain('4000 0000 0000 0002');
    expect(html).toMatch(/<button type="submit" class="secondary" name="action" value="cancel">Mégsem/);
    expect(html).toContain('<label for="card-number">Kártyaszám</label>');
    expect(html).toContain('autocomplete="off"');
    expect(html).toContain('href="assets/demo-pay.css"');
    expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
  });

  it('speaks English with ?lang=en, and links to the other language', async () => {
    const { redirectUrl, providerReference } = await checkout({ language: 'en' });
    expect(redirectUrl).toMatch(/\?lang=en$/);
    const html = await (await app.request(pathOf(redirectUrl))).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Card payment');
    expect(html).toContain('Payee');
    expect(html).toContain(`action="${providerReference}?lang=en"`);
    expect(html).toContain(`href="${providerReference}?lang=hu"`);
  });

  it('is never cached or framed, runs no script, and lets the form go back only to the return origins', async () => {
    const { redirectUrl } = await checkout();
    const response = await app.request(pathOf(redirectUrl));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain(`default-src 'none'`);
    expect(csp).toContain(`style-src 'self'`);
    expect(csp).toContain(`form-action 'self' https://broker.example`);
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(csp).not.toContain('script-src');
    const css = await app.request('/pay/demo/assets/demo-pay.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('.test-banner');
  });

  it('answers an unknown or malformed checkout with a 404 page', async () => {
    for (const path of ['/pay/demo/DEMO-AAAAAAAAAAAAAAAAAAAAAAAAAA', '/pay/demo/whatever']) {
      const response = await app.request(path);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('A fizetés nem található');
    }
  });

  it('pays with the success card once: 303 to the return URL, one signed webhook, then the page is closed', async () => {
    const { redirectUrl, providerReference } = await checkout();
    const before = received.length;
    const response = await postForm(app, pathOf(redirectUrl), GOOD_CARD);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(RETURN);
    expect(received.length).toBe(before + 1);
    const webhook = received.at(-1)!;
    const event = await provider.verifyWebhook(webhook.rawBody, webhook.headers);
    expect(event).toMatchObject({ type: 'payment.succeeded', providerReference, amountHuf: 62_700 });

    // A second submission (back button, double click) charges nothing and sends nothing.
    const again = await postForm(app, pathOf(redirectUrl), GOOD_CARD);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Ez a fizetés már lezárult');
    expect(received.length).toBe(before + 1);
    const page = await (await app.request(pathOf(redirectUrl))).text();
    expect(page).toContain('A fizetés sikeresen megtörtént.');
    expect(page).toContain(`href="${RETURN}"`);
    expect(page).not.toContain('<form');

    // The provider can deliver the same event again later: same event id, fresh signature.
    const redelivered = (await provider.webhookFor(providerReference))!;
    expect((await provider.verifyWebhook(redelivered.rawBody, redelivered.headers)).id).toBe(event.id);
    const late = (await provider.webhookFor(providerReference, { at: new Date(Date.now() - 10 * 60_000) }))!;
    await expect(provider.verifyWebhook(late.rawBody, late.headers)).rejects.toMatchObject({ reason: 'stale_timestamp' });
  });

  it('declines with the decline card and cancels with Cancel', async () => {
    const declined = await checkout();
    const response = await postForm(app, pathOf(declined.redirectUrl), DECLINED_CARD);
    expect(response.headers.get('location')).toBe(RETURN);
    expect(JSON.parse(received.at(-1)!.rawBody).type).toBe('payment.declined');

    const cancelled = await checkout();
    const back = await postForm(app, pathOf(cancelled.redirectUrl), CANCEL);
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(CANCEL_URL);
    expect(JSON.parse(received.at(-1)!.rawBody)).toMatchObject({ type: 'payment.cancelled', data: { reference: cancelled.providerReference } });
  });

  it('refuses anything but a test card, explains why accessibly, and never echoes or logs the number', async () => {
    const { redirectUrl } = await checkout();
    const before = received.length;
    const response = await postForm(app, pathOf(redirectUrl), { card_number: '4111 1111 1111 1111', expiry: '1/2', cvc: '1', action: 'pay' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Ez nem tesztkártya');
    expect(html).toContain('class="error-summary" role="alert"');
    expect(html).toContain('<a href="#card-number">');
    expect(html).toMatch(/id="card-number"[^>]*aria-describedby="card-number-hint card-number-error"[^>]*aria-invalid="true"[^>]*autofocus/);
    expect(html).toContain('id="card-expiry-error"');
    expect(html).not.toContain('4111');
    expect(received.length).toBe(before);
    // The checkout is still open; the same page takes a test card afterwards.
    expect((await postForm(app, pathOf(redirectUrl), GOOD_CARD)).status).toBe(303);
    const logged = logLines.join('\n');
    for (const number of ['4111 1111 1111 1111', '4111111111111111', '4242 4242 4242 4242', '4242424242424242']) expect(logged).not.toContain(number);
    expect(logLines.some((l) => l.includes('demo_pay.completed'))).toBe(true);
  });

  it('refuses a form posted from another origin (or none)', async () => {
    const { redirectUrl, providerReference } = await checkout();
    expect((await postForm(app, pathOf(redirectUrl), GOOD_CARD, 'https://evil.example')).status).toBe(403);
    expect((await postForm(app, pathOf(redirectUrl), GOOD_CARD, null)).status).toBe(403);
    expect((await provider.getCheckout(providerReference))!.status).toBe('open');
  });

  it('an expired checkout cannot be paid', async () => {
    const { redirectUrl, providerReference } = await checkout({ expiresInMs: -1000 });
    const page = await app.request(pathOf(redirectUrl));
    expect(await page.text()).toContain('A fizetési munkamenet lejárt');
    const response = await postForm(app, pathOf(redirectUrl), GOOD_CARD);
    expect(response.status).toBe(409);
    expect((await provider.getCheckout(providerReference))!.status).toBe('open');
  });

  it('still sends the browser back when the portal is down; the webhook can be delivered again', async () => {
    const paymentId = randomUUID();
    const { redirectUrl, providerReference } = await provider.createCheckout({
      paymentId,
      amountHuf: 62_700,
      description: 'Biztosítási díj: DB-10000012',
      returnUrl: RETURN,
      cancelUrl: CANCEL_URL,
      expiresAt: new Date(Date.now() + 30 * 60_000),
    });
    failDelivery = true;
    try {
      const response = await postForm(app, pathOf(redirectUrl), GOOD_CARD);
      expect(response.status).toBe(303);
    } finally {
      failDelivery = false;
    }
    expect(logLines.some((l) => l.includes('demo_pay.webhook_failed') && l.includes(paymentId))).toBe(true);
    expect(logLines.some((l) => l.includes('demo_pay.completed') && l.includes(paymentId))).toBe(true);
    // The reference is the page URL's only key: no log line carries it.
    expect(logLines.filter((l) => l.includes(providerReference))).toEqual([]);
    expect(await provider.webhookFor(providerReference)).not.toBeNull();
  });

  it('refuses a short secret', () => {
    expect(() => new DemoPaymentProvider({ secret: 'short', sequelize: db.sequelize, publicUrl })).toThrow(/at least 32/);
  });
});
