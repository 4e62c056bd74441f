import { createHash, randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { PageEnv } from '../pages/security.ts';
import { pickLang } from '../pages/language.ts';
import type { Language } from '../../common/language.ts';
import type { IdpRouteDeps } from '../route-deps.ts';
import { render } from '../self-service/view.ts';
import { ACCOUNT_PAGES_CALLBACK, ACCOUNT_PAGES_CLIENT_ID } from './account-pages-client.ts';
import { signInCancelledPage } from './pages.ts';
import { securityText } from './text.ts';

/** The account pages a log-in may lead back to (never a URL from the request: no open redirect). */
const TARGETS = { security: '/account/security', 'change-password': '/account/change-password' } as const;
export type SignInTarget = keyof typeof TARGETS;

const COOKIE = 'gp_account_signin';

/** Where an account page sends a browser without a (fresh enough) IdP session. */
export function signInUrl(target: SignInTarget, lang: Language, fresh: boolean): string {
  const query = new URLSearchParams({ to: target, lang, ...(fresh ? { fresh: '1' } : {}) });
  return `/account/sign-in?${query.toString()}`;
}

/**
 * `GET /account/sign-in?to=&fresh=`: starts an authorization request of the account pages'
 * client (see ./account-pages-client.ts); with `fresh=1` it says `prompt=login`, so the customer
 * logs in again whatever the session's age (step-up). `GET /account/signed-in`: the provider's
 * answer; the state must be the one this browser was given, then the page it asked for (a
 * cancelled log-in gets a page that says so, with a way to try again).
 */
export function signInRoutes(deps: IdpRouteDeps): Hono<PageEnv> {
  const app = new Hono<PageEnv>();
  const secure = deps.publicUrl.protocol === 'https:';

  app.get('/sign-in', (c) => {
    const lang = pickLang(c);
    const to = c.req.query('to');
    const target: SignInTarget = to === 'change-password' ? 'change-password' : 'security';
    const state = `${randomBytes(16).toString('base64url')}.${target}`;
    setCookie(c, COOKIE, state, { path: ACCOUNT_PAGES_CALLBACK, httpOnly: true, sameSite: 'Lax', secure, maxAge: 15 * 60 });
    const challenge = createHash('sha256').update(randomBytes(32)).digest('base64url');
    const query = new URLSearchParams({
      client_id: ACCOUNT_PAGES_CLIENT_ID,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: `${deps.publicUrl.origin}${ACCOUNT_PAGES_CALLBACK}`,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ui_locales: lang,
      ...(c.req.query('fresh') === '1' ? { prompt: 'login' } : {}),
    });
    return c.redirect(`/oidc/auth?${query.toString()}`, 303);
  });

  app.get('/signed-in', (c) => {
    const lang = pickLang(c);
    const expected = getCookie(c, COOKIE);
    const state = c.req.query('state');
    deleteCookie(c, COOKIE, { path: ACCOUNT_PAGES_CALLBACK, secure });
    // The customer cancelled the log-in (`error=access_denied`): say so, rather than asking again at once.
    if (c.req.query('error'))
      return render(c, { lang, title: securityText(lang).securityTitle, body: signInCancelledPage(lang), currentUrl: `/account/security?lang=${lang}` });
    const target = state && state === expected ? state.split('.')[1] : undefined;
    const path = target === 'change-password' || target === 'security' ? TARGETS[target] : TARGETS.security;
    return c.redirect(`${path}?lang=${lang}`, 303);
  });

  return app;
}
