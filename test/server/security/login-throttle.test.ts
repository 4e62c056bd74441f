import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app/create-app.ts';
import { silentLogger } from '../../../common/http/logger.ts';
import { generateIdpKeys } from '../../../idp/keys.ts';
import { createProvider } from '../../../idp/provider.ts';
import { seedDemoData } from '../../../server/seed/index.ts';
import { AUTHORIZATION_ADDRESS_RULE } from '../../../idp/authorization-throttle.ts';
import { LOGIN_START_ADDRESS_RULE } from '../../../server/api/session/login-throttle.ts';
import { useTestDatabase } from '../../support/database.ts';
import { closeServerNow } from '../../support/close-server.ts';
import { testPartnerSecrets } from '../../support/partner-secrets.ts';

/**
 * Issue 15, finding 7: the two requests that store rows before anyone logs in are limited per
 * client address (behind TRUST_PROXY, the forwarded one): `POST /api/session/login` answers 429
 * problem+json, `/oidc/auth` a 429 page. Another address is not affected.
 */
const db = useTestDatabase();
let server: ServerType;
let origin: string;

beforeAll(async () => {
  let app: ReturnType<typeof createApp> | undefined;
  server = serve({ fetch: (request, env) => app!.fetch(request, env), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const publicUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  origin = publicUrl.origin;
  await seedDemoData(db.sequelize, testPartnerSecrets, {
    customers: 2,
    claims: 0,
    mailboxShare: 0,
    portalOrigin: origin,
    brokerDemoOrigin: 'http://127.0.0.1:3001',
  });
  const provider = createProvider({
    issuer: `${origin}/oidc`,
    sequelize: db.sequelize,
    keys: await generateIdpKeys(),
    partnerSecrets: testPartnerSecrets,
    production: false,
    trustProxy: { hops: 1 },
  });
  app = createApp({
    config: {
      publicUrl,
      production: false,
      trustProxy: { hops: 1 },
      secrets: { oidcJwks: null, oidcCookieKeys: null, sessionKeys: randomBytes(32).toString('base64url'), paymentWebhookSecret: null },
    },
    sequelize: db.sequelize,
    provider,
    partnerSecrets: testPartnerSecrets,
    logger: silentLogger,
  });
}, 120_000);
afterAll(() => (server ? closeServerNow(server) : undefined));

const loginStates = async () =>
  Number((await db.sequelize.query<{ n: string }>('select count(*) as n from bff_login_states', { type: QueryTypes.SELECT }))[0]!.n);

const startLogin = (address: string, body: unknown) =>
  fetch(`${origin}/api/session/login`, {
    method: 'POST',
    headers: { origin, 'x-gp-request': '1', 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });

const authorize = (address: string) =>
  fetch(`${origin}/oidc/auth?client_id=no-such-client&response_type=code&scope=openid`, { headers: { 'x-forwarded-for': address }, redirect: 'manual' });

describe('POST /api/session/login, per client address', () => {
  it(`answers 429 rate_limited past ${LOGIN_START_ADDRESS_RULE.limit} starts in ten minutes, storing nothing; another address still logs in`, async () => {
    const flood = '203.0.113.7';
    for (let i = 0; i < LOGIN_START_ADDRESS_RULE.limit; i++) {
      const response = await startLogin(flood, { mode: 'popup' });
      expect(response.status).toBe(400);
    }
    const before = await loginStates();
    const refused = await startLogin(flood, { clientId: 'portal', mode: 'popup' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { code: string }).code).toBe('rate_limited');
    expect(await loginStates()).toBe(before);

    const other = await startLogin('203.0.113.8', { clientId: 'portal', mode: 'popup' });
    expect(other.status).toBe(200);
    expect(await loginStates()).toBe(before + 1);
  }, 60_000);
});

describe('/oidc/auth, per client address', () => {
  it(`answers a 429 page past ${AUTHORIZATION_ADDRESS_RULE.limit} requests in ten minutes; another address is served`, async () => {
    const flood = '198.51.100.23';
    for (let i = 0; i < AUTHORIZATION_ADDRESS_RULE.limit; i++) {
      const response = await authorize(flood);
      expect(response.status).toBe(400);
      await response.arrayBuffer();
    }
    const refused = await authorize(flood);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('text/html');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(refused.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[^']+'/);
    const html = await refused.text();
    expect(html).toContain('<html lang="hu">');
    expect(html).toContain('Túl sok próbálkozás');
    expect(html).toContain('data-code="too_many_attempts"');

    const other = await authorize('198.51.100.24');
    expect(other.status).toBe(400);
  }, 120_000);
});
