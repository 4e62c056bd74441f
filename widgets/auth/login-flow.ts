import type { ApiClient } from '../api/api-client.ts';
import { ApiProblem } from '../api/api-problem.ts';
import type { SessionView } from '../api/schemas.ts';
import type { Lang } from '../i18n/lang.ts';
import type { DpopSession } from '../session/dpop-session.ts';

/** sessionStorage key of the one-time login secret across a redirect (never a token). */
const SECRET_KEY = 'gp-login-secret';
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

/**
 * This module is loaded on demand (a log-in, or a page coming back from one): most page views
 * never need it.
 *
 * Logs in through a popup on the insurer's origin. The popup (`openLoginPopup()`) is opened by the
 * caller first, synchronously in the click, so that popup blockers let it through; then the page makes a new non-extractable
 * key, and the API hands out the authorization URL and a one-time secret that stays in this
 * function's memory. The popup's result page posts a one-time ticket to this page's exact origin;
 * only a message from the API's origin and from that very popup is accepted. The ticket and the
 * secret are redeemed with a proof of the key, which binds the session to it; then the session is
 * confirmed with one authenticated call before anybody is told "logged in".
 *
 * Rejects with `ApiProblem('login_cancelled')` when the customer closes the popup.
 */
export async function loginWithPopup(api: ApiClient, session: DpopSession, popup: Window, options: LoginOptions): Promise<SessionView> {
  let started: LoginStarted;
  try {
    await newKey(session);
    started = await api.post<LoginStarted>('/session/login', { clientId: options.clientId, mode: 'popup', lang: options.lang });
  } catch (error) {
    popup.close();
    throw error;
  }
  const message = await popupResult(api, popup, started.authorizationUrl);
  if (message.type === 'gp-login-error') throw new ApiProblem(0, loginErrorCode(message.code));
  return redeem(api, session, message.ticket, started.loginSecret);
}

/**
 * Step-up: the customer proves who they are again in the log-in popup (`prompt=login`,
 * `max_age=300`) and the SAME session (same handle, same key) gets the fresh authentication, so
 * the change the API refused with `reauthentication_required` can be sent again as it was. The
 * popup is opened by the caller, synchronously in a click where possible.
 */
export async function reauthenticateWithPopup(api: ApiClient, popup: Window, options: Pick<LoginOptions, 'lang'>): Promise<void> {
  let started: LoginStarted;
  try {
    started = await api.post<LoginStarted>('/session/reauthentication', { lang: options.lang });
  } catch (error) {
    popup.close();
    throw error;
  }
  const message = await popupResult(api, popup, started.authorizationUrl);
  if (message.type === 'gp-login-error') throw new ApiProblem(0, loginErrorCode(message.code));
  await api.post('/session/reauthentication/ticket', { ticket: message.ticket, loginSecret: started.loginSecret });
}

/**
 * Sends the popup to the authorization URL and waits for its result page's message: only a
 * message from the API's origin and from that very popup counts. Rejects with
 * `ApiProblem('login_cancelled')` when the customer closes the popup.
 */
function popupResult(api: ApiClient, popup: Window, authorizationUrl: string): Promise<LoginMessage> {
  popup.location.href = authorizationUrl;
  return new Promise<LoginMessage>((resolve, reject) => {
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
}

/**
 * Leaves the page for the insurer's log-in and comes back to this very URL with `#gp-ticket=…`.
 * The one-time secret waits in sessionStorage (this tab, this origin), the new key in IndexedDB,
 * until the page is back. Without IndexedDB the key could not wait: `redirect_needs_storage`.
 */
export async function loginWithRedirect(api: ApiClient, session: DpopSession, options: LoginOptions): Promise<void> {
  if (!(await session.persistent())) throw new ApiProblem(0, 'redirect_needs_storage');
  await newKey(session);
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
export async function completeRedirectLogin(api: ApiClient, session: DpopSession): Promise<SessionView | undefined> {
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
  return redeem(api, session, ticket, secret);
}

/**
 * Redeems the ticket with a proof of the page's key, keeps the handle, and confirms the session
 * with one authenticated call. A session the browser cannot use (its key or handle was not kept)
 * is `session_not_confirmed`, never "expired".
 */
async function redeem(api: ApiClient, session: DpopSession, ticket: string, loginSecret: string): Promise<SessionView> {
  const started = await api.redeem<{ handle: string }>('/session', { ticket, loginSecret });
  await session.bind(started.handle);
  let view: SessionView;
  try {
    view = await api.get<SessionView>('/session');
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) throw new ApiProblem(0, 'session_not_confirmed');
    throw error;
  }
  if (!view.authenticated) throw new ApiProblem(0, 'session_not_confirmed');
  return view;
}

/** A new key for this log-in; a browser without WebCrypto (an old one, or a page not on https) cannot hold one. */
async function newKey(session: DpopSession): Promise<void> {
  try {
    await session.newKey();
  } catch {
    throw new ApiProblem(0, 'webcrypto_unavailable');
  }
}

/** The IdP's `access_denied` means the customer said no on the consent page. */
function loginErrorCode(code: string): string {
  return code === 'access_denied' ? 'login_denied' : 'login_failed';
}
