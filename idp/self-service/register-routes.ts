import { Hono, type Context } from 'hono';
import { hashPassword } from '../../common/accounts/password.ts';
import { checkPasswordPolicy } from '../accounts/password-policy.ts';
import { pickLang } from '../pages/language.ts';
import type { Language } from '../../common/language.ts';
import type { PageEnv } from '../pages/security.ts';
import type { IdpRouteDeps } from '../route-deps.ts';
import { accountLinks } from './account-links.ts';
import { clientAddress } from '../../common/security/client-address.ts';
import { errorText, type ErrorCode } from './messages.ts';
import * as read from './normalise.ts';
import { registerDone, registerStep1, registerStep2, registerText, type Step2Values } from './register-pages.ts';
import { findMatchingCustomer, registerAccount } from './registration.ts';
import { SELF_SERVICE_RULES as RULES } from './throttle-rules.ts';
import { formString, render, type CodedError } from './view.ts';

/**
 * `GET/POST /account/register`. No enumeration: an unknown customer number and every wrong
 * detail get ONE answer (`details_mismatch`); every matching registration gets ONE answer
 * (`check_inbox`), whether an account was created, already existed, or the address is taken
 * (the account owners are told by e-mail instead). After repeated mismatches for a customer
 * number, that number gets only `too_many_attempts`, even with then-correct details.
 */
export function registerRoutes(deps: IdpRouteDeps): Hono<PageEnv> {
  const app = new Hono<PageEnv>();
  const portalUrl = accountLinks(deps.publicUrl).portal();

  const step1 = (c: Context<PageEnv>, lang: Language, values: { kind: string; customer: string }, errors: CodedError[], status: 200 | 400 | 429 = 200) =>
    render(c, { lang, title: registerText(lang).title, body: registerStep1(lang, values, errors, portalUrl), status });

  const step2 = (
    c: Context<PageEnv>,
    lang: Language,
    values: Step2Values,
    errors: CodedError[],
    message: ErrorCode | null,
    status: 200 | 400 | 429,
    headers?: Record<string, string>,
  ) =>
    render(c, {
      lang,
      title: registerText(lang).title,
      body: registerStep2(lang, values, errors, message ? { code: message, text: errorText(lang)[message] } : null, portalUrl),
      status,
      headers,
      currentUrl: `/account/register?${new URLSearchParams({ next: '1', kind: values.kind, customer: values.customer }).toString()}`,
    });

  app.get('/', (c) => {
    const lang = pickLang(c);
    const values = { kind: c.req.query('kind') ?? '', customer: c.req.query('customer') ?? '' };
    if (c.req.query('next') === undefined) return step1(c, lang, values, []);
    const chosen = readStep1(lang, values.kind, values.customer);
    if (!chosen.ok) return step1(c, lang, values, chosen.errors);
    return step2(c, lang, { kind: chosen.kind, customer: chosen.customerNumber, birthDate: '', postcode: '', taxNumber: '', email: '' }, [], null, 200);
  });

  app.post('/', async (c) => {
    const lang = pickLang(c);
    const form = await c.req.parseBody();
    const raw = (name: string) => formString(form, name);
    const step1Values = { kind: raw('kind'), customer: raw('customer') };
    const ip = await deps.throttle.hit(RULES.registerIp, clientAddress(c, deps.trustProxy));
    const chosen = readStep1(lang, step1Values.kind, step1Values.customer);
    if (!chosen.ok) return step1(c, lang, step1Values, chosen.errors, 400);

    const values: Step2Values = {
      kind: chosen.kind,
      customer: chosen.customerNumber,
      birthDate: raw('birthDate').trim(),
      postcode: raw('postcode').trim(),
      taxNumber: raw('taxNumber').trim(),
      email: raw('email').trim(),
    };
    const retry = (state: { retryAfter: number }) => ({ 'Retry-After': String(Math.max(1, state.retryAfter)) });
    if (!ip.allowed) return step2(c, lang, values, [], 'too_many_attempts', 429, retry(ip));

    const t = errorText(lang);
    const errors: CodedError[] = [];
    const error = (field: string, code: ErrorCode) => errors.push({ field, code, message: t[code] });
    const birthDate = chosen.kind === 'person' ? read.birthDate(values.birthDate) : null;
    const taxNumber = chosen.kind === 'company' ? read.taxNumber(values.taxNumber) : null;
    if (chosen.kind === 'person' && !birthDate) error('birthDate', 'birth_date_invalid');
    if (chosen.kind === 'company' && !taxNumber) error('taxNumber', 'tax_number_invalid');
    const postcode = read.postcode(values.postcode);
    if (!postcode) error('postcode', 'postcode_invalid');
    const email = read.email(values.email);
    if (!email) error('email', 'email_invalid');
    const password = raw('password');
    const policy = checkPasswordPolicy(password, { email: email ?? values.email, customerNumber: chosen.customerNumber });
    if (policy) errors.push({ field: 'password', code: policy.code, message: policy.message[lang] });
    else if (password !== raw('passwordConfirm')) error('passwordConfirm', 'password_mismatch');
    if (errors.length || !postcode || !email) return step2(c, lang, values, errors, null, 400);

    // Past the limit, a customer number gets only this answer, right or wrong. The try is counted
    // BEFORE the details are compared (a peek-then-count let a parallel burst through), and given
    // back if they match: only mismatches use up the limit.
    const customerState = await deps.throttle.hit(RULES.registerCustomer, chosen.customerNumber);
    if (!customerState.allowed) return step2(c, lang, values, [], 'too_many_attempts', 429, retry(customerState));

    const details = { kind: chosen.kind, customerNumber: chosen.customerNumber, birthDate, taxNumber, postcode };
    const customer = await findMatchingCustomer(deps.sequelize, details);
    if (!customer) return step2(c, lang, values, [], 'details_mismatch', 400);
    await deps.throttle.release(RULES.registerCustomer, chosen.customerNumber);

    // Hashed on every matching path, so "new account" and "already registered" take as long.
    const passwordHash = await hashPassword(password);
    const result = await registerAccount(deps.sequelize, deps.ports, { customer, email, passwordHash, language: lang, publicUrl: deps.publicUrl });
    deps.logger.info('registration_matched', { outcome: result.outcome, accountId: result.accountId });
    return render(c, { lang, title: registerText(lang).doneTitle, body: registerDone(lang, portalUrl), currentUrl: `/account/register` });
  });

  return app;
}

type Step1 = { ok: true; kind: read.CustomerKind; customerNumber: string } | { ok: false; errors: CodedError[] };

function readStep1(lang: Language, kindInput: string, customerInput: string): Step1 {
  const t = errorText(lang);
  const kind = read.customerKind(kindInput);
  const customerNumber = read.customerNumber(customerInput);
  const errors: CodedError[] = [];
  if (!kind) errors.push({ field: 'kind', code: 'kind_required', message: t.kind_required });
  if (!customerNumber) errors.push({ field: 'customer', code: 'customer_number_invalid', message: t.customer_number_invalid });
  return kind && customerNumber ? { ok: true, kind, customerNumber } : { ok: false, errors };
}
