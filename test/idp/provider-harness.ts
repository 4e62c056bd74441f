import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll } from 'vitest';
import * as client from 'openid-client';
import { createApp } from '../../server/app/create-app.ts';
import { silentLogger } from '../../common/http/logger.ts';
import { generateIdpKeys } from '../../idp/keys.ts';
import { createProvider } from '../../idp/provider.ts';
import { hashPassword } from '../../common/accounts/password.ts';
import { addPartnerClient } from '../../common/partners/partner-clients.ts';
import { closeServerNow } from '../support/close-server.ts';
import { testPartnerSecrets } from '../support/partner-secrets.ts';
import type { TestDatabase } from '../support/database.ts';

/**
 * The real app (IdP under /oidc, interaction pages, API) on a real loopback socket: oidc-provider
 * needs Node's raw request and response. PUBLIC_URL is the socket's own address, so the issuer
 * the relying party discovers is the one it talks to.
 */
export interface RunningIdp {
  publicUrl: URL;
  issuer: string;
  api: string;
  provider: ReturnType<typeof createProvider>;
  close(): Promise<void>;
}

export async function startIdp(sequelize: Sequelize): Promise<RunningIdp> {
  let app: ReturnType<typeof createApp> | undefined;
  const server: ServerType = serve({ fetch: (request, env) => app!.fetch(request, env), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const publicUrl = new URL(`http://127.0.0.1:${port}`);
  const issuer = `${publicUrl.origin}/oidc`;
  const provider = createProvider({ issuer, sequelize, keys: await generateIdpKeys(), partnerSecrets: testPartnerSecrets, production: false });
  app = createApp({ config: { publicUrl, production: false }, sequelize, provider, partnerSecrets: testPartnerSecrets, logger: silentLogger });
  return {
    publicUrl,
    issuer,
    api: `${publicUrl.origin}/api`,
    provider,
    close: () => closeServerNow(server),
  };
}

export const PASSWORD = 'Teszt-jelszo-2026';

export interface Fixtures {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  verified: { id: string; customerId: number; email: string; name: string; customerNumber: string };
  unverified: { id: string; customerId: number; email: string };
}

let counter = 0;

/**
 * A partner client (through `addPartnerClient`, as the CLI does) and two customers with accounts.
 * `scope: 'all'` makes the client the insurer's own portal (no broker) instead of a broker's.
 */
export async function createFixtures(sequelize: Sequelize, publicUrl: URL, options: { scope?: 'broker' | 'all' } = {}): Promise<Fixtures> {
  counter += 1;
  const tag = `${process.pid % 1000}${counter}`.padStart(5, '0').slice(-5);
  const added = await addPartnerClient(sequelize, testPartnerSecrets, publicUrl, {
    clientId: `teszt-alkusz-${tag}`,
    name: 'Teszt Alkusz Kft.',
    origins: ['https://broker.example'],
    ...(options.scope === 'all' ? { scope: 'all' as const } : { brokerCode: `TESZT${tag}`, scope: 'broker' as const }),
  });
  const hash = await hashPassword(PASSWORD);
  const customer = async (n: number, email: string, name: string, verified: boolean) => {
    const customerNumber = `9${tag}${n}`.padEnd(8, '0').slice(0, 8);
    const [[row]] = (await sequelize.query(
      `insert into customers (customer_number, kind, name, birth_date, postcode, city, address_line, email, language)
       values (:customerNumber, 'person', :name, '1980-01-01', '1134', 'Budapest', 'Gránit köz 1.', :email, 'hu') returning id`,
      { replacements: { customerNumber, name, email } },
    )) as unknown as [[{ id: number }]];
    const [[account]] = (await sequelize.query(
      `insert into accounts (customer_id, username, password_hash, email_verified_at)
       values (:customerId, :email, :hash, ${verified ? 'now()' : 'null'}) returning id`,
      { replacements: { customerId: row.id, email, hash } },
    )) as unknown as [[{ id: string }]];
    return { id: account.id, customerId: row.id, email, name, customerNumber };
  };
  const verified = await customer(1, `anna.${tag}@example.com`, 'Teszt Anna', true);
  const unverified = await customer(2, `bela.${tag}@example.com`, 'Teszt Béla', false);
  return { clientId: added.clientId, clientSecret: added.clientSecret, redirectUri: added.redirectUri, verified, unverified };
}

/** A relying party (the BFF's part) with openid-client: confidential, client_secret_basic. */
export async function relyingParty(idp: Pick<RunningIdp, 'issuer'>, f: Fixtures): Promise<client.Configuration> {
  return client.discovery(new URL(idp.issuer), f.clientId, undefined, client.ClientSecretBasic(f.clientSecret), {
    execute: [client.allowInsecureRequests],
  });
}

/** The IdP of a test file, its fixtures and their relying party: read inside tests and hooks only. */
export interface IdpUnderTest extends Omit<RunningIdp, 'close'> {
  /** A partner client and two customers (`createFixtures`), made once for the file. */
  readonly fixtures: Fixtures;
  /** The fixtures' partner as a relying party (`relyingParty`). */
  readonly relyingParty: client.Configuration;
}

/**
 * vitest hook form: `const idp = useIdp(db);` at a test file's top level (after
 * `useTestDatabase()`) starts the IdP with its fixtures before the file's tests and closes it
 * after them; `idp.publicUrl`, `idp.fixtures`… inside tests.
 */
export function useIdp(db: TestDatabase): IdpUnderTest {
  let running: RunningIdp | undefined;
  let fixtures: Fixtures | undefined;
  let party: client.Configuration | undefined;
  beforeAll(async () => {
    running = await startIdp(db.sequelize);
    fixtures = await createFixtures(db.sequelize, running.publicUrl);
    party = await relyingParty(running, fixtures);
  });
  afterAll(() => running?.close());
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useIdp(): the IdP is only available inside tests and hooks');
    return value;
  };
  return {
    get publicUrl() {
      return ready(running).publicUrl;
    },
    get issuer() {
      return ready(running).issuer;
    },
    get api() {
      return ready(running).api;
    },
    get provider() {
      return ready(running).provider;
    },
    get fixtures() {
      return ready(fixtures);
    },
    get relyingParty() {
      return ready(party);
    },
  };
}

/**
 * A tiny scripted browser: a cookie jar (host-only cookies, path-matched), redirects followed
 * by hand so every hop is visible, and form posts with the `Origin` header a browser sends.
 */
export class Browser {
  private readonly jar = new Map<string, { name: string; value: string; path: string }>();

  constructor(private readonly origin: string) {}

  async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url, this.origin);
    const headers: Record<string, string> = {};
    const cookie = this.cookieHeader(target);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers.origin = this.origin;
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.store(line);
    return response;
  }

  /** Follows redirects from `response` until a page (non-3xx) or a location starting with `stopAt`. */
  async follow(response: Response, stopAt?: string): Promise<{ response: Response; url: string }> {
    let current = response;
    let url = '';
    for (let hops = 0; hops < 10; hops++) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) return { response: current, url };
      url = new URL(location, this.origin).href;
      if (stopAt && url.startsWith(stopAt)) return { response: current, url };
      await current.arrayBuffer();
      current = await this.request(url);
    }
    throw new Error('too many redirects');
  }

  has(name: string): boolean {
    return [...this.jar.values()].some((c) => c.name === name);
  }

  private cookieHeader(url: URL): string {
    return [...this.jar.values()]
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/')
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private store(line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    let path = '/';
    let expired = false;
    for (const attribute of attributes) {
      const [key = '', val = ''] = attribute.split('=');
      if (key.toLowerCase() === 'path') path = val;
      if (key.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true;
      if (key.toLowerCase() === 'expires' && new Date(val).getTime() < Date.now()) expired = true;
    }
    const key = `${name}|${path}`;
    if (expired || value === '') this.jar.delete(key);
    else this.jar.set(key, { name, value, path });
  }
}

/** The `action` of the page's first form (or the form containing `marker`). */
/** The hidden inputs of the page's first form (oidc-provider's self-submitting forms carry their state in them). */
export function hiddenInputs(html: string): Record<string, string> {
  const form = /<form[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  const inputs: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    if (!/\stype="hidden"/.test(tag)) continue;
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    const value = /\svalue="([^"]*)"/.exec(tag)?.[1] ?? '';
    if (name)
      inputs[name] = value
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
  }
  return inputs;
}

export function formAction(html: string): string {
  const match = /<form[^>]*\saction="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error(`no form on the page:\n${html.slice(0, 2000)}`);
  return match[1].replace(/&amp;/g, '&');
}

export interface Authorization {
  url: URL;
  state: string;
  codeVerifier: string;
}

export async function authorizationRequest(config: client.Configuration, f: Fixtures, extra: Record<string, string> = {}): Promise<Authorization> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: f.redirectUri,
    scope: 'openid profile email customer offline_access portal',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    ...extra,
  });
  return { url, state, codeVerifier };
}

/**
 * Logs in through the real pages: authorization request → login page → consent page (if
 * asked) → back to the redirect URI. Returns the callback URL the browser was sent to.
 */
export async function signIn(browser: Browser, auth: Authorization, f: Fixtures, credentials = { email: f.verified.email, password: PASSWORD }) {
  const pages: string[] = [];
  let hop = await browser.follow(await browser.request(auth.url), f.redirectUri);
  for (let step = 0; step < 4 && !hop.url.startsWith(f.redirectUri); step++) {
    const html = await hop.response.text();
    pages.push(html);
    if (hop.response.status !== 200) throw new Error(`unexpected ${hop.response.status} at ${hop.url}:\n${html.slice(0, 1500)}`);
    const action = formAction(html);
    const form: Record<string, string> = action.endsWith('/login') ? { email: credentials.email, password: credentials.password } : {};
    hop = await browser.follow(await browser.request(action, { form }), f.redirectUri);
  }
  if (!hop.url.startsWith(f.redirectUri)) throw new Error(`did not reach the redirect URI (${hop.url})`);
  return { callback: new URL(hop.url), pages };
}
