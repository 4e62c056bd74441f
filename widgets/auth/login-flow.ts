import type { ApiClient } from '../api/api-client.ts';
import { ApiProblem } from '../api/api-problem.ts';
import type { SessionView } from '../api/schemas.ts';
import type { Lang } from '../i18n/lang.ts';

/** sessionStorage key of the one-time login secret across a redirect (never a token). */
const SECRET_KEY = 'gp-login-secret';
const POPUP_NAME = 'gp-login';
const POPUP_CLOSED_POLL_MS = 400;
const POPUP_CLOSED_GRACE_MS = 1000;

interface LoginStarted {
  authorizationUrl: string;
  loginSecret: string;
}

type LoginMessage = { type: 'gp-login'; ticket: string } | { type: 'gp-login-error'; code: string };

export interface LoginOptions {
  clientId: string;
  lang: Lang;
}

/** The popup could not be opened (a blocker): the caller may fall back to the redirect. */
export class PopupBlockedError extends Error {
  override readonly name = 'PopupBlockedError';
}

/**
 * Logs in through a popup on the insurer's origin. The popup is opened first, synchronously in
 * the click, so that popup blockers let it through; then the API hands out the authorization URL
 * and a one-time secret that stays in this function's memory. The popup's result page posts a
 * one-time ticket to this page's exact origin; only a message from the API's origin and from
 * that very popup is accepted. The ticket and the secret are redeemed for the session cookie.
 *
 * Rejects with `ApiProblem('login_cancelled')` when the customer closes the popup, with a
 * PopupBlockedError when no popup could be opened.
 */
export async function loginWithPopup(api: ApiClient, options: LoginOptions): Promise<SessionView> {
  const popup = openCentredPopup();
  if (!popup) throw new PopupBlockedError('The login popup was blocked');
  let started: LoginStarted;
  try {
    started = await api.post<LoginStarted>('/session/login', { clientId: options.clientId, mode: 'popup', lang: options.lang });
  } catch (error) {
    popup.close();
    throw error;
  }
  popup.location.href = started.authorizationUrl;

  const message = await new Promise<LoginMessage>((resolve, reject) => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== api.origin || event.source !== popup) return;
      const data = event.data as Partial<LoginMessage> | null;
      if (data?.type === 'gp-login' && typeof data.ticket === 'string') finish(() => resolve(data as LoginMessage));
      else if (data?.type === 'gp-login-error') finish(() => resolve({ type: 'gp-login-error', code: String(data.code) }));
    };
    // The result page posts its message and closes at once; on a busy machine `closed` can turn
    // true before the message is delivered (the popup is another process): wait a moment for it.
    let grace: ReturnType<typeof setTimeout> | undefined;
    const watch = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(watch);
      grace = setTimeout(() => finish(() => reject(new ApiProblem(0, 'login_cancelled'))), POPUP_CLOSED_GRACE_MS);
    }, POPUP_CLOSED_POLL_MS);
    const finish = (settle: () => void) => {
      clearInterval(watch);
      clearTimeout(grace);
      window.removeEventListener('message', onMessage);
      settle();
    };
    window.addEventListener('message', onMessage);
  });
  if (message.type === 'gp-login-error') throw new ApiProblem(0, loginErrorCode(message.code));
  return redeem(api, message.ticket, started.loginSecret);
}

/**
 * Leaves the page for the insurer's log-in and comes back to this very URL with `#gp-ticket=…`.
 * The one-time secret waits in sessionStorage (this tab, this origin) until the page is back.
 */
export async function loginWithRedirect(api: ApiClient, options: LoginOptions): Promise<void> {
  const returnTo = new URL(location.href);
  returnTo.hash = '';
  const started = await api.post<LoginStarted>('/session/login', { clientId: options.clientId, mode: 'redirect', lang: options.lang, returnTo: returnTo.href });
  sessionStorage.setItem(SECRET_KEY, started.loginSecret);
  location.assign(started.authorizationUrl);
}

/**
 * Finishes a redirect login when this page load carries its result in the fragment. The fragment
 * is removed from the address bar at once (it must not stay in history or be bookmarked).
 * Resolves to undefined when there is nothing to finish.
 */
export async function completeRedirectLogin(api: ApiClient): Promise<SessionView | undefined> {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const ticket = fragment.get('gp-ticket');
  const error = fragment.get('gp-login-error');
  if (ticket === null && error === null) return undefined;

  const clean = new URL(location.href);
  clean.hash = '';
  history.replaceState(history.state, '', clean.href);
  const secret = sessionStorage.getItem(SECRET_KEY);
  sessionStorage.removeItem(SECRET_KEY);

  if (error !== null) throw new ApiProblem(0, loginErrorCode(error));
  if (!ticket || !secret) throw new ApiProblem(0, 'ticket_invalid');
  return redeem(api, ticket, secret);
}

function redeem(api: ApiClient, ticket: string, loginSecret: string): Promise<SessionView> {
  return api.post<SessionView>('/session', { ticket, loginSecret });
}

/** The IdP's `access_denied` means the customer said no on the consent page. */
function loginErrorCode(code: string): string {
  return code === 'access_denied' ? 'login_denied' : 'login_failed';
}

function openCentredPopup(): Window | null {
  const width = 520;
  const height = 720;
  const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - width) / 2));
  const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - height) / 2));
  // No `noopener`: the result page must reach this window through window.opener.
  return window.open('about:blank', POPUP_NAME, `popup=yes,width=${width},height=${height},left=${left},top=${top}`);
}
