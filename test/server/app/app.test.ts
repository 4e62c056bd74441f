import { describe, expect, it } from 'vitest';
import { COMPOSED_HANDLER } from 'hono/utils/constants';
import { Sequelize } from 'sequelize';
import { createApp } from '../../../server/app/create-app.ts';
import { silentLogger } from '../../../common/http/logger.ts';
import { generateIdpKeys } from '../../../idp/keys.ts';
import { createProvider } from '../../../idp/provider.ts';
import { useTestDatabase } from '../../support/database.ts';
import { testPartnerSecrets } from '../../support/partner-secrets.ts';

const db = useTestDatabase();
const publicUrl = new URL('http://localhost:3999');

async function app(sequelize: Sequelize = db.sequelize) {
  const provider = createProvider({
    issuer: `${publicUrl.origin}/oidc`,
    sequelize,
    keys: await generateIdpKeys(),
    partnerSecrets: testPartnerSecrets,
    production: false,
  });
  return createApp({ config: { publicUrl, production: false }, sequelize, provider, partnerSecrets: testPartnerSecrets, logger: silentLogger });
}

describe('the one Hono app', () => {
  it('answers /healthz and /readyz', async () => {
    const a = await app();
    const health = await a.request('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await a.request('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
  });

  it('reports not ready with a problem when the database is unreachable', async () => {
    const dead = new Sequelize('postgres://nobody@127.0.0.1:1/none', { logging: false, pool: { max: 1, acquire: 2000 } });
    const response = await (await app(dead)).request('/readyz');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((await response.json()).code).toBe('database_unavailable');
    await dead.close();
  });

  it('answers unknown paths with a problem document and baseline security headers', async () => {
    const response = await (await app()).request('/no/such/thing');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, code: 'not_found' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('serves the standalone portal page at / under a strict CSP', async () => {
    const response = await (await app()).request('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<gp-portal');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('names the built Hungarian pack and the dpop chunk in modulepreload hints on the standalone page, files it serves', async () => {
    const a = await app();
    const html = await (await a.request('/')).text();
    const hints = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]!);
    expect(hints).toHaveLength(2);
    expect(hints[0]).toMatch(/^\/sdk\/i18n\/hu-[\w-]{8}\.js$/);
    expect(hints[1]).toMatch(/^\/sdk\/chunks\/dpop-[\w-]{8}\.js$/);
    expect(html).not.toContain('sdk-preloads');
    // The entry imports exactly these files (a hint for another name would be a second download).
    const entry = await (await a.request('/sdk/gp-widgets.js')).text();
    for (const hint of hints) {
      expect(entry).toContain(`"./${hint.slice('/sdk/'.length)}"`);
      expect((await a.request(hint)).status, hint).toBe(200);
    }
  });

  it('serves the built bundles under /sdk to any origin, and nothing outside them', async () => {
    const a = await app();
    const bundle = await a.request('/sdk/gp-widgets.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('text/javascript');
    expect(bundle.headers.get('access-control-allow-origin')).toBe('*');
    for (const path of ['/sdk/../package.json', '/sdk/%2e%2e/package.json', '/sdk/..%2f..%2fpackage.json', '/sdk/x%00.js']) {
      expect((await a.request(path)).status, path).toBe(404);
    }
  });

  it("mounts the API's routes as they are: its failures are the app's one error handler's, no wrapper per route", async () => {
    const a = await app();
    // Hono marks the handler it wraps around each route of a sub-app that has an error handler of its own.
    const wrapped = a.routes.filter((route) => route.path.startsWith('/api') && COMPOSED_HANDLER in route.handler);
    expect(wrapped.map((route) => `${route.method} ${route.path}`)).toEqual([]);
    expect(a.routes.filter((route) => route.path.startsWith('/api/policies')).length).toBeGreaterThan(0);
    // Still the API's answers: a refused request is its problem document, with the partner's CORS headers.
    const refused = await a.request('/api/policies', { headers: { Origin: 'https://evil.example', 'X-GP-Request': '1' } });
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await refused.json()).code).toMatch(/^[a-z_]+$/);
  });

  it('mounts the OpenID provider under /oidc with prefixed endpoints', async () => {
    const { serve } = await import('@hono/node-server');
    const a = await app();
    // oidc-provider needs the raw Node request, so this goes over a real socket.
    const server = serve({ fetch: a.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    try {
      const response = await fetch(`http://127.0.0.1:${port}/oidc/.well-known/openid-configuration`);
      expect(response.status).toBe(200);
      const discovery = await response.json();
      expect(discovery.issuer).toBe('http://localhost:3999/oidc');
      // Endpoints follow the request's host; what matters is the mount prefix.
      expect(new URL(discovery.authorization_endpoint).pathname).toBe('/oidc/auth');
      expect(new URL(discovery.jwks_uri).pathname).toBe('/oidc/jwks');
      expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
      const jwks = await (await fetch(`http://127.0.0.1:${port}/oidc/jwks`)).json();
      expect(jwks.keys).toHaveLength(1);
      expect(jwks.keys[0]).not.toHaveProperty('d');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the API description', () => {
  it('is an OpenAPI 3.1 document at /api/openapi.json', async () => {
    const response = await (await app()).request('/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes).toHaveProperty('session');
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    for (const path of ['/session/login', '/session', '/policies', '/invoices', '/payments', '/claims', '/documents', '/me', '/operations/documents']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });
});
