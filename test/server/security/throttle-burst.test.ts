import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../support/database.ts';
import { api, Browser, COMPANY, loginSession, PERSON, startPortal, type RunningPortal, type BrowserSession } from '../api/session/harness.ts';
import { formAction } from '../../idp/provider-harness.ts';
import { LOGIN_ACCOUNT_ADDRESS_RULE, LOGIN_ADDRESS_RULE } from '../../../idp/accounts/login.ts';
import { SELF_SERVICE_RULES } from '../../../idp/self-service/throttle-rules.ts';
import { EMAIL_CHANGE_PASSWORD_RULE } from '../../../server/domain/profile/email-change.ts';

/**
 * The throttles hold under a concurrent burst, over real HTTP on the real product: N parallel
 * wrong passwords for one account, N parallel wrong registration details for one customer
 * number, N parallel wrong passwords on the API's e-mail change for one account. No more than the rule's limit may be EVALUATED (get the normal "wrong" answer and an
 * audit row saying so); the rest get the throttled answer, and then even the right password or
 * the right details are refused until the window has passed (moved into the past here).
 */
const db = useTestDatabase();
let portal: RunningPortal;
/** A session of the company customer (logged in first: one attempt from this address before the login burst). */
let companySession: BrowserSession;

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
  companySession = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: COMPANY })).session;
}, 120_000);
afterAll(() => portal?.close());

const sql = <T extends object>(query: string, replacements: Record<string, unknown> = {}) =>
  db.sequelize.query<T>(query, { replacements, type: QueryTypes.SELECT });

/** The window "passes": every counter of `rule` resets as if its time were up. */
const windowPasses = (rule: { name: string }) =>
  db.sequelize.query(`update rate_limits set reset_at = now() - interval '1 second' where key like :prefix`, { replacements: { prefix: `${rule.name}:%` } });

/** Error codes on a self-service page (`data-code`). */
const codes = (html: string) => [...html.matchAll(/data-code="([a-z_]+)"/g)].map((m) => m[1]!);

const tally = (values: Array<string | number>) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

describe('login throttle under a burst', () => {
  it(`evaluates at most ${LOGIN_ACCOUNT_ADDRESS_RULE.limit} of 40 parallel wrong passwords for one account; the rest and then the right password are throttled`, async () => {
    const burst = 40;
    expect(1 + burst + 2).toBeLessThan(LOGIN_ADDRESS_RULE.limit); // the per-address rule must not be what stops them
    const start = await api(portal, '/api/session/login', { origin: portal.origin, body: { clientId: 'portal', mode: 'popup' } });
    expect(start.response.status).toBe(200);
    const browser = new Browser(portal.origin);
    const loginPage = await browser.follow(await browser.request(start.json.authorizationUrl));
    expect(loginPage.response.status).toBe(200);
    const action = formAction(await loginPage.response.text());
    expect(action).toMatch(/\/interaction\/[^/]+\/login$/);
    const auditBefore = await sql<{ n: string }>(`select count(*) as n from audit_events where action = 'login.failed'`);
    const succeededBefore = await sql<{ n: string }>(`select count(*) as n from audit_events where action = 'login.succeeded'`);

    const answers = await Promise.all(
      Array.from({ length: burst }, async (_, i) => {
        const response = await browser.request(action, { form: { email: PERSON.username, password: `wrong-password-${i}` } });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(tally(answers)).toEqual({ 400: LOGIN_ACCOUNT_ADDRESS_RULE.limit, 429: burst - LOGIN_ACCOUNT_ADDRESS_RULE.limit });

    const reasons = await sql<{ reason: string; n: string }>(
      `select metadata->>'reason' as reason, count(*) as n from audit_events where action = 'login.failed' group by 1 order by 1`,
    );
    expect(Object.fromEntries(reasons.map((r) => [r.reason, Number(r.n)]))).toEqual({
      throttled: burst - LOGIN_ACCOUNT_ADDRESS_RULE.limit,
      wrong_password: LOGIN_ACCOUNT_ADDRESS_RULE.limit,
    });
    expect(Number(auditBefore[0]!.n)).toBe(0);

    // The right password is refused too, with Retry-After, while the window lasts…
    const right = await browser.request(action, { form: { email: PERSON.username, password: PERSON.password } });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(right.headers.get('retry-after'))).toBeLessThanOrEqual(LOGIN_ACCOUNT_ADDRESS_RULE.windowSeconds);
    await right.arrayBuffer();

    // …and taken once it has passed.
    await windowPasses(LOGIN_ACCOUNT_ADDRESS_RULE);
    const later = await browser.request(action, { form: { email: PERSON.username, password: PERSON.password } });
    expect(later.status).toBe(303);
    const succeeded = await sql<{ n: string }>(`select count(*) as n from audit_events where action = 'login.succeeded'`);
    expect(Number(succeeded[0]!.n)).toBe(Number(succeededBefore[0]!.n) + 1);
  });
});

describe('registration throttle under a burst', () => {
  it(`evaluates at most ${SELF_SERVICE_RULES.registerCustomer.limit} of 25 parallel wrong details for one customer number; then the right details are refused until the window passes`, async () => {
    const burst = 25;
    expect(burst + 2).toBeLessThanOrEqual(SELF_SERVICE_RULES.registerIp.limit); // the per-address rule must not be what stops them
    const [customer] = await sql<{ birth_date: string; postcode: string }>(
      `select to_char(birth_date, 'YYYY-MM-DD') as birth_date, postcode from customers where customer_number = :n`,
      { n: PERSON.customerNumber },
    );
    expect(customer).toBeDefined();
    const form = (birthDate: string) => ({
      kind: 'person',
      customer: PERSON.customerNumber,
      birthDate,
      postcode: customer!.postcode,
      email: 'burst.register@example.com',
      password: 'Hosszu-Teszt-Jelszo-2026',
      passwordConfirm: 'Hosszu-Teszt-Jelszo-2026',
    });
    const wrongDate = customer!.birth_date === '1970-01-01' ? '1970-01-02' : '1970-01-01';
    const browser = new Browser(portal.origin);
    const post = async (birthDate: string) => {
      const response = await browser.request('/account/register', { form: form(birthDate) });
      const html = await response.text();
      return { status: response.status, codes: codes(html) };
    };

    const answers = await Promise.all(Array.from({ length: burst }, () => post(wrongDate)));
    const outcome = answers.map((a) => `${a.status} ${a.codes.join(',')}`);
    expect(tally(outcome)).toEqual({
      '400 details_mismatch': SELF_SERVICE_RULES.registerCustomer.limit,
      '429 too_many_attempts': burst - SELF_SERVICE_RULES.registerCustomer.limit,
    });

    // The right details now get only "too many attempts"…
    const right = await post(customer!.birth_date);
    expect(right.status).toBe(429);
    expect(right.codes).toEqual(['too_many_attempts']);

    // …until the window has passed: then they are taken (the one "check your inbox" answer).
    await windowPasses(SELF_SERVICE_RULES.registerCustomer);
    const later = await post(customer!.birth_date);
    expect(later.status).toBe(200);
    expect(later.codes).toEqual(['check_inbox']);
  });
});

describe('e-mail change password check under a burst', () => {
  it(`evaluates at most ${EMAIL_CHANGE_PASSWORD_RULE.limit} of 30 parallel wrong passwords; then the right one is refused until the window passes`, async () => {
    const burst = 30; // under the API's 60 writes a minute per session
    const change = (password: string) =>
      api(portal, '/api/me/email-change', { origin: portal.origin, session: companySession, body: { newEmail: 'burst.change@example.org', password } });
    const answers = await Promise.all(Array.from({ length: burst }, (_, i) => change(`wrong-password-${i}`)));
    expect(tally(answers.map((a) => `${a.response.status} ${a.json?.code}`))).toEqual({
      '422 password_incorrect': EMAIL_CHANGE_PASSWORD_RULE.limit,
      '429 too_many_attempts': burst - EMAIL_CHANGE_PASSWORD_RULE.limit,
    });
    const right = await change(COMPANY.password);
    expect(right.response.status).toBe(429);
    expect(right.json.code).toBe('too_many_attempts');
    await windowPasses(EMAIL_CHANGE_PASSWORD_RULE);
    const later = await change(COMPANY.password);
    expect(later.response.status).toBe(202);
  });
});
