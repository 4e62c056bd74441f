import type { Hono } from 'hono';
import { pickLang } from '../pages/language.ts';
import type { PageEnv } from '../pages/security.ts';
import type { IdpRouteDeps } from '../route-deps.ts';
import { accountLinks } from './account-links.ts';
import { peekToken } from '../../common/accounts/account-tokens.ts';
import { clientAddress } from '../../common/security/client-address.ts';
import { emailedLinkRoutes } from './emailed-link-routes.ts';
import { errorText } from './messages.ts';
import * as read from './normalise.ts';
import { SELF_SERVICE_RULES as RULES } from './throttle-rules.ts';
import { confirmEmail, resendVerification } from './verification.ts';
import { resendForm, resendSent, verifyConfirm, verifyDone, verifyInvalid, verifyText } from './verify-email-pages.ts';
import { formString, render, type CodedError } from './view.ts';

/**
 * `GET /account/verify-email?token=` shows a button and uses nothing up (mail scanners fetch
 * links); `POST` uses the link once and verifies the address (see emailed-link-routes.ts).
 * `…/resend` sends a new link, answering the same whether or not an unverified account has the address.
 */
export function verifyEmailRoutes(deps: IdpRouteDeps): Hono<PageEnv> {
  const resendUrl = '/account/verify-email/resend';
  const app = emailedLinkRoutes(deps, {
    peek: async (token) => !!(await peekToken(deps.sequelize, token, 'verify_email')),
    confirmPage: (lang, token) => ({ title: verifyText(lang).title, body: verifyConfirm(lang, token) }),
    unusablePage: (lang, portalUrl) => ({ title: verifyText(lang).invalidTitle, body: verifyInvalid(lang, portalUrl), currentUrl: resendUrl }),
    async use(token, lang, portalUrl) {
      if (!(await confirmEmail(deps.sequelize, deps.ports, token))) return 'unusable';
      return { title: verifyText(lang).doneTitle, body: verifyDone(lang, portalUrl), currentUrl: resendUrl };
    },
  });
  const portalUrl = accountLinks(deps.publicUrl).portal();

  app.get('/resend', (c) => {
    const lang = pickLang(c);
    return render(c, { lang, title: verifyText(lang).resendTitle, body: resendForm(lang, '', [], null) });
  });

  app.post('/resend', async (c) => {
    const lang = pickLang(c);
    const input = formString(await c.req.parseBody(), 'email').trim();
    const title = verifyText(lang).resendTitle;
    const t = errorText(lang);
    const ip = await deps.throttle.hit(RULES.emailLinkIp, clientAddress(c, deps.trustProxy));
    const email = read.email(input);
    if (!email) {
      const errors: CodedError[] = [{ field: 'email', code: 'email_invalid', message: t.email_invalid }];
      return render(c, { lang, title, body: resendForm(lang, input, errors, null), status: 400 });
    }
    const address = await deps.throttle.hit(RULES.emailLinkAddress, email);
    if (!ip.allowed || !address.allowed) {
      const body = resendForm(lang, input, [], { code: 'too_many_attempts', text: t.too_many_attempts });
      return render(c, { lang, title, body, status: 429, headers: { 'Retry-After': String(Math.max(1, (ip.allowed ? address : ip).retryAfter)) } });
    }
    await resendVerification(deps.sequelize, deps.ports, { email, language: lang, publicUrl: deps.publicUrl });
    return render(c, { lang, title: verifyText(lang).sentTitle, body: resendSent(lang, portalUrl) });
  });

  return app;
}
