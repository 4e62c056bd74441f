import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import * as oidc from 'openid-client';
import { generateKeyPair, generateProof, type KeyPair } from 'dpop';
import { createApp } from '../../../../server/app/create-app.ts';
import { createLogger } from '../../../../common/http/logger.ts';
import { seedDemoData, DEMO_LOGINS } from '../../../../server/seed/index.ts';
import { generateIdpKeys, type IdpKeys } from '../../../../idp/keys.ts';
import { createProvider } from '../../../../idp/provider.ts';
import { TokenVault } from '../../../../server/domain/session/token-vault.ts';
import { sessionTokenAad, type StoredTokens } from '../../../../server/domain/session/session-store.ts';
import { Browser, formAction, hiddenInputs } from '../../../idp/provider-harness.ts';
import { closeServerNow } from '../../../support/close-server.ts';
import { createPaymentModule, type PaymentModule } from '../../../../server/api/payments/payment-module.ts';
import { TEST_PARTNER_KEY, testPartnerSecrets } from '../../../support/partner-secrets.ts';
import type { PartnerSecretVault } from '../../../../common/partners/partner-secret-vault.ts';
import { startIdpThread } from '../../../../server/app/idp-thread/idp-thread.ts';
import type { DatabaseAddress } from '../../../../server/db/database.ts';

/** No configured secrets: generated per process, as in development without a data directory. */
const NO_SECRETS = { oidcJwks: null, oidcCookieKeys: null, sessionKeys: null, paymentWebhookSecret: null };

/**
 * The whole product on a real loopback socket (oidc-provider needs Node's raw request), on a
 * seeded database: PUBLIC_URL is the socket's own address, so the `portal` partner's origin is it;
 * `biztos-pont` runs on http://127.0.0.1:3001 (the broker demo's origin), `duna-alkusz` on
 * https://www.dunaalkusz.example. The session token key is fixed, so tests can read what the
 * API stored — and check that it never shows anywhere else.
 */
export const SESSION_KEY = randomBytes(32).toString('base64url');
export const BROKER_ORIGIN = 'http://127.0.0.1:3001';
export const OTHER_PARTNER_ORIGIN = 'https://www.dunaalkusz.example';
export const FOREIGN_ORIGIN = 'https://evil.example';
export const PERSON = DEMO_LOGINS.person;
export const COMPANY = DEMO_LOGINS.company;

/**
 * What a widget holds after a log-in: the session handle and the non-extractable key pair it is
 * bound to (made with the `dpop` library, as the widgets make it).
 */
export interface BrowserSession {
  handle: string;
  keys: KeyPair;
}

export function newKeyPair(): Promise<KeyPair> {
  return generateKeyPair('ES256', { extractable: false });
}

/** A DPoP proof for `method url` (the query is not part of `htu`), for a session's handle when given. */
export function proofFor(keys: KeyPair, method: string, url: string | URL, options: { handle?: string; nonce?: string } = {}): Promise<string> {
  const htu = new URL(url);
  htu.search = '';
  htu.hash = '';
  return generateProof(keys, htu.href, method, options.nonce, options.handle);
}

/** The headers a widget sends with a session: `Authorization: DPoP <handle>` and a fresh proof. */
export async function sessionHeaders(session: BrowserSession, method: string, url: string | URL): Promise<Record<string, string>> {
  return { authorization: `DPoP ${session.handle}`, dpop: await proofFor(session.keys, method, url, { handle: session.handle }) };
}

export interface LogLine {
  level: string;
  event: string;
  [field: string]: unknown;
}

export interface RunningPortal {
  publicUrl: URL;
  origin: string;
  issuer: string;
  callbackUrl: string;
  keys: IdpKeys;
  logs: LogLine[];
  /** Every response body, Location and URL the tests saw (for the "no token anywhere" check). */
  seen: string[];
  /** Every token and session handle the tests learnt (from the database or `POST /api/session`). */
  secrets: Set<string>;
  sequelize: Sequelize;
  /** The payment provider the app was built with (its hosted page and the API share it). */
  payments: PaymentModule;
  close(): Promise<void>;
}

/**
 * What the HTTP helpers below need of a portal: where it answers and where they record what
 * they saw; the bench gives them `npm start` running in a process of its own.
 */
export type PortalEndpoints = Pick<RunningPortal, 'origin' | 'callbackUrl' | 'seen'>;

export async function startPortal(
  sequelize: Sequelize,
  /**
   * `idpThread`: the IdP's endpoints in a thread of their own, as `npm start` runs them (the
   * bench), on the same database at this address; by default they run in the test's thread.
   */
  options: { idpThread?: DatabaseAddress } = {},
): Promise<RunningPortal> {
  let app: ReturnType<typeof createApp> | undefined;
  const server: ServerType = serve({ fetch: (request, env) => app!.fetch(request, env), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const publicUrl = new URL(`http://127.0.0.1:${port}`);
  await seedDemoData(sequelize, testPartnerSecrets, {
    customers: 8,
    claims: 0,
    mailboxShare: 0,
    portalOrigin: publicUrl.origin,
    brokerDemoOrigin: BROKER_ORIGIN,
  });
  const issuer = `${publicUrl.origin}/oidc`;
  const keys = await generateIdpKeys();
  const provider = createProvider({ issuer, sequelize, keys, partnerSecrets: testPartnerSecrets, production: false });
  const logs: LogLine[] = [];
  const logger = createLogger('debug', (line) => logs.push(JSON.parse(line) as LogLine));
  const payments = createPaymentModule({ sequelize, publicUrl, logger, production: false });
  const idpThread = options.idpThread
    ? await startIdpThread(Promise.resolve({ issuer, database: options.idpThread, keys, partnerSecretKeys: [TEST_PARTNER_KEY], production: false }), {
        trustProxy: null,
        logger,
      })
    : undefined;
  const writeLimit = process.env.API_WRITE_LIMIT_PER_MINUTE;
  app = createApp({
    config: {
      publicUrl,
      production: false,
      secrets: { ...NO_SECRETS, sessionKeys: SESSION_KEY },
      apiWriteLimitPerMinute: writeLimit ? Number(writeLimit) : 60,
    },
    sequelize,
    provider,
    idpThread,
    partnerSecrets: testPartnerSecrets,
    logger,
    payments,
  });
  return {
    publicUrl,
    origin: publicUrl.origin,
    issuer,
    callbackUrl: `${publicUrl.origin}/api/session/callback`,
    keys,
    logs,
    seen: [],
    secrets: new Set(),
    sequelize,
    payments,
    async close() {
      await closeServerNow(server);
      await idpThread?.close();
    },
  };
}

export interface ApiRequest {
  method?: string;
  origin?: string | null;
  /** `X-GP-Request: 1` unless false. */
  gp?: boolean;
  /** Sends `Authorization: DPoP <handle>` and a proof signed by the session's key. */
  session?: BrowserSession | null;
  /** Replaces the `DPoP` header (null: none); with `session`, the handle still goes along. */
  proof?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request as a partner page's widget makes it (fetch from `origin`, no cookie). Records what comes back. */
export async function api(portal: PortalEndpoints, path: string, init: ApiRequest = {}): Promise<{ response: Response; text: string; json: any }> {
  const headers: Record<string, string> = {};
  if (init.origin) headers.origin = init.origin;
  if (init.gp !== false) headers['x-gp-request'] = '1';
  let body: string | undefined;
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const url = new URL(path, portal.origin);
  const method = init.method ?? (body ? 'POST' : 'GET');
  if (init.session) Object.assign(headers, await sessionHeaders(init.session, method, url));
  if (init.proof !== undefined) {
    if (init.proof === null) delete headers.dpop;
    else headers.dpop = init.proof;
  }
  Object.assign(headers, init.headers);
  const response = await fetch(url, { method, headers, body, redirect: 'manual' });
  const text = await response.text();
  // The handle is answered once, by design, in the body of `POST /api/session`: it must show nowhere else.
  const handle = /"handle":"([A-Za-z0-9_-]{43})"/.exec(text)?.[1];
  record(portal, url.href, response, handle && method === 'POST' && url.pathname === '/api/session' ? text.replace(handle, '<handle>') : text);
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { response, text, json };
}

export function record(portal: PortalEndpoints, url: string, response: Response, text: string): void {
  portal.seen.push(url, text, response.headers.get('location') ?? '');
}

/** Follows the IdP's pages (login, then consent if asked) until the browser is sent to the callback; returns that URL. */
export async function throughIdpPages(
  portal: PortalEndpoints,
  browser: Browser,
  authorizationUrl: string,
  credentials: { username: string; password: string },
  options: { cancelConsent?: boolean } = {},
): Promise<{ callback: string; pages: string[] }> {
  const pages: string[] = [];
  let hop = await browser.follow(await browser.request(authorizationUrl), portal.callbackUrl);
  for (let step = 0; step < 4 && !hop.url.startsWith(portal.callbackUrl); step++) {
    const html = await hop.response.text();
    pages.push(html);
    if (hop.response.status !== 200) throw new Error(`unexpected ${hop.response.status} at ${hop.url}:\n${html.slice(0, 1500)}`);
    let action = formAction(html);
    let form: Record<string, string> = hiddenInputs(html);
    if (action.endsWith('/login')) form = { ...form, email: credentials.username, password: credentials.password };
    else if (options.cancelConsent) action = /formaction="([^"]+\/abort)"/.exec(html)![1]!;
    hop = await browser.follow(await browser.request(action, { form }), portal.callbackUrl);
  }
  if (!hop.url.startsWith(portal.callbackUrl)) throw new Error(`did not reach the callback (${hop.url})`);
  return { callback: hop.url, pages };
}

export interface LoginOptions {
  origin: string;
  clientId: string;
  user?: { username: string; password: string };
  mode?: 'popup' | 'redirect';
  returnTo?: string;
  lang?: 'hu' | 'en';
  browser?: Browser;
  cancelConsent?: boolean;
}

/** `POST /api/session/login` from the partner page, then the popup: IdP pages, then our callback. */
export async function loginToCallback(portal: PortalEndpoints, options: LoginOptions) {
  const start = await api(portal, '/api/session/login', {
    origin: options.origin,
    body: { clientId: options.clientId, mode: options.mode ?? 'popup', returnTo: options.returnTo, lang: options.lang },
  });
  if (start.response.status !== 200) throw new Error(`login start failed: ${start.response.status} ${start.text}`);
  const authorizationUrl = start.json.authorizationUrl as string;
  const loginSecret = start.json.loginSecret as string;
  const browser = options.browser ?? new Browser(portal.origin);
  const { callback, pages } = await throughIdpPages(portal, browser, authorizationUrl, options.user ?? PERSON, { cancelConsent: options.cancelConsent });
  const response = await browser.request(callback);
  const html = await response.text();
  record(portal, callback, response, html);
  return { authorizationUrl, loginSecret, callback, response, html, pages, browser };
}

/** The ticket a popup result page posts (`{"type":"gp-login","ticket":"…"}`). */
export function ticketFrom(html: string): string {
  const match = /"type":"gp-login","ticket":"([A-Za-z0-9_-]{43})"/.exec(html);
  if (!match?.[1]) throw new Error(`no ticket on the page:\n${html}`);
  return match[1];
}

/** Redeems a ticket as the widget does: with a proof of a new key (or `keys`); the session is bound to that key. */
export async function redeem(portal: PortalEndpoints, origin: string, ticket: unknown, loginSecret: unknown, keys?: KeyPair) {
  const pair = keys ?? (await newKeyPair());
  const proof = await proofFor(pair, 'POST', new URL('/api/session', portal.origin));
  const redeemed = await api(portal, '/api/session', { origin, body: { ticket, loginSecret }, headers: { dpop: proof } });
  return { ...redeemed, keys: pair };
}

/** A full login through the popup: ends with the session (its handle and the key it is bound to). */
export async function loginSession(portal: RunningPortal, options: LoginOptions): Promise<{ session: BrowserSession; body: any; response: Response }> {
  const opened = await openSession(portal, options);
  portal.secrets.add(opened.session.handle);
  await rememberTokens(portal);
  return opened;
}

/** The same log-in, over HTTP only: nothing learnt is remembered (the bench, on a product in another process). */
export async function openSession(portal: PortalEndpoints, options: LoginOptions): Promise<{ session: BrowserSession; body: any; response: Response }> {
  const { html, loginSecret } = await loginToCallback(portal, options);
  const redeemed = await redeem(portal, options.origin, ticketFrom(html), loginSecret);
  const handle = redeemed.json?.handle as string | undefined;
  if (redeemed.response.status !== 200 || !handle) throw new Error(`ticket redemption failed: ${redeemed.response.status} ${redeemed.text}`);
  return { session: { handle, keys: redeemed.keys }, body: redeemed.json, response: redeemed.response };
}

export interface SessionRow {
  id_hash: string;
  customer_id: number;
  client_id: string;
  tokens: StoredTokens;
  expires_at: Date;
}

export async function sessionRows(portal: Pick<RunningPortal, 'sequelize'>): Promise<SessionRow[]> {
  return portal.sequelize.query<SessionRow>(`select id_hash, customer_id, client_id, tokens, expires_at from bff_sessions order by created_at`, {
    type: QueryTypes.SELECT,
  });
}

/** The tokens the API keeps for a row (decrypted with the test's key, or the SESSION_KEYS a product process was given). */
export function openTokens(row: SessionRow, sessionKey = SESSION_KEY): { accessToken: string; refreshToken: string } {
  return new TokenVault([sessionKey]).open(row.tokens.sealed, sessionTokenAad(row.client_id, row.customer_id, row.tokens.accountId));
}

/** Adds every token currently stored to `portal.secrets`. */
export async function rememberTokens(portal: RunningPortal): Promise<void> {
  for (const row of await sessionRows(portal)) {
    const tokens = openTokens(row);
    portal.secrets.add(tokens.accessToken);
    portal.secrets.add(tokens.refreshToken);
  }
}

export async function partnerSecret(
  portal: Pick<RunningPortal, 'sequelize'>,
  clientId: string,
  vault: PartnerSecretVault = testPartnerSecrets,
): Promise<string> {
  const [row] = await portal.sequelize.query<{ client_secret: string }>('select client_secret from partner_clients where client_id = :clientId', {
    replacements: { clientId },
    type: QueryTypes.SELECT,
  });
  // Stored sealed: the API and the IdP open it with the same vault.
  return (await vault.open(clientId, row!.client_secret))!;
}

/** openid-client as the partner's client (for checks at the IdP: is a refresh token still good?). */
export async function relyingParty(portal: RunningPortal, clientId: string): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(portal.issuer), clientId, undefined, oidc.ClientSecretBasic(await partnerSecret(portal, clientId)), {
    execute: [oidc.allowInsecureRequests],
  });
}

/** The OAuth error of a refused token request (a 401 arrives as a WWW-Authenticate challenge). */
export async function oauthError(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (e: { error?: string; cause?: Array<{ parameters?: { error?: string } }> }) => e.error ?? e.cause?.[0]?.parameters?.error ?? 'unknown',
  );
}

export { Browser };
