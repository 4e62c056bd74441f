import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { useTestDatabase } from '../../support/database.ts';
import { closeServerNow } from '../../support/close-server.ts';
import { createApp } from '../../../server/app/create-app.ts';
import { silentLogger } from '../../../common/http/logger.ts';
import { clientAddressOf, type TrustProxy } from '../../../common/http/trust-proxy.ts';
import { generateIdpKeys } from '../../../idp/keys.ts';
import { createProvider } from '../../../idp/provider.ts';
import { SELF_SERVICE_RULES } from '../../../idp/self-service/throttle-rules.ts';
import { testPartnerSecrets } from '../../support/partner-secrets.ts';

/**
 * TRUST_PROXY over real sockets (the peer is always 127.0.0.1 here): who the client is for
 * the throttles, and which protocol the IdP advertises, with a spoofed `X-Forwarded-*` and
 * without TRUST_PROXY, with a hop count, and with CIDR ranges that do or don't hold the peer.
 */
const db = useTestDatabase();

describe('clientAddressOf', () => {
  let server: Server;
  let port: number;
  let trust: TrustProxy | null = null;
  beforeAll(async () => {
    server = createServer((request, response) => response.end(clientAddressOf(request, trust)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => closeServerNow(server));

  const addressSeen = async (forwardedFor?: string) => {
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
    return response.text();
  };

  it('without TRUST_PROXY is the socket peer, whatever X-Forwarded-For says', async () => {
    trust = null;
    expect(await addressSeen()).toBe('127.0.0.1');
    expect(await addressSeen('203.0.113.9')).toBe('127.0.0.1');
    expect(await addressSeen('198.51.100.1, 203.0.113.9')).toBe('127.0.0.1');
  });

  it('with a hop count takes the entry that many proxies in from the right', async () => {
    trust = { hops: 1 };
    expect(await addressSeen('198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(await addressSeen()).toBe('127.0.0.1');
    trust = { hops: 2 };
    expect(await addressSeen('198.51.100.1, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
  });

  it('with CIDR ranges skips trusted proxies from the right and stops at the first other address', async () => {
    trust = { cidrs: ['127.0.0.0/8'] };
    expect(await addressSeen('198.51.100.1, 10.0.0.2')).toBe('10.0.0.2');
    trust = { cidrs: ['loopback', '10.0.0.0/8'] };
    expect(await addressSeen('198.51.100.1, 10.0.0.2')).toBe('198.51.100.1');
    // The peer itself is no trusted proxy: its header is the client's own word.
    trust = { cidrs: ['10.0.0.0/8'] };
    expect(await addressSeen('198.51.100.1, 10.0.0.2')).toBe('127.0.0.1');
  });
});

describe('the product behind (or not behind) a proxy', () => {
  let server: ServerType | undefined;
  afterEach(async () => {
    if (server) await closeServerNow(server);
    server = undefined;
  });

  /** The whole app as production wires the IdP (provider.proxy used to follow NODE_ENV alone). */
  async function start(trustProxy: TrustProxy | null): Promise<string> {
    let app: ReturnType<typeof createApp> | undefined;
    server = serve({ fetch: (request, env) => app!.fetch(request, env), port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server!.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const publicUrl = new URL(base);
    const provider = createProvider({
      issuer: `${publicUrl.origin}/oidc`,
      sequelize: db.sequelize,
      keys: await generateIdpKeys(),
      partnerSecrets: testPartnerSecrets,
      production: true,
      trustProxy,
    });
    app = createApp({
      config: { publicUrl, production: false, trustProxy },
      sequelize: db.sequelize,
      provider,
      partnerSecrets: testPartnerSecrets,
      logger: silentLogger,
    });
    return base;
  }

  const advertised = async (base: string) => {
    const response = await fetch(`${base}/oidc/.well-known/openid-configuration`, {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' },
    });
    return new URL(((await response.json()) as { authorization_endpoint: string }).authorization_endpoint);
  };

  it("the IdP's endpoints follow X-Forwarded-Proto only from a trusted proxy", async () => {
    const plain = await start(null);
    const spoofed = await advertised(plain);
    expect(spoofed.protocol).toBe('http:');
    expect(spoofed.host).toBe(new URL(plain).host);
    await closeServerNow(server!);

    const proxied = await start({ hops: 1 });
    expect((await advertised(proxied)).protocol).toBe('https:');
    await closeServerNow(server!);

    expect((await advertised(await start({ cidrs: ['127.0.0.1/32'] }))).protocol).toBe('https:');
    await closeServerNow(server!);

    expect((await advertised(await start({ cidrs: ['10.0.0.0/8'] }))).protocol).toBe('http:');
  });

  /** Posts the forgotten-password form as many times as its per-address limit allows, plus one. */
  async function exhaustPerAddressLimit(base: string, forwardedFor: (i: number) => string): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i <= SELF_SERVICE_RULES.emailLinkIp.limit; i++) {
      const response = await fetch(`${base}/account/forgot-password`, {
        method: 'POST',
        headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor(i) },
        // A new, unknown address each time: only the per-address limit can refuse.
        body: new URLSearchParams({ email: `nobody-${Date.now()}-${i}@example.com` }).toString(),
      });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    return statuses;
  }

  it('a client rotating X-Forwarded-For does not escape the per-address throttle without TRUST_PROXY', async () => {
    const base = await start(null);
    const statuses = await exhaustPerAddressLimit(base, (i) => `198.51.100.${i + 1}`);
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('behind one trusted proxy the throttle counts the address the proxy appended, not what the client wrote before it', async () => {
    const base = await start({ hops: 1 });
    // The client forges the first entry; the proxy's entry (the last) stays the same.
    const statuses = await exhaustPerAddressLimit(base, (i) => `198.51.100.${i + 1}, 203.0.113.77`);
    expect(statuses.at(-1)).toBe(429);
    // Another client behind the same proxy is counted on its own.
    const other = await exhaustPerAddressLimit(base, () => '203.0.113.78');
    expect(other.slice(0, -1).every((s) => s === 200)).toBe(true);
  });
});
