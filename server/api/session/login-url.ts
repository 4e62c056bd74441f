import * as oidc from 'openid-client';
import type { IdpClient } from '../../domain/session/idp-client.ts';
import type { NewLogin } from '../../domain/session/login-states.ts';
import { REAUTHENTICATION_MAX_AGE_SECONDS } from '../../domain/session/step-up.ts';
import type { Language } from '../../../common/language.ts';

/** The scopes the API asks for: identity claims for the session, `portal` for the API itself. */
export const LOGIN_SCOPE = 'openid profile email customer portal';

/** The IdP's authorization URL of a new log-in (PKCE, state, nonce), for the popup or the whole page. */
export function loginUrl(config: oidc.Configuration, idp: IdpClient, login: NewLogin, lang: Language | undefined): URL {
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: idp.redirectUri,
    scope: LOGIN_SCOPE,
    code_challenge: login.codeChallenge,
    code_challenge_method: 'S256',
    state: login.state,
    nonce: login.nonce,
    // Every widget log-in asks for the password, also when this browser still holds the IdP's
    // own session (a previous customer's, on a shared computer, who only logged out of the
    // portal or just closed the tab): no silent log-in as somebody else. Step-up needs it anyway.
    prompt: 'login',
    // With max_age the IdP states `auth_time` in the ID token; the session keeps it for step-up.
    max_age: String(REAUTHENTICATION_MAX_AGE_SECONDS),
    ...(lang ? { ui_locales: lang } : {}),
  });
}
