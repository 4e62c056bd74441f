import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../support/database.ts';
import { IDP_FORM_BODY_LIMIT } from '../../../idp/pages/security.ts';
import { codes, freeCustomers, GOOD_PASSWORD } from '../../idp/register-harness.ts';
import { api, Browser, FOREIGN_ORIGIN, PERSON, startPortal, type RunningPortal } from '../api/session/harness.ts';
import { formAction } from '../../idp/provider-harness.ts';
import { ESCAPED, HOSTILE, MARKUP, PASSWORD_SAMPLE, RAW_MARKUP, Watch, type HostileName } from './hostile-corpus.ts';

/**
 * Every form of the IdP's own pages against the hostile-input corpus, posted by a scripted
 * browser from the portal's own origin (the pages refuse other origins): each case gets a 4xx
 * (or 200) page that shows the form or the refusal again — with the hostile value, if the page
 * repeats it, only escaped — or a 4xx problem (oversized, cross-origin), and changes no watched
 * row. Then an accepted value (an authorization request's login_hint) is followed to the page.
 */
const db = useTestDatabase();
let portal: RunningPortal;
let browser: Browser;
let uid: string;
let customer: { customerNumber: string; birthDate: string | null; postcode: string };
let watch: Watch;

beforeAll(async () => {
  portal = await startPortal(db.sequelize);
  watch = new Watch(db.sequelize);
  browser = new Browser(portal.origin);
  uid = await openInteraction(browser);
  customer = (await freeCustomers(db.sequelize, 'person', 1))[0]!;
}, 120_000);
afterAll(() => portal?.close());
// Every refusal counts towards the per-address and per-account throttles: every case starts afresh.
beforeEach(async () => {
  await db.sequelize.query('delete from rate_limits');
});

/** A login as the portal page starts it; the browser lands on the interaction's login page. Returns its uid. */
async function openInteraction(b: Browser, extra = ''): Promise<string> {
  const start = await api(portal, '/api/session/login', { origin: portal.origin, body: { clientId: 'portal', mode: 'popup', lang: 'hu' } });
  expect(start.response.status).toBe(200);
  const hop = await b.follow(await b.request(`${start.json.authorizationUrl as string}${extra}`));
  expect(hop.response.status).toBe(200);
  const html = await hop.response.text();
  const action = formAction(html);
  const match = /^\/interaction\/([^/]+)\/login$/.exec(action);
  if (!match) throw new Error(`not a login page: ${action}`);
  openedPages.push(html);
  return match[1]!;
}
const openedPages: string[] = [];

interface IdpForm {
  name: string;
  action: () => string;
  /** A well-formed submission that is still refused (a wrong password, details matching no customer, an unknown token). */
  base: () => Record<string, string>;
  /** Fields that get the hostile values. */
  fields: string[];
  /** Fields tried with only some HOSTILE strings (a password is hashed per try). */
  sample?: Record<string, HostileName[]>;
  /** Fields whose value the answer page repeats (escaped). */
  reshown: string[];
  /** The statuses and what the answer page must show (the form again, or the refusal's code). */
  statuses: number[];
  page: RegExp;
  codes?: string[];
}

const TOKEN = 'ismeretlen-token-ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The table: one line (one object) per IdP form. */
const FORMS: IdpForm[] = [
  {
    name: 'login',
    action: () => `/interaction/${uid}/login`,
    base: () => ({ email: PERSON.username, password: 'Rossz-jelszo-2026' }),
    fields: ['email', 'password'],
    sample: { password: PASSWORD_SAMPLE },
    reshown: ['email'],
    statuses: [400],
    page: /<form method="post" action="\/interaction\/[^"]+\/login"/,
  },
  {
    // The interaction is at its login prompt: consenting is refused by sending the browser back to it.
    name: 'consent',
    action: () => `/interaction/${uid}/confirm`,
    base: () => ({}),
    fields: ['scope', 'grantId', 'accountId'],
    reshown: [],
    statuses: [303],
    page: /^$/,
  },
  {
    name: 'register, step 1',
    action: () => '/account/register?lang=hu',
    base: () => ({ kind: 'person', customer: 'x' }),
    fields: ['kind', 'customer'],
    reshown: ['customer'],
    statuses: [400],
    page: /<form/,
    codes: ['kind_required', 'customer_number_invalid'],
  },
  {
    // The details match no customer (the postcode is another), so even a valid form is refused.
    name: 'register, step 2',
    action: () => '/account/register?lang=hu',
    base: () => ({
      kind: 'person',
      customer: customer.customerNumber,
      birthDate: customer.birthDate ?? '1970-01-01',
      postcode: customer.postcode === '9999' ? '9998' : '9999',
      email: 'uj.ugyfel@example.org',
      password: GOOD_PASSWORD,
      passwordConfirm: GOOD_PASSWORD,
    }),
    fields: ['birthDate', 'postcode', 'email', 'password', 'passwordConfirm', 'taxNumber'],
    reshown: ['birthDate', 'postcode', 'email'],
    statuses: [400],
    page: /<form/,
    codes: [
      // A repeated or missing kind/customer falls back to step 1's refusal.
      'kind_required',
      'customer_number_invalid',
      'details_mismatch',
      'birth_date_invalid',
      'postcode_invalid',
      'email_invalid',
      'password_mismatch',
      'password_too_short',
      'password_too_long',
      'password_common',
      'password_contains_personal_data',
      'password_too_weak',
      'password_control_characters',
    ],
  },
  {
    name: 'verify e-mail',
    action: () => '/account/verify-email?lang=hu',
    base: () => ({ token: TOKEN }),
    fields: ['token'],
    reshown: [],
    statuses: [400],
    page: /data-code="token_invalid"/,
    codes: ['token_invalid'],
  },
  {
    name: 'verify e-mail: resend',
    action: () => '/account/verify-email/resend?lang=hu',
    base: () => ({ email: 'nincs.ilyen' }),
    fields: ['email'],
    reshown: ['email'],
    statuses: [400],
    page: /<form/,
    codes: ['email_invalid'],
  },
  {
    name: 'forgot password',
    action: () => '/account/forgot-password?lang=hu',
    base: () => ({ email: 'nincs.ilyen' }),
    fields: ['email'],
    reshown: ['email'],
    statuses: [400],
    page: /<form/,
    codes: ['email_invalid'],
  },
  {
    name: 'reset password',
    action: () => '/account/reset-password?lang=hu',
    base: () => ({ token: TOKEN, password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD }),
    fields: ['token', 'password', 'passwordConfirm'],
    reshown: [],
    statuses: [400],
    page: /data-code="token_invalid"/,
    codes: ['token_invalid'],
  },
  {
    name: 'confirm e-mail change',
    action: () => '/account/confirm-email-change?lang=hu',
    base: () => ({ token: TOKEN }),
    fields: ['token'],
    reshown: [],
    statuses: [400],
    page: /data-code="token_invalid"/,
    codes: ['token_invalid'],
  },
  {
    name: 'undo e-mail change',
    action: () => '/account/undo-email-change?lang=hu',
    base: () => ({ token: TOKEN }),
    fields: ['token'],
    reshown: [],
    statuses: [400],
    page: /data-code="token_invalid"/,
    codes: ['token_invalid'],
  },
];

interface IdpCase {
  label: string;
  fields?: (base: Record<string, string>) => Record<string, string>;
  hostile?: { field: string; name: HostileName };
  raw?: { body: string; origin?: string };
  expectProblem?: { status: number; code: string };
  /** A refusal answered as a page (the form's answer in a browser): its status and `data-code`. */
  expectPage?: { status: number; code: string };
}

function idpCases(form: IdpForm): IdpCase[] {
  const cases: IdpCase[] = [
    { label: 'an empty form', fields: () => ({}) },
    {
      label: `a form one byte over the ${IDP_FORM_BODY_LIMIT}-byte limit`,
      raw: { body: 'x='.padEnd(IDP_FORM_BODY_LIMIT + 1, 'a') },
      expectPage: { status: 413, code: 'payload_too_large' },
    },
    {
      label: 'a post from another origin',
      raw: { body: 'email=a%40example.org', origin: FOREIGN_ORIGIN },
      expectProblem: { status: 403, code: 'cross_origin_form' },
    },
    { label: 'repeated fields', fields: (b) => b, raw: undefined },
  ];
  for (const field of form.fields) {
    for (const name of form.sample?.[field] ?? (Object.keys(HOSTILE) as HostileName[])) {
      cases.push({
        label: `"${field}" = ${name} ${JSON.stringify(HOSTILE[name])}`,
        fields: (b) => ({ ...b, [field]: HOSTILE[name] }),
        hostile: { field, name },
      });
    }
    cases.push({ label: `"${field}" missing`, fields: (b) => Object.fromEntries(Object.entries(b).filter(([k]) => k !== field)) });
  }
  return cases;
}

async function post(form: IdpForm, c: IdpCase): Promise<Response> {
  if (c.raw) {
    const response = await fetch(new URL(form.action(), portal.origin), {
      method: 'POST',
      headers: { origin: c.raw.origin ?? portal.origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: c.raw.body,
      redirect: 'manual',
    });
    return response;
  }
  const fields = c.fields!(form.base());
  if (c.label === 'repeated fields') {
    // Each field twice, the second hostile: the page must read one value and refuse as usual.
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) {
      body.append(k, v);
      body.append(k, HOSTILE.script);
    }
    return fetch(new URL(form.action(), portal.origin), {
      method: 'POST',
      headers: { origin: portal.origin, 'content-type': 'application/x-www-form-urlencoded', cookie: cookieFor(form) },
      body: body.toString(),
      redirect: 'manual',
    });
  }
  return browser.request(form.action(), { form: fields });
}

/** The browser's cookies for a form (the interaction cookie is path-scoped). */
function cookieFor(form: IdpForm): string {
  return (browser as unknown as { cookieHeader(url: URL): string }).cookieHeader(new URL(form.action(), portal.origin));
}

for (const form of FORMS) {
  describe(`IdP form "${form.name}" refuses hostile input and stores nothing`, () => {
    for (const c of idpCases(form)) {
      it(c.label, async () => {
        const before = await watch.before();
        const response = await post(form, c);
        const text = await response.text();
        const where = `${form.name} / ${c.label}: ${response.status} ${text.slice(0, 300)}`;
        if (c.expectProblem) {
          expect(response.status, where).toBe(c.expectProblem.status);
          expect(response.headers.get('content-type'), where).toMatch(/^application\/problem\+json/);
          expect(JSON.parse(text).code, where).toBe(c.expectProblem.code);
        } else if (c.expectPage) {
          expect(response.status, where).toBe(c.expectPage.status);
          expect(response.headers.get('content-type'), where).toMatch(/^text\/html/);
          expect(codes(text), where).toEqual([c.expectPage.code]);
        } else {
          expect(form.statuses, where).toContain(response.status);
          if (response.status === 303) {
            // Back to the interaction's page, which shows its form (the login).
            expect(response.headers.get('location'), where).toBe(`/interaction/${uid}`);
          } else {
            expect(response.headers.get('content-type'), where).toMatch(/^text\/html/);
            expect(text, where).toMatch(form.page);
            if (form.codes) {
              const shown = codes(text);
              expect(shown.length, where).toBeGreaterThan(0);
              for (const code of shown) expect(form.codes, where).toContain(code);
            }
          }
          for (const raw of RAW_MARKUP) expect(text, where).not.toContain(raw);
          if (c.hostile && form.reshown.includes(c.hostile.field) && MARKUP.includes(c.hostile.name)) {
            expect(
              ESCAPED[c.hostile.name]!.some((escaped) => text.includes(escaped)),
              where,
            ).toBe(true);
          }
        }
        expect(await watch.changedSince(before), where).toEqual([]);
      });
    }
  });
}

describe('the consent form under a hostile interaction id', () => {
  for (const name of ['sqlOr', 'traversal', 'script'] as const) {
    it(`${name}: the "expired" page, nothing stored`, async () => {
      const before = await watch.before();
      const response = await browser.request(`/interaction/${encodeURIComponent(HOSTILE[name])}/confirm`, { form: { x: '1' } });
      const html = await response.text();
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      for (const raw of RAW_MARKUP) expect(html).not.toContain(raw);
      expect(await watch.changedSince(before)).toEqual([]);
    });
  }
});

describe('accepted values on a page', () => {
  it('an authorization request’s login_hint with markup is shown in the login form only escaped', async () => {
    const own = new Browser(portal.origin);
    for (const name of MARKUP) {
      await openInteraction(own, `&login_hint=${encodeURIComponent(HOSTILE[name])}`);
      const html = openedPages.at(-1)!;
      for (const raw of RAW_MARKUP) expect(html).not.toContain(raw);
      const value = /<input[^>]*name="email"[^>]*>/.exec(html)?.[0] ?? '';
      expect(
        ESCAPED[name]!.some((escaped) => value.includes(escaped)),
        value,
      ).toBe(true);
    }
  });
});
