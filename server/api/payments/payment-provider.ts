import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sequelize } from 'sequelize';
import { DemoPaymentProvider } from '../../payment-providers/demo/demo-provider.ts';
import { MIN_SECRET_LENGTH } from '../../payment-providers/demo/signature.ts';

/**
 * The payment provider the API works with (the built-in demo provider), and its webhook secret:
 * `PAYMENT_WEBHOOK_SECRET` (at least 32 characters) — required in production, where every
 * process must share it; in development generated once into `<dataDir>/keys/payment-webhook-secret`;
 * without a data directory (tests) a random secret for this process only.
 */
export interface PaymentProviderDeps {
  sequelize: Sequelize;
  publicUrl: URL;
  production: boolean;
  dataDir?: string | undefined;
  /** `PAYMENT_WEBHOOK_SECRET` as configured (server/config), or null. */
  configured?: string | null | undefined;
}

export const WEBHOOK_SECRET_FILE = 'payment-webhook-secret';

let processSecret: string | undefined;

function checked(configured: string | null | undefined): string | null {
  const value = configured?.trim();
  if (!value) return null;
  if (value.length < MIN_SECRET_LENGTH) {
    throw new Error(`PAYMENT_WEBHOOK_SECRET must be at least ${MIN_SECRET_LENGTH} characters of random data (e.g. \`openssl rand -base64 32\`)`);
  }
  return value;
}

/** Synchronous on purpose: it runs once, when the API is built, so a bad setup fails at boot. */
export function paymentWebhookSecret(deps: Pick<PaymentProviderDeps, 'production' | 'dataDir' | 'configured'>): string {
  const configured = checked(deps.configured);
  if (configured) return configured;
  if (deps.production) {
    throw new Error(
      'PAYMENT_WEBHOOK_SECRET is required in production: a random secret of at least 32 characters shared with the payment provider and by every process',
    );
  }
  if (!deps.dataDir) return (processSecret ??= randomBytes(32).toString('base64url'));

  const dir = join(deps.dataDir, 'keys');
  const file = join(dir, WEBHOOK_SECRET_FILE);
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length < MIN_SECRET_LENGTH)
      throw new Error(`${file} does not hold a payment webhook secret (at least ${MIN_SECRET_LENGTH} characters); delete it to generate a new one`);
    return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  return secret;
}

export function createPaymentProvider(deps: PaymentProviderDeps): DemoPaymentProvider {
  return new DemoPaymentProvider({ secret: paymentWebhookSecret(deps), sequelize: deps.sequelize, publicUrl: deps.publicUrl });
}
