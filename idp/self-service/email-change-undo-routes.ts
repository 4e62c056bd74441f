import { Hono, type Context } from 'hono';
import { pickLang } from '../pages/language.ts';
import type { Language } from '../../common/language.ts';
import type { PageEnv } from '../pages/security.ts';
import type { IdpRouteDeps } from '../route-deps.ts';
import { peekToken } from '../../common/accounts/account-tokens.ts';
import { accountLinks } from './account-links.ts';
import { linkUseRefused } from './common-pages.ts';
import { undoEmailChange } from './email-change.ts';
import {
  emailChangeUndoConfirmPage,
  emailChangeUndoFailed,
  emailChangeUndoInvalid,
  emailChangeUndone,
  emailChangeUndoText,
} from './email-change-undo-pages.ts';
import { formString, render } from './view.ts';

/**
 * `GET /account/undo-email-change?token=` shows a button and uses nothing up (mail scanners
 * fetch links); `POST` uses the link once: the previous address is the login again, every
 * session ends, and the answer links to a fresh password reset.
 */
export function emailChangeUndoRoutes(deps: IdpRouteDeps): Hono<PageEnv> {
  const app = new Hono<PageEnv>();
  const portalUrl = accountLinks(deps.publicUrl).portal();
  const invalid = (c: Context<PageEnv>, lang: Language) =>
    render(c, { lang, title: emailChangeUndoText(lang).invalidTitle, body: emailChangeUndoInvalid(lang, portalUrl), status: 400, currentUrl: '/' });

  app.get('/', async (c) => {
    const lang = pickLang(c);
    const token = c.req.query('token') ?? '';
    if (!(await peekToken(deps.sequelize, token, 'undo_email_change'))) return invalid(c, lang);
    return render(c, { lang, title: emailChangeUndoText(lang).title, body: emailChangeUndoConfirmPage(lang, token) });
  });

  app.post('/', async (c) => {
    const lang = pickLang(c);
    const token = formString(await c.req.parseBody(), 'token');
    const refused = await linkUseRefused(c, deps, lang, portalUrl);
    if (refused) return refused;
    const result = await undoEmailChange(deps.sequelize, deps.ports, { token, publicUrl: deps.publicUrl });
    if (result.outcome === 'invalid') return invalid(c, lang);
    if (result.outcome !== 'restored') {
      return render(c, { lang, title: emailChangeUndoText(lang).failedTitle, body: emailChangeUndoFailed(lang, portalUrl), status: 409, currentUrl: '/' });
    }
    return render(c, { lang, title: emailChangeUndoText(lang).doneTitle, body: emailChangeUndone(lang, result.resetUrl), currentUrl: '/' });
  });

  return app;
}
