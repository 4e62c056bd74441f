import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../support/database.ts';
import { api, Browser, BROKER_ORIGIN, loginSession, PERSON, sessionHeaders, startPortal, type RunningPortal } from '../api/session/harness.ts';
import { createApp } from '../../../server/app/create-app.ts';
import { createBrokerSite } from '../../../server/broker-demo/create-broker-site.ts';
import { silentLogger } from '../../../common/http/logger.ts';
import { generateIdpKeys } from '../../../idp/keys.ts';
import { createProvider } from '../../../idp/provider.ts';
import { addPartnerClient } from '../../../common/partners/partner-clients.ts';
import { closeServerNow } from '../../support/close-server.ts';
import { testPartnerSecrets } from '../../support/partner-secrets.ts';

/**
 * The security headers and cookies of every KIND of response the product sends, over the real
 * product on loopback: one table (what to fetch → which rules hold), then the cookies, then HSTS
 * on an https PUBLIC_URL (and its absence on http).
 */
const db = useTestDatabase();
let portal: RunningPortal;

interface Captured {
  status: number;
  headers: Headers;
  body: string;
}

/** Records every response it sees (a clone, so the harness can still read the body). */
class RecordingBrowser extends Browser {
  readonly seen: Array<{ url: string; response: Response }> = [];
  override async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const response = await super.request(url, init);
    this.seen.push({ url: String(url), response: response.clone() });
    return response;
  }
}

async function capture(response: Response): Promise<Captured> {
  return { status: response.status, headers: response.headers, body: await response.text() };
}

const get = async (path: string, headers: Record<string, string> = {}) => capture(await fetch(new URL(path, portal.origin), { headers, redirect: 'manual' }));

type Csp = 'nonce' | 'static' | 'no-script';
interface Rules {
  /** Content-Type must match. */
  type: RegExp;
  status?: number;
  /** `nonce`: script-src by a per-response nonce; `static`: scripts only from listed origins, none inline; `no-script`: no script at all. */
  csp?: Csp;
  referrer: 'same-origin' | 'strict-origin-when-cross-origin' | 'no-referrer';
  noStore: boolean;
}

const IDP_PAGE: Rules = { type: /^text\/html/, csp: 'nonce', referrer: 'same-origin', noStore: true };
const API_JSON: Rules = { type: /^application\/json/, status: 200, referrer: 'strict-origin-when-cross-origin', noStore: true };

/** Everything fetched in beforeAll, by name, plus a second fetch of the nonce pages. */
const responses = new Map<string, Captured>();
const again = new Map<string, Captured>();
let sessionCreated: Response;
let sessionCleared: Response;
const idpCookieLines: string[] = [];

const customerId = async (customerNumber: string) =>
  Number(
    (
      await db.sequelize.query<{ id: number }>('select id from customers where customer_number = :n', {
        replacements: { n: customerNumber },
        type: QueryTypes.SELECT,
      })
    )[0]!.id,
  );

beforeAll(async () => {
  portal = await startPortal(db.sequelize);

  // Two logins through the real IdP pages: the insurer's own page, and the broker's (asks for consent).
  const own = new RecordingBrowser(portal.origin);
  const session = await loginSession(portal, { origin: portal.origin, clientId: 'portal', browser: own });
  sessionCreated = session.response;
  const broker = new RecordingBrowser(portal.origin);
  const brokerSession = await loginSession(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', browser: broker });
  const seen = [...own.seen, ...broker.seen];
  for (const { response } of seen) idpCookieLines.push(...response.headers.getSetCookie());
  const pages = await Promise.all(seen.map(async ({ url, response }) => ({ url, captured: await capture(response) })));
  const interactionPage = (kind: string) =>
    pages.filter((p) => /\/interaction\/[^/]+$/.test(new URL(p.url, portal.origin).pathname) && p.captured.status === 200 && p.captured.body.includes(kind));
  const logins = interactionPage('/login"');
  const consents = interactionPage('/confirm"');
  const callbacks = pages.filter((p) => p.url.startsWith(portal.callbackUrl));
  expect(logins.length).toBeGreaterThanOrEqual(2);
  expect(consents.length).toBeGreaterThanOrEqual(1);
  expect(callbacks.length).toBe(2);
  responses.set('IdP login page', logins[0]!.captured);
  again.set('IdP login page', logins[1]!.captured);
  responses.set('IdP consent page', consents[0]!.captured);
  responses.set('popup callback page', callbacks[0]!.captured);
  again.set('popup callback page', callbacks[1]!.captured);

  const idpPages: Record<string, string> = {
    'registration, step 1': '/account/register',
    'registration, step 2': `/account/register?next=1&kind=person&customer=${PERSON.customerNumber}`,
    'forgotten password': '/account/forgot-password',
    'reset password (bad link)': '/account/reset-password?token=not-a-token',
    'verify e-mail (bad link)': '/account/verify-email?token=not-a-token',
    'resend verification': '/account/verify-email/resend',
    'confirm e-mail change (bad link)': '/account/confirm-email-change?token=not-a-token',
    'interaction expired page': '/interaction/no-such-interaction',
    'IdP error page (oidc-provider)': '/oidc/auth?client_id=no-such-client&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fx.example%2Fcb',
  };
  for (const [name, path] of Object.entries(idpPages)) {
    responses.set(name, await get(path));
    again.set(name, await get(path));
  }
  responses.set('callback failure page', await get('/api/session/callback?state=unknown'));

  responses.set('standalone page /', await get('/'));
  responses.set('SDK bundle', await get('/sdk/gp-widgets.js', { origin: BROKER_ORIGIN }));

  const asCustomer = async (path: string) => ({
    ...(await sessionHeaders(session.session, 'GET', new URL(path, portal.origin))),
    origin: portal.origin,
    'x-gp-request': '1',
  });
  responses.set('GET /api/policies', await get('/api/policies', await asCustomer('/api/policies')));
  responses.set('GET /api/me', await get('/api/me', await asCustomer('/api/me')));
  responses.set('GET /api/documents', await get('/api/documents', await asCustomer('/api/documents')));
  const personId = await customerId(PERSON.customerNumber);
  const [doc] = await db.sequelize.query<{ id: string }>('select id from documents where customer_id = :id order by issued_at desc limit 1', {
    replacements: { id: personId },
    type: QueryTypes.SELECT,
  });
  responses.set('PDF document', await get(`/api/documents/${doc!.id}/content`, await asCustomer(`/api/documents/${doc!.id}/content`)));

  const invoices = await db.sequelize.query<{ id: number }>(`select id from invoices where customer_id = :id and status = 'open' order by id limit 1`, {
    replacements: { id: personId },
    type: QueryTypes.SELECT,
  });
  const started = await api(portal, '/api/payments', {
    origin: portal.origin,
    session: session.session,
    body: { invoiceIds: [Number(invoices[0]!.id)], returnUrl: `${portal.origin}/?fizetes=kesz`, cancelUrl: `${portal.origin}/?fizetes=megszakitva` },
    headers: { 'Idempotency-Key': `headers-audit-${randomBytes(6).toString('hex')}` },
  });
  expect(started.response.status).toBe(201);
  responses.set('demo payment page', await get(new URL(started.json.redirectUrl).pathname));

  const brokerSite = createBrokerSite({ portalUrl: portal.publicUrl, clientId: 'biztos-pont' });
  responses.set('broker demo site', await capture(await brokerSite.request('http://127.0.0.1:3001/')));

  sessionCleared = (await api(portal, '/api/session', { method: 'DELETE', origin: BROKER_ORIGIN, session: brokerSession.session })).response;
}, 180_000);
afterAll(() => portal?.close());

const TABLE: Array<[string, Rules]> = [
  ['standalone page /', { type: /^text\/html/, status: 200, csp: 'static', referrer: 'strict-origin-when-cross-origin', noStore: false }],
  ['IdP login page', { ...IDP_PAGE, status: 200 }],
  ['IdP consent page', { ...IDP_PAGE, status: 200 }],
  ['registration, step 1', { ...IDP_PAGE, status: 200 }],
  ['registration, step 2', { ...IDP_PAGE, status: 200 }],
  ['forgotten password', { ...IDP_PAGE, status: 200 }],
  ['reset password (bad link)', IDP_PAGE],
  ['verify e-mail (bad link)', IDP_PAGE],
  ['resend verification', { ...IDP_PAGE, status: 200 }],
  ['confirm e-mail change (bad link)', IDP_PAGE],
  ['interaction expired page', { ...IDP_PAGE, status: 400 }],
  ['IdP error page (oidc-provider)', { ...IDP_PAGE, status: 400 }],
  ['popup callback page', { type: /^text\/html/, status: 200, csp: 'nonce', referrer: 'no-referrer', noStore: true }],
  ['callback failure page', { type: /^text\/html/, status: 400, csp: 'no-script', referrer: 'no-referrer', noStore: true }],
  ['demo payment page', { type: /^text\/html/, status: 200, csp: 'no-script', referrer: 'same-origin', noStore: true }],
  ['GET /api/policies', API_JSON],
  ['GET /api/me', API_JSON],
  ['GET /api/documents', API_JSON],
  ['PDF document', { type: /^application\/pdf$/, status: 200, referrer: 'strict-origin-when-cross-origin', noStore: true }],
  ['SDK bundle', { type: /^text\/javascript/, status: 200, referrer: 'strict-origin-when-cross-origin', noStore: false }],
  ['broker demo site', { type: /^text\/html/, status: 200, csp: 'static', referrer: 'strict-origin-when-cross-origin', noStore: false }],
];

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    map.set(name!.toLowerCase(), values);
  }
  return map;
}

/** Every opening <script …> and <style …> tag of a page. */
const tags = (html: string, tag: 'script' | 'style') => [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>`, 'gi'))].map((m) => m[0]);
const nonceOf = (csp: string) => /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(directives(csp).get('script-src')?.join(' ') ?? '')?.[1];

describe('security headers, by kind of response', () => {
  it.each(TABLE)('%s', (name, rules) => {
    const r = responses.get(name);
    expect(r, `${name} was fetched`).toBeDefined();
    const h = r!.headers;
    if (rules.status !== undefined) expect(r!.status).toBe(rules.status);
    expect(h.get('content-type')).toMatch(rules.type);
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('referrer-policy')).toBe(rules.referrer);
    if (rules.noStore) expect(h.get('cache-control')).toMatch(/(^|,\s*)no-store(,|$)/);
    expect(h.get('strict-transport-security')).toBeNull(); // served over http

    if (!rules.csp) return;
    const csp = h.get('content-security-policy') ?? '';
    const d = directives(csp);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*(?![.\w])/);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('object-src') ?? d.get('default-src')).toEqual(["'none'"]);
    // No inline event handlers or javascript: URLs on any page (a CSP without unsafe-inline would block them anyway).
    expect(r!.body).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    expect(r!.body).not.toMatch(/javascript:/i);
    const scripts = tags(r!.body, 'script');
    const styles = tags(r!.body, 'style');

    if (rules.csp === 'nonce') {
      const nonce = nonceOf(csp);
      expect(nonce, 'script-src carries a nonce').toBeTruthy();
      expect(d.get('script-src')).toEqual([`'nonce-${nonce}'`]);
      expect(Buffer.from(nonce!, 'base64').length).toBeGreaterThanOrEqual(16);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      for (const tag of styles) {
        expect(tag).toContain(`nonce="${nonce}"`);
        expect(d.get('style-src')).toContain(`'nonce-${nonce}'`);
      }
      // Every nonce the page uses is the header's.
      for (const m of r!.body.matchAll(/nonce="([^"]*)"/g)) expect(m[1]).toBe(nonce);
      const second = again.get(name);
      if (second) {
        const other = nonceOf(second.headers.get('content-security-policy') ?? '');
        expect(other).toBeTruthy();
        expect(other).not.toBe(nonce);
      }
    } else if (rules.csp === 'static') {
      expect(d.get('script-src')).toBeDefined();
      expect(d.get('script-src')!.some((s) => s.startsWith("'nonce-"))).toBe(false);
      // Scripts only from files (no inline code), styles only from stylesheets.
      for (const tag of scripts) expect(tag).toMatch(/\ssrc="[^"]+"/);
      expect(styles).toEqual([]);
    } else {
      expect(d.get('script-src') ?? d.get('default-src')).toEqual(["'none'"]);
      expect(scripts).toEqual([]);
    }
  });

  it('covers a second, different response of every nonce page (the nonce changes per response)', () => {
    const nonced = TABLE.filter(([, rules]) => rules.csp === 'nonce').map(([name]) => name);
    expect(nonced.filter((name) => !again.has(name))).toEqual(['IdP consent page']);
  });
});

describe('cookies', () => {
  const parse = (line: string) => {
    const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
    return { name: pair.slice(0, pair.indexOf('=')), attributes: attributes.map((a) => a.toLowerCase()) };
  };

  it('sets no cookie for the API session: POST /api/session answers the handle in a no-store body', () => {
    expect(sessionCreated.status).toBe(200);
    expect(sessionCreated.headers.getSetCookie()).toEqual([]);
    expect(sessionCreated.headers.get('cache-control')).toBe('no-store');
    expect(sessionCreated.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('sets none on DELETE /api/session either', () => {
    expect(sessionCleared.status).toBe(204);
    expect(sessionCleared.headers.getSetCookie()).toEqual([]);
  });

  it("sets the IdP's own cookies HttpOnly with a SameSite attribute and without Domain, and no other", () => {
    const idp = idpCookieLines.map(parse);
    expect(idp.filter((c) => c.name.includes('gp_session'))).toEqual([]);
    const names = new Set(idp.map((c) => c.name));
    expect(names).toContain('_interaction');
    expect(names).toContain('_session');
    for (const cookie of idp) {
      expect(cookie.attributes, cookie.name).toContain('httponly');
      expect(
        cookie.attributes.some((a) => /^samesite=(lax|strict)$/.test(a)),
        `${cookie.name}: ${cookie.attributes.join('; ')}`,
      ).toBe(true);
      expect(
        cookie.attributes.some((a) => a.startsWith('domain=')),
        cookie.name,
      ).toBe(false);
    }
  });
});

describe('over https (PUBLIC_URL https://…)', () => {
  const MIN_HSTS = 180 * 24 * 3600;
  const hstsMaxAge = (value: string | null) => Number(/max-age=(\d+)/.exec(value ?? '')?.[1] ?? NaN);

  it('sends Strict-Transport-Security with a long max-age on an https PUBLIC_URL, and never on http', async () => {
    const make = async (publicUrl: URL) =>
      createApp({
        config: { publicUrl, production: false },
        sequelize: db.sequelize,
        partnerSecrets: testPartnerSecrets,
        provider: createProvider({
          issuer: `${publicUrl.origin}/oidc`,
          sequelize: db.sequelize,
          keys: await generateIdpKeys(),
          partnerSecrets: testPartnerSecrets,
          production: false,
        }),
        logger: silentLogger,
      });
    const https = await make(new URL('https://portal.example'));
    const http = await make(new URL('http://portal.example'));
    for (const path of ['/', '/healthz', '/sdk/gp-widgets.js', '/account/register', '/api/me', '/no/such/page']) {
      const secure = await https.request(`https://portal.example${path}`);
      expect(hstsMaxAge(secure.headers.get('strict-transport-security')), path).toBeGreaterThanOrEqual(MIN_HSTS);
      const plain = await http.request(`http://portal.example${path}`);
      expect(plain.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it("sends HSTS on the IdP's own (oidc-provider) responses too, and marks its cookies Secure behind the TLS proxy", async () => {
    let app: ReturnType<typeof createApp> | undefined;
    const server: ServerType = serve({ fetch: (request, env) => app!.fetch(request, env), port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const publicUrl = new URL(`https://127.0.0.1:${port}`);
      // As in production: TLS ends at the load balancer (TRUST_PROXY=1), which says so in X-Forwarded-Proto.
      const provider = createProvider({
        issuer: `${publicUrl.origin}/oidc`,
        sequelize: db.sequelize,
        keys: await generateIdpKeys(),
        partnerSecrets: testPartnerSecrets,
        production: true,
        trustProxy: { hops: 1 },
      });
      app = createApp({
        config: { publicUrl, production: false, trustProxy: { hops: 1 } },
        sequelize: db.sequelize,
        provider,
        partnerSecrets: testPartnerSecrets,
        logger: silentLogger,
      });
      const client = await addPartnerClient(db.sequelize, testPartnerSecrets, publicUrl, {
        clientId: 'https-audit',
        name: 'HTTPS Audit Kft.',
        origins: ['https://broker.example'],
        brokerCode: 'HTTPSAUD',
        scope: 'broker',
      });

      const jar = new Map<string, string>();
      const lines: string[] = [];
      const hop = async (path: string, init: { form?: Record<string, string> } = {}) => {
        const headers: Record<string, string> = { 'x-forwarded-proto': 'https', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
        if (init.form) {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          headers.origin = publicUrl.origin;
        }
        const url = new URL(path, `http://127.0.0.1:${port}`);
        const response = await fetch(url, {
          method: init.form ? 'POST' : 'GET',
          headers,
          body: init.form ? new URLSearchParams(init.form).toString() : undefined,
          redirect: 'manual',
        });
        for (const line of response.headers.getSetCookie()) {
          lines.push(line);
          const pair = line.split(';')[0]!;
          jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
        }
        await response.arrayBuffer();
        expect(hstsMaxAge(response.headers.get('strict-transport-security')), `${response.status} ${url.pathname}`).toBeGreaterThanOrEqual(MIN_HSTS);
        return response;
      };
      const local = (location: string | null) => {
        const u = new URL(location!, publicUrl);
        return `${u.pathname}${u.search}`;
      };

      await hop('/oidc/.well-known/openid-configuration');
      const verifier = randomBytes(32).toString('base64url');
      const auth = await hop(
        `/oidc/auth?${new URLSearchParams({
          client_id: client.clientId,
          redirect_uri: client.redirectUri,
          response_type: 'code',
          scope: 'openid',
          state: 's',
          nonce: 'n',
          code_challenge: createHash('sha256').update(verifier).digest('base64url'),
          code_challenge_method: 'S256',
        }).toString()}`,
      );
      expect(auth.status).toBe(303);
      const interaction = local(auth.headers.get('location'));
      expect((await hop(interaction)).status).toBe(200);
      const login = await hop(`${interaction}/login`, { form: { email: PERSON.username, password: PERSON.password } });
      expect(login.status).toBe(303);
      const resumed = await hop(local(login.headers.get('location')));
      expect(resumed.status).toBe(303);

      const idp = lines.map((line) => ({
        name: line.split('=')[0]!,
        attributes: line
          .split(';')
          .slice(1)
          .map((a) => a.trim().toLowerCase()),
      }));
      expect(idp.map((c) => c.name)).toEqual(expect.arrayContaining(['_interaction', '_interaction_resume', '_session']));
      for (const cookie of idp) {
        expect(cookie.attributes, cookie.name).toContain('secure');
        expect(cookie.attributes, cookie.name).toContain('httponly');
      }
    } finally {
      await closeServerNow(server);
    }
  });
});
