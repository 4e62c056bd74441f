import { ContextProvider } from '@lit/context';
import { html, LitElement, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiClient } from '../../api/api-client.ts';
import { ApiProblem } from '../../api/api-problem.ts';
import type { SessionView } from '../../api/schemas.ts';
import { DpopSession } from '../../session/dpop-session.ts';
import { openKeyStore } from '../../session/key-store.ts';
import { openLoginPopup } from '../../auth/login-popup.ts';
import { rememberFocus } from '../../auth/return-focus.ts';
import { toLoginMode, type LoginMode } from '../../auth/login-mode.ts';
import type { SessionState } from '../../auth/session-state.ts';
import { portalContext, type PortalContext } from '../../context/portal-context.ts';
import { GpLangChangedEvent } from '../../events/lang-changed.ts';
import { GpErrorEvent } from '../../events/error.ts';
import { GpLoginEvent } from '../../events/login.ts';
import { GpLoginRequestedEvent } from '../../events/login-requested.ts';
import { GpLogoutEvent } from '../../events/logout.ts';
import { DEFAULT_LANG, LANG_NAMES, LANGS, langOfAttribute, type Lang } from '../../i18n/lang.ts';
import { LocalizeController } from '../../internal/localize-controller.ts';
import { INSURER_NAME } from '../../internal/brand.ts';
import { normalizeApiBase, scriptOrigin } from '../../internal/script-origin.ts';
import { base } from '../../styles/base.ts';
import { button } from '../../styles/button.ts';
import { states } from '../../styles/states.ts';
import { renderLoading } from '../../internal/states.ts';
import { tokens } from '../../styles/tokens.ts';
import styles from './portal.styles.ts';

const shield = svg`<path fill="currentColor" d="M12 1.5 3 5v6.2c0 5.3 3.8 10.2 9 11.3 5.2-1.1 9-6 9-11.3V5l-9-3.5Z"/><path class="mark" d="m10.6 15.6-3.3-3.3 1.4-1.4 1.9 1.9 4.7-4.7 1.4 1.4-6.1 6.1Z"/>`;
const lock = svg`<path fill="currentColor" d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 5a3 3 0 1 1 6 0v3H9V7Zm3 7a1.5 1.5 0 0 1 .8 2.8V18h-1.6v-1.2A1.5 1.5 0 0 1 12 14Z"/>`;
const cross = svg`<path fill="currentColor" d="M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4l5.6 5.6L5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4Z"/>`;
const arrow = svg`<path fill="currentColor" d="M10 17l5-5-5-5-1.4 1.4 2.6 2.6H3v2h8.2l-2.6 2.6L10 17Zm9 2h-6v2h6a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2h-6v2h6v14Z"/>`;

/**
 * The root of the customer portal. A partner page places it once; the other widgets go inside it
 * and take the language, the API base and the client id from it (through `@lit/context`).
 *
 * The session is key-bound: the page holds a handle and a non-extractable key (in its own
 * IndexedDB, else in memory, which it then tells the customer) and signs a proof with every API
 * call; no cookie is involved. On load it finishes a redirect log-in when the address carries
 * one, else asks the API about the handle it holds (none held: nobody is logged in, no call).
 * A log-in counts once one authenticated call has confirmed it. While nobody is logged in it shows the logged-out state:
 * a heading, a short explanation and a log-in button; the widgets inside stay hidden. Logged in,
 * the header shows who it is and a log-out button, and the widgets appear. When the API says the
 * session is gone (401), every widget is told through the context and `gp-logout` fires.
 *
 * @summary The customer portal's root element: header, language switch, log-in, and the widgets.
 *
 * @event {GpLoginRequestedEvent} gp-login-requested - The customer pressed the log-in button.
 *   Bubbles, composed, cancelable (`preventDefault()`: the page runs the log-in itself);
 *   `event.loginMode` is the configured `login-mode`.
 * @event {GpLoginEvent} gp-login - A customer is logged in (`event.reason`: `login` or `restored`).
 * @event {GpLogoutEvent} gp-logout - The session ended (`event.reason`: `logout` or `expired`).
 * @event {GpErrorEvent} gp-error - The log-in or log-out failed (`event.code`).
 * @event {GpLangChangedEvent} gp-lang-changed - The customer switched the language
 *   (`event.lang`, `event.previousLang`). Not fired when the page sets `lang`.
 *
 * @slot - The portal's widgets (`<gp-policy-list>`, `<gp-invoice-pay>` …) and any page content.
 *
 * @csspart base - The portal's frame (a labelled region landmark).
 * @csspart header - The header bar.
 * @csspart brand - The insurer's logo and name.
 * @csspart logo - The insurer's logo.
 * @csspart insurer - The insurer's name.
 * @csspart title - The "Customer portal" title.
 * @csspart lang-switch - The language switch group.
 * @csspart lang-button - Each language button (`[aria-pressed="true"]` is the current one).
 * @csspart body - The area under the header.
 * @csspart login-panel - The logged-out state.
 * @csspart login-heading - The logged-out heading.
 * @csspart login-text - The logged-out explanation.
 * @csspart login-button - The log-in button.
 * @csspart login-hint - The registration hint under the log-in button.
 * @csspart content - The wrapper of the default slot (hidden while nobody is logged in or nothing is slotted).
 * @csspart account - The logged-in customer's name, customer number and the log-out button.
 * @csspart customer-name - The logged-in customer's name.
 * @csspart customer-number - The logged-in customer's number.
 * @csspart logout-button - The log-out button.
 * @csspart notice-bar - The notice and its close button (hidden while there is no notice).
 * @csspart notice - The live region announcing log-in, log-out and their failures.
 * @csspart notice-dismiss - The notice's close button. A notice also goes away when an overview
 *   item leads to another view (`gp-navigate`), or when the page calls `dismissNotice()`.
 * @csspart storage-notice - The note, while logged in, that this browser keeps the log-in only until the page closes.
 *
 * @cssproperty --gp-color-primary - Brand colour: buttons, header rule, logo. Default `#0a4a86`.
 * @cssproperty --gp-color-primary-hover - Primary buttons under the pointer.
 * @cssproperty --gp-color-on-primary - Text on the primary colour. Default `#ffffff`.
 * @cssproperty --gp-color-accent - Secondary brand colour.
 * @cssproperty --gp-color-surface - The widget's background. Default `#ffffff`.
 * @cssproperty --gp-color-surface-alt - Header and subtle panels.
 * @cssproperty --gp-color-text - Body text.
 * @cssproperty --gp-color-text-muted - Secondary text.
 * @cssproperty --gp-color-border - Borders and dividers.
 * @cssproperty --gp-color-focus - The keyboard focus ring.
 * @cssproperty --gp-color-danger - Errors.
 * @cssproperty --gp-color-success - Confirmations.
 * @cssproperty --gp-color-warning - Warnings (overdue invoices).
 * @cssproperty --gp-font-family - A font stack. Default: the page's font (inherited).
 * @cssproperty --gp-font-size - Base font size. Default `1rem`.
 * @cssproperty --gp-radius - Corner radius. Default `0.5rem`.
 * @cssproperty --gp-spacing - The spacing unit every gap is a multiple of. Default `1rem`.
 * @cssproperty --gp-shadow - The frame's shadow.
 *
 * Colours follow the page's `color-scheme` (`light`, `dark`).
 */
export default class GpPortal extends LitElement {
  static override styles = [tokens, base, button, states, styles];

  /**
   * The language: `hu` (default) or `en`. Other tags map by their primary subtag (`en-GB` → `en`), else `hu`.
   *
   * Not reflected: the global `lang` attribute on the host would also re-label the page's own
   * slotted content, which stays in the page's language. The shadow content carries `lang` itself.
   */
  @property({ converter: { fromAttribute: langOfAttribute } })
  override accessor lang: Lang = DEFAULT_LANG;

  /** The insurer API's base URL (`https://portal.example/api`; a bare origin means its `/api`). Default: `/api` on the origin this script was loaded from. */
  @property() accessor api: string = scriptOrigin;

  /** The partner's registered OIDC client id. */
  @property({ attribute: 'client-id' }) accessor clientId = '';

  /** How log-in runs: `popup` (default) or `redirect` (for browsers that block popups). */
  @property({ attribute: 'login-mode', reflect: true, converter: { fromAttribute: toLoginMode } })
  accessor loginMode: LoginMode = 'popup';

  @state() accessor hasContent = false;

  @state() accessor session: SessionState = { status: 'checking' };

  /** Logged in, but the key lives in this page's memory only (no IndexedDB): the session ends with the page. */
  @state() accessor memoryOnly = false;

  /** A log-in is running (popup open, or the redirect is about to happen). */
  @state() accessor loggingIn = false;

  /** The last thing to announce (log-in result, log-out, failure). */
  /** The text is produced at render time, so a notice follows a language switch. */
  @state() accessor notice: { kind: 'info' | 'success' | 'error'; text: () => string } | undefined;

  readonly #localize = new LocalizeController(this, { lang: () => this.lang });

  // Declared before the provider: its initial value hands #onLogin to the widgets.
  readonly #onLogin = (): void => {
    void this.login();
  };

  /** Step-up for the widgets: the popup opens at once (the customer's click that sent the change may still let it). */
  readonly #onReauthenticate = async (): Promise<void> => {
    const returnFocus = rememberFocus();
    const popup = openLoginPopup();
    if (!popup) throw new ApiProblem(0, 'reauthentication_popup_blocked');
    try {
      const flow = await import('../../auth/login-flow.ts');
      await flow.reauthenticateWithPopup(this.#api, popup, { lang: this.lang });
    } finally {
      returnFocus();
    }
  };

  readonly #onLogout = (): void => {
    void this.logout();
  };

  /** The close button goes with the notice: focus stays in the portal, at the start of what follows. */
  readonly #onDismissNotice = (): void => {
    this.dismissNotice();
    this.renderRoot.querySelector<HTMLElement>('[part~="body"]')?.focus();
  };

  constructor() {
    super();
    // An overview item leads to another view: the log-in notice has been seen.
    this.addEventListener('gp-navigate', () => this.dismissNotice());
  }

  #session!: DpopSession;
  #api = this.#createApi();

  readonly #provider = new ContextProvider(this, { context: portalContext, initialValue: this.#contextValue() });

  /** What the widgets inside receive. */
  get context(): PortalContext {
    return this.#provider.value;
  }

  override connectedCallback(): void {
    // Attributes are already applied here; provide them before any child widget asks.
    this.#useCurrentApi();
    this.#provide();
    super.connectedCallback();
    void this.#restoreSession();
  }

  protected override willUpdate(): void {
    if (this.#useCurrentApi()) void this.#restoreSession();
    this.#provide();
  }

  protected override firstUpdated(): void {
    if (!this.clientId) {
      console.warn('<gp-portal> has no client-id attribute: the customer will not be able to log in.');
    }
  }

  /** Starts the log-in the way `login-mode` says; a blocked popup falls back to the redirect. */
  async login(): Promise<void> {
    if (this.loggingIn) return;
    const request = new GpLoginRequestedEvent(this.loginMode);
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    const returnFocus = rememberFocus();
    this.loggingIn = true;
    this.notice = { kind: 'info', text: () => this.#localize.term('auth.loggingIn') };
    const options = { clientId: this.clientId, lang: this.lang };
    const session = this.#session;
    // In the click, before anything is awaited: else popup blockers stop it.
    const popup = this.loginMode === 'popup' ? openLoginPopup() : null;
    try {
      const flow = await import('../../auth/login-flow.ts');
      if (popup) {
        await this.#loggedIn(await flow.loginWithPopup(this.#api, session, popup, options), 'login');
      } else {
        if (this.loginMode === 'popup') this.notice = { kind: 'info', text: () => this.#localize.term('problem.popup_blocked') };
        await flow.loginWithRedirect(this.#api, session, options);
        return; // the page is leaving
      }
    } catch (error) {
      this.#failed(error, 'login');
    } finally {
      this.loggingIn = false;
    }
    // Back where the customer was (the log-in button, enabled again, or a widget's); after a
    // log-in that button is gone, and the welcome notice is where the page now starts.
    await this.updateComplete;
    await new Promise((resolve) => setTimeout(resolve)); // the widgets inside re-render too
    returnFocus(() => this.renderRoot.querySelector<HTMLElement>('[part~="notice-bar"]'));
  }

  /** Takes the notice (log-in, log-out, failure) away: the customer closed it, or went on to another view. */
  dismissNotice(): void {
    if (!this.loggingIn) this.notice = undefined;
  }

  /** Ends the session at the API (its refresh token is revoked), forgets the handle and key, and tells every widget. */
  async logout(): Promise<void> {
    try {
      await this.#api.delete('/session');
    } catch (error) {
      // A session the API no longer knows is logged out all the same.
      if (!(error instanceof ApiProblem && error.status === 401)) {
        this.#failed(error, 'logout');
        return;
      }
    }
    await this.#session.forget();
    this.session = { status: 'anonymous' };
    this.notice = { kind: 'info', text: () => this.#localize.term('auth.loggedOutNotice') };
    this.dispatchEvent(new GpLogoutEvent('logout'));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="login-button"]')?.focus();
  }

  protected override render() {
    const t = this.#localize;
    const session = this.session;
    return html`
      <section part="base" class="portal" lang=${this.lang} aria-label=${t.term('portal.regionLabel', INSURER_NAME)}>
        <header part="header" class="header">
          <div part="brand" class="brand">
            <svg part="logo" class="logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${shield}</svg>
            <span class="brand-text">
              <span part="insurer" class="insurer">${INSURER_NAME}</span>
              <span part="title" class="title">${t.term('portal.title')}</span>
            </span>
          </div>
          ${
            session.status === 'authenticated'
              ? html`<div part="account" class="account">
                <span class="account-text">
                  <span part="customer-name" class="customer-name">${session.customer.name}</span>
                  <span part="customer-number" class="customer-number">${t.term('auth.customerNumber', session.customer.customerNumber)}</span>
                </span>
                <button part="logout-button" class="button secondary logout-button" type="button" @click=${this.#onLogout}>
                  ${t.term('auth.logout')}
                </button>
              </div>`
              : null
          }
          <div part="lang-switch" class="lang-switch" role="group" aria-label=${t.term('lang.groupLabel')}>
            ${LANGS.map(
              (lang) => html`
                <button
                  part="lang-button"
                  class="lang-button"
                  type="button"
                  lang=${lang}
                  aria-pressed=${lang === this.lang ? 'true' : 'false'}
                  @click=${() => this.#selectLang(lang)}
                >
                  ${lang.toUpperCase()}<span class="visually-hidden"> – ${LANG_NAMES[lang]}</span>
                </button>
              `,
            )}
          </div>
        </header>
        <div part="body" class="body" tabindex="-1">
          ${this.#renderNotice()}
          ${
            session.status === 'authenticated' && this.memoryOnly
              ? html`<p part="storage-notice" class="notice info" role="note">${t.term('auth.memoryOnlyNotice')}</p>`
              : null
          }
          ${session.status === 'checking' ? renderLoading(t, t.term('auth.checking')) : null}
          ${session.status === 'anonymous' ? this.#renderLoginPanel() : null}
          <div part="content" class="content" ?hidden=${session.status !== 'authenticated' || !this.hasContent}>
            <slot @slotchange=${this.#onSlotChange}></slot>
          </div>
        </div>
      </section>
    `;
  }

  /**
   * The live region stays in place, empty or not (a region that appears with its text is not
   * always read out); the close button sits beside it, so it is not read as part of the notice.
   */
  #renderNotice() {
    const t = this.#localize;
    const closable = !!this.notice && !this.loggingIn;
    return html`<div part="notice-bar" class="notice-bar ${this.notice?.kind ?? ''}" tabindex="-1" ?hidden=${!this.notice}>
      <div part="notice" class="notice ${this.notice?.kind ?? ''}" role="status" aria-live="polite">${this.notice?.text() ?? ''}</div>
      ${
        closable
          ? html`<button part="notice-dismiss" class="notice-dismiss" type="button" aria-label=${t.term('portal.noticeDismiss')} @click=${this.#onDismissNotice}>
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${cross}</svg>
            </button>`
          : null
      }
    </div>`;
  }

  #renderLoginPanel() {
    const t = this.#localize;
    return html`
      <div part="login-panel" class="login-panel">
        <svg class="login-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${lock}</svg>
        <div class="login-body">
          <h2 part="login-heading" class="login-heading">${t.term('auth.loggedOut.heading')}</h2>
          <p part="login-text" class="login-text">${t.term('auth.loggedOut.text')}</p>
          <button part="login-button" class="button login-button" type="button" ?disabled=${this.loggingIn} aria-disabled=${this.loggingIn ? 'true' : 'false'} @click=${this.#onLogin}>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${arrow}</svg>
            ${t.term('auth.login')}
          </button>
          <p part="login-hint" class="login-hint">${t.term('auth.loggedOut.registerHint')}</p>
        </div>
      </div>
    `;
  }

  /** Replaces the API client when the `api` attribute names another base; true when it did. */
  #useCurrentApi(): boolean {
    if (normalizeApiBase(this.api) === this.#api.base) return false;
    this.#api = this.#createApi();
    return true;
  }

  #createApi(): ApiClient {
    const base = normalizeApiBase(this.api);
    this.#session = new DpopSession(openKeyStore(base));
    return new ApiClient(base, { session: this.#session, onUnauthorized: (problem) => this.#expired(problem) });
  }

  #contextValue(): PortalContext {
    return {
      lang: this.lang,
      apiBase: normalizeApiBase(this.api),
      clientId: this.clientId,
      api: this.#api,
      session: this.session,
      login: this.#onLogin,
      reauthenticate: this.#onReauthenticate,
    };
  }

  /** Provides a new context object only when a value changed, so widgets re-render only then. */
  #provide(): void {
    const next = this.#contextValue();
    const current = this.#provider.value;
    const changed = (Object.keys(next) as (keyof PortalContext)[]).some((key) => current[key] !== next[key]);
    if (changed) this.#provider.setValue(next);
  }

  /** On load: finish a redirect log-in if the address carries one, else ask for the session. */
  async #restoreSession(): Promise<void> {
    const api = this.#api;
    const session = this.#session;
    try {
      // Only a page coming back from a redirect log-in loads the log-in code.
      const back = /(^#|&)gp-(ticket|login-error)=/.test(location.hash);
      const finished = back ? await (await import('../../auth/login-flow.ts')).completeRedirectLogin(api, session) : undefined;
      if (finished) {
        await this.#loggedIn(finished, 'login');
        return;
      }
      // No handle held: nobody is logged in on this page, and there is nothing to ask. With one,
      // the widgets start loading now, alongside the check, instead of one after the other.
      const held = await session.hasHandle();
      if (held && api === this.#api) this.session = { status: 'checking', restoring: true };
      const view: SessionView = held ? await api.get<SessionView>('/session') : { authenticated: false };
      if (api !== this.#api) return;
      if (view.authenticated) await this.#loggedIn(view, 'restored');
      else this.session = { status: 'anonymous' };
    } catch (error) {
      if (api !== this.#api) return;
      this.session = { status: 'anonymous' };
      // The API no longer knows the handle (ended, expired, or this key is not its key): forget it quietly.
      if (error instanceof ApiProblem && error.status === 401) await session.forget();
      else this.#failed(error, 'session');
    }
  }

  async #loggedIn(view: SessionView, reason: 'login' | 'restored'): Promise<void> {
    if (!view.authenticated) {
      this.session = { status: 'anonymous' };
      return;
    }
    this.memoryOnly = !(await this.#session.persistent());
    this.session = { status: 'authenticated', customer: view.customer, partnerName: view.partner.name };
    if (reason === 'login') this.notice = { kind: 'success', text: () => this.#localize.term('auth.loginSucceeded', view.customer.name) };
    this.dispatchEvent(new GpLoginEvent(view.customer, reason));
  }

  /**
   * The API answered 401 to some widget while logged in: the session expired or was ended
   * elsewhere (`session_expired`), or this page's key no longer matches its handle. Only the
   * first says "expired"; the others say what happened. Never reached during a log-in, which is
   * confirmed before the portal counts as logged in.
   */
  #expired(problem: ApiProblem): void {
    if (this.session.status !== 'authenticated') return;
    this.session = { status: 'anonymous' };
    void this.#session.forget();
    this.notice = {
      kind: 'error',
      text: () => (problem.code === 'session_expired' ? this.#localize.term('auth.expiredNotice') : this.#localize.problem(problem)),
    };
    this.dispatchEvent(new GpLogoutEvent('expired'));
  }

  #failed(error: unknown, action: string): void {
    const problem = error instanceof ApiProblem ? error : new ApiProblem(0, 'internal_error');
    if (!(error instanceof ApiProblem)) console.error('<gp-portal>', action, error);
    this.notice = { kind: 'error', text: () => this.#localize.problem(problem) };
    this.dispatchEvent(new GpErrorEvent(problem.code, problem.status, action));
  }

  #selectLang(lang: Lang): void {
    const previous = this.lang;
    if (lang === previous) return;
    this.lang = lang;
    this.dispatchEvent(new GpLangChangedEvent(lang, previous));
  }

  #onSlotChange = (event: Event): void => {
    const slot = event.target as HTMLSlotElement;
    this.hasContent = slot.assignedNodes({ flatten: true }).some((node) => node.nodeType === Node.ELEMENT_NODE || (node.textContent ?? '').trim() !== '');
  };
}
