import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Sequelize } from 'sequelize';
import { contentSecurityPolicy, nonceSource } from '../common/http/csp.ts';
import type { TrustProxy } from '../common/http/trust-proxy.ts';
import { clientAddress } from '../common/security/client-address.ts';
import { Throttle, type ThrottleRule } from '../common/security/throttle.ts';
import { pickLang } from './pages/language.ts';
import type { PageEnv } from './pages/security.ts';
import { accountLinks } from './self-service/account-links.ts';
import { tooManyPage, tooManyText } from './self-service/common-pages.ts';
import { render } from './self-service/view.ts';

/**
 * Every authorization request (`/oidc/auth`, and its resumption after the login page) stores an
 * interaction and a cookie's session before anyone has logged in: per client address, at most
 * this many in ten minutes. A customer's login takes two; a whole office or a mobile carrier's
 * shared address stays far below it, a script creating rows does not.
 */
export const AUTHORIZATION_ADDRESS_RULE: ThrottleRule = { name: 'oidc-auth-address', limit: 300, windowSeconds: 600 };

export interface AuthorizationThrottleDeps {
  sequelize: Sequelize;
  publicUrl: URL;
  /** `TRUST_PROXY`: whose `X-Forwarded-For` names the client. */
  trustProxy: TrustProxy | null;
  throttle?: Throttle;
  rule?: ThrottleRule;
}

/** Put before the provider's mount; past the limit answers the "too many tries" page (429) in the IdP's look. */
export function authorizationThrottle(deps: AuthorizationThrottleDeps): MiddlewareHandler<PageEnv> {
  const throttle = deps.throttle ?? new Throttle(deps.sequelize);
  const rule = deps.rule ?? AUTHORIZATION_ADDRESS_RULE;
  const portalUrl = accountLinks(deps.publicUrl).portal();
  return async function authorizationThrottle(c, next) {
    const state = await throttle.hit(rule, clientAddress(c, deps.trustProxy));
    if (state.allowed) return next();
    // The page kit's headers, without idpPageSecurity's same-origin POST check: partners may POST here.
    const nonce = randomBytes(16).toString('base64');
    c.set('nonce', nonce);
    const lang = pickLang(c, c.req.query('ui_locales'));
    return render(c, {
      lang,
      title: tooManyText(lang).title,
      body: tooManyPage(lang, portalUrl),
      status: 429,
      currentUrl: '/',
      headers: {
        'Retry-After': String(Math.max(1, state.retryAfter)),
        'Content-Security-Policy': contentSecurityPolicy({ 'script-src': [nonceSource(nonce)], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'] }),
        'Cache-Control': 'no-store',
        'X-Frame-Options': 'DENY',
        'Referrer-Policy': 'same-origin',
      },
    });
  };
}
