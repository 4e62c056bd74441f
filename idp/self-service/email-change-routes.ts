import type { Hono } from 'hono';
import type { PageEnv } from '../pages/security.ts';
import type { IdpRouteDeps } from '../route-deps.ts';
import { confirmEmailChange } from './email-change.ts';
import { emailChangeConfirmPage, emailChangeDone, emailChangeFailed, emailChangeInvalid, emailChangeText } from './email-change-pages.ts';
import { emailedLinkRoutes } from './emailed-link-routes.ts';

/**
 * `GET /account/confirm-email-change?token=` shows a button and uses nothing up (mail scanners
 * fetch links); `POST` uses the link once and switches the login name and the contact address
 * to the new address (ending every session, and sending the previous address an undo link).
 */
export function emailChangeRoutes(deps: IdpRouteDeps): Hono<PageEnv> {
  return emailedLinkRoutes(deps, {
    peek: async (token) => !!(await deps.ports.emailChange.peek(token)),
    confirmPage: (lang, token) => ({ title: emailChangeText(lang).title, body: emailChangeConfirmPage(lang, token) }),
    unusablePage: (lang, portalUrl) => ({ title: emailChangeText(lang).invalidTitle, body: emailChangeInvalid(lang, portalUrl), currentUrl: '/' }),
    async use(token, lang, portalUrl) {
      const result = await confirmEmailChange(deps.sequelize, deps.ports, { token, publicUrl: deps.publicUrl });
      if (result === 'invalid') return 'unusable';
      if (result === 'failed') return { title: emailChangeText(lang).failedTitle, body: emailChangeFailed(lang, portalUrl), status: 409, currentUrl: '/' };
      return { title: emailChangeText(lang).doneTitle, body: emailChangeDone(lang, portalUrl), currentUrl: '/' };
    },
  });
}
