import type { Hono } from 'hono';
import type { PageEnv } from '../pages/security.ts';
import type { IdpRouteDeps } from '../route-deps.ts';
import { peekToken } from '../../common/accounts/account-tokens.ts';
import { undoEmailChange } from './email-change.ts';
import {
  emailChangeUndoConfirmPage,
  emailChangeUndoFailed,
  emailChangeUndoInvalid,
  emailChangeUndone,
  emailChangeUndoText,
} from './email-change-undo-pages.ts';
import { emailedLinkRoutes } from './emailed-link-routes.ts';

/**
 * `GET /account/undo-email-change?token=` shows a button and uses nothing up (mail scanners
 * fetch links); `POST` uses the link once: the previous address is the login again, every
 * session ends, and the answer links to a fresh password reset.
 */
export function emailChangeUndoRoutes(deps: IdpRouteDeps): Hono<PageEnv> {
  return emailedLinkRoutes(deps, {
    peek: async (token) => !!(await peekToken(deps.sequelize, token, 'undo_email_change')),
    confirmPage: (lang, token) => ({ title: emailChangeUndoText(lang).title, body: emailChangeUndoConfirmPage(lang, token) }),
    unusablePage: (lang, portalUrl) => ({ title: emailChangeUndoText(lang).invalidTitle, body: emailChangeUndoInvalid(lang, portalUrl), currentUrl: '/' }),
    async use(token, lang, portalUrl) {
      const result = await undoEmailChange(deps.sequelize, deps.ports, { token, publicUrl: deps.publicUrl });
      if (result.outcome === 'invalid') return 'unusable';
      if (result.outcome !== 'restored') {
        return { title: emailChangeUndoText(lang).failedTitle, body: emailChangeUndoFailed(lang, portalUrl), status: 409, currentUrl: '/' };
      }
      return { title: emailChangeUndoText(lang).doneTitle, body: emailChangeUndone(lang, result.resetUrl), currentUrl: '/' };
    },
  });
}
