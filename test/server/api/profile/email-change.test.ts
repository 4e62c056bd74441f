import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../../support/database.ts';
import { api, COMPANY, loginSession, PERSON, startPortal, type RunningPortal, type BrowserSession } from '../session/harness.ts';

const db = useTestDatabase();
let portal: RunningPortal;
let personSession: BrowserSession;
let companySession: BrowserSession;
let personId: number;
let personAccountId: string;

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
  personSession = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON })).session;
  companySession = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: COMPANY })).session;
  const [row] = await rows<{ id: string; customer_id: number }>('select id, customer_id from accounts where lower(username) = lower($1)', [PERSON.username]);
  personId = Number(row!.customer_id);
  personAccountId = row!.id;
});
afterAll(() => portal?.close());

async function rows<T extends object>(sql: string, bind: unknown[] = []): Promise<T[]> {
  return db.sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT });
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('base64url');
const person = (body: unknown) => api(portal, '/api/me/email-change', { origin: portal.origin, session: personSession, body });
const company = (body: unknown) => api(portal, '/api/me/email-change', { origin: portal.origin, session: companySession, body });

interface TokenRow {
  account_id: string;
  token_hash: string;
  payload: { newEmail?: string };
  expires_at: Date;
  used_at: Date | null;
}
const changeTokens = () =>
  rows<TokenRow>(`select account_id, token_hash, payload, expires_at, used_at from account_tokens where purpose = 'change_email' order by created_at`);
interface MailRow {
  to_address: string;
  template: string;
  customer_id: number | null;
  data: Record<string, string>;
}
const changeMails = () =>
  rows<MailRow>(
    `select to_address, template, customer_id, data from notifications where template in ('email_change_confirm', 'email_changed_notice') order by created_at, template`,
  );

async function current() {
  const [account] = await rows<{ username: string }>('select username from accounts where id = $1', [personAccountId]);
  const [customer] = await rows<{ email: string | null }>('select email from customers where id = $1', [personId]);
  return { username: account!.username, email: customer!.email };
}

describe('POST /api/me/email-change', () => {
  it('needs a login', async () => {
    const { response } = await api(portal, '/api/me/email-change', { origin: portal.origin, body: { newEmail: 'x@example.org', password: 'x' } });
    expect(response.status).toBe(401);
  });

  it('refuses a wrong password with 422 password_incorrect, creating no token and sending nothing', async () => {
    const before = await current();
    const { response, json } = await person({ newEmail: 'uj.cim@example.org', password: 'not-the-password' });
    expect(response.status).toBe(422);
    expect(json.code).toBe('password_incorrect');
    expect(await changeTokens()).toHaveLength(0);
    expect(await changeMails()).toHaveLength(0);
    expect(await current()).toEqual(before);
  });

  it('refuses a malformed, an over-long or the current address (422), and a malformed body (400)', async () => {
    for (const newEmail of ['not-an-address', `${'a'.repeat(250)}@example.org`, '']) {
      const { response, json } = await person({ newEmail, password: PERSON.password });
      expect(response.status).toBe(422);
      expect(json.code).toBe('invalid_email');
    }
    const same = await person({ newEmail: ` ${PERSON.username.toUpperCase()} `, password: PERSON.password });
    expect(same.response.status).toBe(422);
    expect(same.json.code).toBe('email_unchanged');
    expect((await person({ newEmail: 'a@example.org' })).response.status).toBe(400);
    expect((await person({ newEmail: 'a@example.org', password: PERSON.password, username: 'x' })).response.status).toBe(400);
    expect(await changeTokens()).toHaveLength(0);
    expect(await changeMails()).toHaveLength(0);
  });

  it('answers another account’s address exactly like a good one, but sends nothing', async () => {
    const taken = await person({ newEmail: COMPANY.username, password: PERSON.password });
    expect(taken.response.status).toBe(202);
    expect(taken.json).toEqual({ pending: true });
    expect(await changeTokens()).toHaveLength(0);
    expect(await changeMails()).toHaveLength(0);
  });

  it('with the password: 202, one hashed token, the confirm link to the new address, the notice to the old, nothing changed yet', async () => {
    const before = await current();
    const { response, json, text } = await person({ newEmail: ' Uj.Cim@Example.org ', password: PERSON.password });
    expect(response.status).toBe(202);
    expect(json).toEqual({ pending: true });
    expect(response.headers.get('cache-control')).toBe('no-store');

    const tokens = await changeTokens();
    expect(tokens).toHaveLength(1);
    const [token] = tokens;
    expect(token!.account_id).toBe(personAccountId);
    expect(token!.payload).toEqual({ newEmail: 'uj.cim@example.org' });
    expect(token!.used_at).toBeNull();
    const ttl = new Date(token!.expires_at).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(23.9 * 3600_000);
    expect(ttl).toBeLessThanOrEqual(24 * 3600_000);

    const mails = await changeMails();
    expect(mails.map((m) => [m.template, m.to_address])).toEqual([
      ['email_change_confirm', 'uj.cim@example.org'],
      ['email_changed_notice', PERSON.username],
    ]);
    const confirm = mails[0]!;
    expect(confirm.customer_id).toBe(personId);
    expect(confirm.data.newEmail).toBe('uj.cim@example.org');
    const url = new URL(confirm.data.confirmUrl!);
    expect(url.origin).toBe(portal.origin);
    expect(url.pathname).toBe('/account/confirm-email-change');
    const raw = url.searchParams.get('token')!;
    expect(raw).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token!.token_hash).toBe(sha256(raw));
    expect(token!.token_hash).not.toBe(raw);
    expect(text).not.toContain(raw);
    expect(new Date(confirm.data.expiresAt!).getTime()).toBe(new Date(token!.expires_at).getTime());
    expect(mails[1]!.data.newEmail).toBe('uj.cim@example.org');

    expect(await current()).toEqual(before);
    const audit = await rows<{ metadata: unknown; subject_id: string }>(
      `select metadata, subject_id from audit_events where action = 'profile.email_change_requested' and customer_id = $1`,
      [personId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.subject_id).toBe(personAccountId);
    expect(JSON.stringify(audit[0]!.metadata)).not.toContain('@');

    // A second request: only the newest link works.
    expect((await person({ newEmail: 'masik.cim@example.org', password: PERSON.password })).response.status).toBe(202);
    const after = await changeTokens();
    expect(after).toHaveLength(2);
    expect(new Date(after[0]!.expires_at).getTime()).toBeLessThanOrEqual(Date.now());
    expect(new Date(after[1]!.expires_at).getTime()).toBeGreaterThan(Date.now());
  });

  it('throttles wrong passwords per account (429), even for the right one afterwards', async () => {
    for (let i = 0; i < 5; i++) {
      const { response, json } = await company({ newEmail: 'flotta.uj@example.org', password: `wrong-${i}` });
      expect(response.status).toBe(422);
      expect(json.code).toBe('password_incorrect');
    }
    const blocked = await company({ newEmail: 'flotta.uj@example.org', password: COMPANY.password });
    expect(blocked.response.status).toBe(429);
    expect(blocked.json.code).toBe('too_many_attempts');
    expect((await changeMails()).filter((m) => m.to_address.startsWith('flotta'))).toHaveLength(0);
  });
});
