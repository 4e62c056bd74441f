import { Hono, type Context } from 'hono';
import { pickLang } from '../pages/language.ts';
import type { Language } from '../../common/language.ts';
import type { PageEnv } from '../pages/security.ts';
import type { IdpRouteDeps } from '../route-deps.ts';
import { accountLinks } from './account-links.ts';
import { linkUseRefused } from './common-pages.ts';
import { confirmEmailChange } from './email-change.ts';
import { emailChangeConfirmPage, emailChangeDone, emailChangeFailed, emailChangeInvalid, emailChangeText } from './email-change-pages.ts';
import { formString, render } from './view.ts';

/**
 * `GET /account/confirm-email-change?token=` shows a button and uses nothing up (mail scanners
 * fetch links); `POST` uses the link once and switches the login name and the contact address
 * to the new address (ending every session, and sending the previous address an undo link).
 */
export function emailChangeRoutes(deps: IdpRouteDeps): Hono<PageEnv> {
  const app = new Hono<PageEnv>();
  const portalUrl = accountLinks(deps.publicUrl).portal();
  const invalid = (c: Context<PageEnv>, lang: Language) =>
    render(c, { lang, title: emailChangeText(lang).invalidTitle, body: emailChangeInvalid(lang, portalUrl), status: 400, currentUrl: '/' });

  app.get('/', async (c) => {
    const lang = pickLang(c);
    const token = c.req.query('token') ?? '';
    if (!(await deps.ports.emailChange.peek(token))) return invalid(c, lang);
    return render(c, { lang, title: emailChangeText(lang).title, body: emailChangeConfirmPage(lang, token) });
  });

  app.post('/', async (c) => {
    const lang = pickLang(c);
    const token = formString(await c.req.parseBody(), 'token');
    const refused = await linkUseRefused(c, deps, lang, portalUrl);
    if (refused) return refused;
    const result = await confirmEmailChange(deps.sequelize, deps.ports, { token, publicUrl: deps.publicUrl });
    if (result === 'invalid') return invalid(c, lang);
    if (result === 'failed') {
      return render(c, { lang, title: emailChangeText(lang).failedTitle, body: emailChangeFailed(lang, portalUrl), status: 409, currentUrl: '/' });
    }
    return render(c, { lang, title: emailChangeText(lang).doneTitle, body: emailChangeDone(lang, portalUrl), currentUrl: '/' });
  });

  return app;
}
