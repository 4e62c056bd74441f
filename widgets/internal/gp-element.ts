import { ContextConsumer } from '@lit/context';
import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import type { ApiClient } from '../api/api-client.ts';
import { isApiProblem } from '../api/api-problem.ts';
import type { SessionState } from '../auth/session-state.ts';
import { portalContext, type PortalContext } from '../context/portal-context.ts';
import { GpErrorEvent } from '../events/error.ts';
import { LocalizeController } from './localize-controller.ts';
import { ShownController } from './shown-controller.ts';
import type { TermPart } from '../i18n/packs.ts';
import { base } from '../styles/base.ts';
import { button } from '../styles/button.ts';
import { states } from '../styles/states.ts';
import { tokens } from '../styles/tokens.ts';
import { renderLoading, renderLoggedOut } from './states.ts';

/**
 * The base of every widget placed inside `<gp-portal>`: it receives the portal's context
 * (language, API client, session), translates, and reports failures as `gp-error`.
 * Subclasses render their content only through {@link GpElement.renderGate} first.
 */
export abstract class GpElement extends LitElement {
  static override styles = [tokens, base, button, states];

  /** The enclosing portal's context; re-renders the widget whenever it changes. */
  protected readonly portal = new ContextConsumer(this, { context: portalContext, subscribe: true });

  /** The parts of the language pack a lazily defined widget brings besides the core (see i18n/packs.ts). */
  static termParts: readonly TermPart[] = [];

  protected readonly localize = new LocalizeController(this, { parts: (this.constructor as typeof GpElement).termParts });

  /** Whether the page shows the widget: one in a hidden part of the page waits (see ShownController). */
  protected readonly shown = new ShownController(this);

  /**
   * A lazily defined widget's texts come in a part of the pack of their own (see i18n/packs.ts):
   * it renders once they are here in the page's language, never with empty headings and buttons
   * (until then it shows nothing, or what it showed in the previous language). And a widget the
   * page hides renders (and loads) nothing until it is shown or the page has settled.
   */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    const parts = (this.constructor as typeof GpElement).termParts;
    return this.shown.value && (parts.length === 0 || this.localize.load()) && super.shouldUpdate(changed);
  }

  protected get context(): PortalContext | undefined {
    return this.portal.value;
  }

  protected get api(): ApiClient | undefined {
    return this.portal.value?.api;
  }

  protected get session(): SessionState {
    return this.portal.value?.session ?? { status: 'anonymous' };
  }

  /** True when the widget may load personal data. */
  protected get authenticated(): boolean {
    return this.session.status === 'authenticated';
  }

  /**
   * The API client of the logged-in session (or of the one being restored: the widgets load
   * alongside the portal's session check), or undefined without one: the argument of the
   * widgets' data tasks, so that a new session (or none) aborts and restarts their loads.
   */
  protected get sessionApi(): ApiClient | undefined {
    const session = this.session;
    return session.status === 'authenticated' || (session.status === 'checking' && session.restoring) ? this.api : undefined;
  }

  /**
   * What to show instead of the content while there is no session (or no portal at all),
   * or undefined when the customer is logged in.
   */
  protected renderGate(): TemplateResult | undefined {
    const context = this.portal.value;
    if (!context) return renderLoggedOut(this.localize, undefined);
    if (context.session.status === 'checking') return renderLoading(this.localize, this.localize.term('auth.checking'));
    if (context.session.status === 'anonymous') return renderLoggedOut(this.localize, context.login);
    return undefined;
  }

  /** Tells the page that something failed (the widget shows its own message). Returns the error. */
  protected reportError<E>(error: E, action: string): E {
    if (error instanceof DOMException && error.name === 'AbortError') return error;
    // A load started alongside the session check, refused because the session is gone: the
    // portal's check says so (logged-out state), not an error of this widget.
    if (!this.authenticated && isApiProblem(error) && error.status === 401) return error;
    const code = isApiProblem(error) ? error.code : 'internal_error';
    const status = isApiProblem(error) ? error.status : 0;
    if (!isApiProblem(error)) console.error(`<${this.localName}> ${action} failed`, error);
    this.dispatchEvent(new GpErrorEvent(code, status, action));
    return error;
  }
}
