import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../support/database.ts';
import {
  api,
  BROKER_ORIGIN,
  loginSession,
  PERSON,
  redeem,
  startPortal,
  throughIdpPages,
  ticketFrom,
  type BrowserSession,
  type RunningPortal,
} from '../session/harness.ts';
import { Browser } from '../../../idp/provider-harness.ts';
import { rows } from './support.ts';

/**
 * Step-up (issue 16, point 4): changing the e-mail address or a contract's payment method needs a
 * log-in from the last five minutes. A stale session gets 403 `reauthentication_required` and
 * nothing changes; it re-authenticates through the log-in popup (same session, same key) and
 * the very same request then goes through. A fresh log-in goes straight through.
 */
const db = useTestDatabase();
let portal: RunningPortal;

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
}, 60_000);
afterAll(() => portal?.close());

const idHashOf = async (session: BrowserSession) => {
  const [row] = await rows<{ id_hash: string }>(db.sequelize, `select encode(sha256(convert_to($1, 'UTF8')), 'hex') as id_hash`, [session.handle]);
  return row!.id_hash;
};

/** Pretends the session's log-in was ten minutes ago (the stored `auth_time` is what the API reads). */
async function ageLogin(session: BrowserSession, minutes = 10): Promise<void> {
  await db.sequelize.query(`update bff_sessions set auth_time = now() - make_interval(mins => $2) where id_hash = $1`, {
    bind: [await idHashOf(session), minutes],
  });
}

const emailChange = (session: BrowserSession, origin = portal.origin) =>
  api(portal, '/api/me/email-change', { origin, session, body: { newEmail: `uj.cim.${Date.now()}@example.org`, password: PERSON.password } });
const pendingChanges = async () => (await rows(db.sequelize, `select 1 from account_tokens where purpose = 'change_email'`)).length;

/** The widget's re-authentication: start it with the session, log in again in the popup, redeem the ticket with the same session. */
async function reauthenticate(session: BrowserSession, origin: string, browser = new Browser(portal.origin)) {
  const start = await api(portal, '/api/session/reauthentication', { origin, session, body: { lang: 'hu' } });
  expect(start.response.status).toBe(200);
  const url = new URL(start.json.authorizationUrl);
  expect(url.searchParams.get('max_age')).toBe('300');
  expect(url.searchParams.get('prompt')).toBe('login');
  const { callback } = await throughIdpPages(portal, browser, start.json.authorizationUrl, PERSON);
  const ticket = ticketFrom(await (await browser.request(callback)).text());
  return { ticket, loginSecret: start.json.loginSecret as string };
}

describe('step-up before an e-mail change', () => {
  it('with a fresh log-in the change goes straight through', async () => {
    const { session } = await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON });
    const before = await pendingChanges();
    const { response } = await emailChange(session);
    expect(response.status).toBe(202);
    expect(await pendingChanges()).toBe(before + 1);
  }, 60_000);

  it('a 10-minute-old log-in gets 403 reauthentication_required and changes nothing; after re-authenticating the same request goes through', async () => {
    const { session } = await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON });
    await ageLogin(session);
    const before = await pendingChanges();
    const refused = await emailChange(session);
    expect(refused.response.status).toBe(403);
    expect(refused.response.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.json).toMatchObject({ code: 'reauthentication_required', maxAge: 300 });
    expect(await pendingChanges()).toBe(before);

    const sessionsBefore = (await rows(db.sequelize, `select 1 from bff_sessions where tokens->>'stage' = 'session'`)).length;
    const { ticket, loginSecret } = await reauthenticate(session, portal.origin);
    const renewed = await api(portal, '/api/session/reauthentication/ticket', { origin: portal.origin, session, body: { ticket, loginSecret } });
    expect(renewed.response.status).toBe(204);
    // The same session (same handle, same key), not a new one; its auth_time is now.
    expect((await rows(db.sequelize, `select 1 from bff_sessions where tokens->>'stage' = 'session'`)).length).toBe(sessionsBefore);
    const [fresh] = await rows<{ age: number }>(db.sequelize, `select extract(epoch from now() - auth_time) as age from bff_sessions where id_hash = $1`, [
      await idHashOf(session),
    ]);
    expect(Number(fresh!.age)).toBeLessThan(60);

    const retried = await emailChange(session);
    expect(retried.response.status).toBe(202);
    expect(await pendingChanges()).toBe(before + 1);
    const audit = await rows(db.sequelize, `select 1 from audit_events where action = 'session.reauthenticated'`);
    expect(audit.length).toBeGreaterThan(0);
  }, 60_000);

  it('a re-authentication ticket renews only the session that asked: not another session, not as a new session, and only once', async () => {
    const { session: asker } = await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON });
    const { session: other } = await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON });
    await ageLogin(asker);
    await ageLogin(other);

    const first = await reauthenticate(asker, portal.origin);
    const stolen = await api(portal, '/api/session/reauthentication/ticket', { origin: portal.origin, session: other, body: first });
    expect(stolen.response.status).toBe(400);
    expect(stolen.json.code).toBe('ticket_invalid');
    expect((await emailChange(other)).json.code).toBe('reauthentication_required');
    // Used up by that attempt.
    expect((await api(portal, '/api/session/reauthentication/ticket', { origin: portal.origin, session: asker, body: first })).json.code).toBe(
      'ticket_invalid',
    );

    // Redeemed as a log-in it opens no session.
    const second = await reauthenticate(asker, portal.origin);
    const asLogin = await redeem(portal, portal.origin, second.ticket, second.loginSecret);
    expect(asLogin.response.status).toBe(400);
    expect(asLogin.json.code).toBe('ticket_invalid');
    expect((await emailChange(asker)).json.code).toBe('reauthentication_required');
  }, 90_000);

  it('re-authentication needs a session: without one 401, and malformed bodies are 400', async () => {
    const anonymous = await api(portal, '/api/session/reauthentication', { origin: portal.origin, body: {} });
    expect(anonymous.response.status).toBe(401);
    const { session } = await loginSession(portal, { origin: BROKER_ORIGIN, clientId: 'biztos-pont', user: PERSON });
    const badLang = await api(portal, '/api/session/reauthentication', { origin: BROKER_ORIGIN, session, body: { lang: 'xx' } });
    expect(badLang.response.status).toBe(400);
    const noTicket = await api(portal, '/api/session/reauthentication/ticket', { origin: BROKER_ORIGIN, session, body: { ticket: 42 } });
    expect(noTicket.response.status).toBe(400);
    expect(noTicket.json.code).toBe('ticket_invalid');
  }, 60_000);
});

describe('step-up before a payment method change', () => {
  async function changeablePolicy(session: BrowserSession) {
    const list = await api(portal, '/api/policies?status=active&pageSize=100', { origin: portal.origin, session });
    for (const item of list.json.items as Array<{ id: number }>) {
      const detail = (await api(portal, `/api/policies/${item.id}`, { origin: portal.origin, session })).json;
      const options = (detail.paymentOptions as Array<{ frequency: string; methods: string[] }>).find((o) => o.frequency === detail.paymentFrequency);
      const to = options?.methods.find((m) => m !== detail.paymentMethod);
      if (to && detail.changeable) return { id: item.id, to, from: detail.paymentMethod as string };
    }
    throw new Error('no changeable policy');
  }

  it('a stale log-in is refused for the payment method only; after re-authentication the same change goes through', async () => {
    const { session } = await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON });
    const policy = await changeablePolicy(session);
    await ageLogin(session);
    const patch = () => api(portal, `/api/policies/${policy.id}`, { method: 'PATCH', origin: portal.origin, session, body: { paymentMethod: policy.to } });

    const refused = await patch();
    expect(refused.response.status).toBe(403);
    expect(refused.json.code).toBe('reauthentication_required');
    expect((await api(portal, `/api/policies/${policy.id}`, { origin: portal.origin, session })).json.paymentMethod).toBe(policy.from);
    // Other contract data needs no fresh log-in (this one is refused by the rules, not by step-up).
    const other = await api(portal, `/api/policies/${policy.id}`, { method: 'PATCH', origin: portal.origin, session, body: {} });
    expect(other.json.code).not.toBe('reauthentication_required');

    const body = await reauthenticate(session, portal.origin);
    expect((await api(portal, '/api/session/reauthentication/ticket', { origin: portal.origin, session, body })).response.status).toBe(204);
    const retried = await patch();
    expect(retried.response.status).toBe(200);
  }, 90_000);
});
