import { Hono, type Context } from 'hono';
import { hashPassword } from '../../common/accounts/password.ts';
import { checkPasswordPolicy } from '../accounts/password-policy.ts';
import { pickLang } from '../pages/language.ts';
import type { Language } from '../../common/language.ts';
import type { PageEnv } from '../pages/security.ts';
import type { IdpRouteDeps } from '../route-deps.ts';
import { accountLinks } from './account-links.ts';
import { clientAddress } from '../../common/security/client-address.ts';
import { linkUseRefused } from './common-pages.ts';
import { errorText } from './messages.ts';
import * as read from './normalise.ts';
import { forgotForm, forgotSent, passwordText, resetDone, resetForm, resetInvalid } from './password-pages.ts';
import { requestPasswordReset, resetPassword, resetTarget } from './password-reset.ts';
import { SELF_SERVICE_RULES as RULES } from './throttle-rules.ts';
import { formString, render, type CodedError } from './view.ts';

/**
 * `GET/POST /account/forgot-password`: always the same answer, whether or not the address
 * has an account. `GET /account/reset-password?token=` checks the link without using it;
 * `POST` uses it, sets the password, ends every session, and never logs anyone in.
 */
export function passwordRoutes(deps: IdpRouteDeps): Hono<PageEnv> {
  const app = new Hono<PageEnv>();
  const portalUrl = accountLinks(deps.publicUrl).portal();
  const retryAfter = (state: { retryAfter: number }) => ({ 'Retry-After': String(Math.max(1, state.retryAfter)) });
  const invalid = (c: Context<PageEnv>, lang: Language) =>
    render(c, { lang, title: passwordText(lang).invalidTitle, body: resetInvalid(lang), status: 400, currentUrl: '/account/forgot-password' });

  app.get('/forgot-password', (c) => {
    const lang = pickLang(c);
    return render(c, { lang, title: passwordText(lang).forgotTitle, body: forgotForm(lang, '', [], null, portalUrl) });
  });

  app.post('/forgot-password', async (c) => {
    const lang = pickLang(c);
    const t = errorText(lang);
    const title = passwordText(lang).forgotTitle;
    const input = formString(await c.req.parseBody(), 'email').trim();
    const ip = await deps.throttle.hit(RULES.emailLinkIp, clientAddress(c, deps.trustProxy));
    const email = read.email(input);
    if (!email) {
      const errors: CodedError[] = [{ field: 'email', code: 'email_invalid', message: t.email_invalid }];
      return render(c, { lang, title, body: forgotForm(lang, input, errors, null, portalUrl), status: 400 });
    }
    // Counted for every address, known or not, so the limit itself reveals nothing.
    const address = await deps.throttle.hit(RULES.emailLinkAddress, email);
    if (!ip.allowed || !address.allowed) {
      const body = forgotForm(lang, input, [], { code: 'too_many_attempts', text: t.too_many_attempts }, portalUrl);
      return render(c, { lang, title, body, status: 429, headers: retryAfter(ip.allowed ? address : ip) });
    }
    await requestPasswordReset(deps.sequelize, deps.ports, { email, language: lang, publicUrl: deps.publicUrl });
    return render(c, { lang, title: passwordText(lang).sentTitle, body: forgotSent(lang, portalUrl), currentUrl: '/account/forgot-password' });
  });

  app.get('/reset-password', async (c) => {
    const lang = pickLang(c);
    const token = c.req.query('token') ?? '';
    if (!(await resetTarget(deps.sequelize, token))) return invalid(c, lang);
    return render(c, { lang, title: passwordText(lang).resetTitle, body: resetForm(lang, token, []) });
  });

  app.post('/reset-password', async (c) => {
    const lang = pickLang(c);
    const form = await c.req.parseBody();
    const token = formString(form, 'token');
    const refused = await linkUseRefused(c, deps, lang, portalUrl);
    if (refused) return refused;
    const target = await resetTarget(deps.sequelize, token);
    if (!target) return invalid(c, lang);

    const password = formString(form, 'password');
    const policy = checkPasswordPolicy(password, { email: target.email, customerNumber: target.customerNumber });
    const errors: CodedError[] = [];
    if (policy) errors.push({ field: 'password', code: policy.code, message: policy.message[lang] });
    else if (password !== formString(form, 'passwordConfirm'))
      errors.push({ field: 'passwordConfirm', code: 'password_mismatch', message: errorText(lang).password_mismatch });
    if (errors.length) {
      const currentUrl = `/account/reset-password?${new URLSearchParams({ token }).toString()}`;
      return render(c, { lang, title: passwordText(lang).resetTitle, body: resetForm(lang, token, errors), status: 400, currentUrl });
    }

    const passwordHash = await hashPassword(password);
    if (!(await resetPassword(deps.sequelize, deps.ports, { token, passwordHash, language: lang, publicUrl: deps.publicUrl }))) return invalid(c, lang);
    deps.logger.info('password_reset', { accountId: target.accountId });
    return render(c, { lang, title: passwordText(lang).doneTitle, body: resetDone(lang, portalUrl), currentUrl: '/account/forgot-password' });
  });

  return app;
}
