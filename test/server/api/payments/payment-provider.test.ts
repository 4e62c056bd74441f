import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sequelize } from 'sequelize';
import { afterAll, describe, expect, it } from 'vitest';
import { createPaymentProvider, paymentWebhookSecret } from '../../../../server/api/payments/payment-provider.ts';
import { signatureHeader, SIGNATURE_HEADER } from '../../../../server/payment-providers/demo/signature.ts';

/** Where the webhook secret comes from: PAYMENT_WEBHOOK_SECRET, the data directory, or this process. */
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const sequelize = {} as Sequelize;
const publicUrl = new URL('http://localhost:3000');
const SECRET = 'whsec_from_env_0123456789abcdef0123456789';

describe('createPaymentProvider', () => {
  it('signs with PAYMENT_WEBHOOK_SECRET when set', async () => {
    const provider = createPaymentProvider({ sequelize, publicUrl, production: true, configured: SECRET });
    const body = JSON.stringify(
      provider.eventPayload({ reference: 'DEMO-X', paymentId: '00000000-0000-4000-8000-000000000000', amountHuf: 100 }, 'payment.succeeded'),
    );
    const event = await provider.verifyWebhook(body, { [SIGNATURE_HEADER]: signatureHeader(SECRET, body, new Date()) });
    expect(event.amountHuf).toBe(100);
  });

  it('refuses to boot in production without a secret, or with a short one', () => {
    expect(() => createPaymentProvider({ sequelize, publicUrl, production: true })).toThrow(/PAYMENT_WEBHOOK_SECRET is required in production/);
    expect(() => createPaymentProvider({ sequelize, publicUrl, production: false, configured: 'short' })).toThrow(/at least 32 characters/);
  });

  it('in development generates the secret once into <dataDir>/keys/payment-webhook-secret', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gp-pay-'));
    dirs.push(dataDir);
    const first = paymentWebhookSecret({ production: false, dataDir });
    const file = join(dataDir, 'keys', 'payment-webhook-secret');
    expect((await readFile(file, 'utf8')).trim()).toBe(first);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(Buffer.from(first, 'base64url')).toHaveLength(32);
    expect(paymentWebhookSecret({ production: false, dataDir })).toBe(first);
  });

  it('without a data directory uses one random secret for the process', () => {
    const a = paymentWebhookSecret({ production: false });
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(paymentWebhookSecret({ production: false })).toBe(a);
  });
});
