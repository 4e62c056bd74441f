import { ContextProvider } from '@lit/context';
import { html, LitElement, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toLoginMode, type LoginMode } from '../../auth/login-mode.ts';
import { portalContext, type PortalContext } from '../../context/portal-context.ts';
import { GpLangChangedEvent } from '../../events/lang-changed.ts';
import { GpLoginRequestedEvent } from '../../events/login-requested.ts';
import { DEFAULT_LANG, LANG_NAMES, LANGS, toLang, type Lang } from '../../i18n/lang.ts';
import { LocalizeController } from '../../i18n/localize-controller.ts';
import { INSURER_NAME } from '../../internal/brand.ts';
import { normalizeApiBase, scriptOrigin } from '../../internal/script-origin.ts';
import { base } from '../../styles/base.ts';
import { button } from '../../styles/button.ts';
import { tokens } from '../../styles/tokens.ts';
import styles from './portal.styles.ts';

const shield = svg`<path fill="currentColor" d="M12 1.5 3 5v6.2c0 5.3 3.8 10.2 9 11.3 5.2-1.1 9-6 9-11.3V5l-9-3.5Z"/><path class="mark" d="m10.6 15.6-3.3-3.3 1.4-1.4 1.9 1.9 4.7-4.7 1.4 1.4-6.1 6.1Z"/>`;
const lock = svg`<path fill="currentColor" d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 5a3 3 0 1 1 6 0v3H9V7Zm3 7a1.5 1.5 0 0 1 .8 2.8V18h-1.6v-1.2A1.5 1.5 0 0 1 12 14Z"/>`;
const arrow = svg`<path fill="currentColor" d="M10 17l5-5-5-5-1.4 1.4 2.6 2.6H3v2h8.2l-2.6 2.6L10 17Zm9 2h-6v2h6a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2h-6v2h6v14Z"/>`;

/**
 * The root of the customer portal. A partner page places it once; the other widgets go inside it
 * and take the language, the API base and the client id from it (through `@lit/context`).
 *
 * While nobody is logged in it shows the logged-out state: a heading, a short explanation and a
 * log-in button.
 *
 * @summary The customer portal's root element: header, language switch, log-in, and the widgets.
 *
 * @event {GpLoginRequestedEvent} gp-login-requested - The customer pressed the log-in button.
 *   Bubbles, composed, cancelable; `event.loginMode` is the configured `login-mode`.
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
 * @csspart content - The wrapper of the default slot (hidden while nothing is slotted).
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
  static override styles = [tokens, base, button, styles];

  /**
   * The language: `hu` (default) or `en`. Other tags map by their primary subtag (`en-GB` → `en`), else `hu`.
   *
   * Not reflected: the global `lang` attribute on the host would also re-label the page's own
   * slotted content, which stays in the page's language. The shadow content carries `lang` itself.
   */
  @property({ converter: { fromAttribute: (value: string | null) => toLang(value) ?? DEFAULT_LANG } })
  override accessor lang: Lang = DEFAULT_LANG;

  /** The insurer API's base URL. Default: the origin this script was loaded from. */
  @property() accessor api: string = scriptOrigin;

  /** The partner's registered OIDC client id. */
  @property({ attribute: 'client-id' }) accessor clientId = '';

  /** How log-in runs: `popup` (default) or `redirect` (for browsers that block popups). */
  @property({ attribute: 'login-mode', reflect: true, converter: { fromAttribute: toLoginMode } })
  accessor loginMode: LoginMode = 'popup';

  @state() accessor hasContent = false;

  readonly #localize = new LocalizeController(this, { lang: () => this.lang });

  readonly #provider = new ContextProvider(this, { context: portalContext, initialValue: this.#contextValue() });

  /** What the widgets inside receive. */
  get context(): PortalContext {
    return this.#provider.value;
  }

  override connectedCallback(): void {
    // Attributes are already applied here; provide them before any child widget asks.
    this.#provide();
    super.connectedCallback();
  }

  protected override willUpdate(): void {
    this.#provide();
  }

  protected override firstUpdated(): void {
    if (!this.clientId) {
      console.warn('<gp-portal> has no client-id attribute: the customer will not be able to log in.');
    }
  }

  protected override render() {
    const t = this.#localize;
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
        <div part="body" class="body">
          <div part="login-panel" class="login-panel">
            <svg class="login-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${lock}</svg>
            <div class="login-body">
              <h2 part="login-heading" class="login-heading">${t.term('auth.loggedOut.heading')}</h2>
              <p part="login-text" class="login-text">${t.term('auth.loggedOut.text')}</p>
              <button part="login-button" class="button login-button" type="button" @click=${this.#requestLogin}>
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${arrow}</svg>
                ${t.term('auth.login')}
              </button>
              <p part="login-hint" class="login-hint">${t.term('auth.loggedOut.registerHint')}</p>
            </div>
          </div>
          <div part="content" class="content" ?hidden=${!this.hasContent}>
            <slot @slotchange=${this.#onSlotChange}></slot>
          </div>
        </div>
      </section>
    `;
  }

  #contextValue(): PortalContext {
    return { lang: this.lang, apiBase: normalizeApiBase(this.api), clientId: this.clientId };
  }

  /** Provides a new context object only when a value changed, so widgets re-render only then. */
  #provide(): void {
    const next = this.#contextValue();
    const current = this.#provider.value;
    if (current.lang !== next.lang || current.apiBase !== next.apiBase || current.clientId !== next.clientId) {
      this.#provider.setValue(next);
    }
  }

  #selectLang(lang: Lang): void {
    const previous = this.lang;
    if (lang === previous) return;
    this.lang = lang;
    this.dispatchEvent(new GpLangChangedEvent(lang, previous));
  }

  #requestLogin = (): void => {
    this.dispatchEvent(new GpLoginRequestedEvent(this.loginMode));
  };

  #onSlotChange = (event: Event): void => {
    const slot = event.target as HTMLSlotElement;
    this.hasContent = slot
      .assignedNodes({ flatten: true })
      .some((node) => node.nodeType === Node.ELEMENT_NODE || (node.textContent ?? '').trim() !== '');
  };
}
