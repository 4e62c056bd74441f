import { html, type TemplateResult } from 'lit';
import type { LocalizeController } from './localize-controller.ts';

/**
 * A skeleton of the content to come (grey bars that shimmer), so loading looks like loading and
 * not like the logged-out card; a polite live region: screen readers hear "Loading…" without
 * focus moving.
 */
export function renderLoading(t: LocalizeController, label = t.term('state.loading')): TemplateResult {
  return html`<div part="loading" class="skeleton" role="status" aria-live="polite">
    <span class="visually-hidden">${label}</span>
    <span class="bone" aria-hidden="true"></span><span class="bone" aria-hidden="true"></span><span class="bone" aria-hidden="true"></span>
  </div>`;
}

/** An assertive error with a retry button; the message comes from the problem's code. */
export function renderError(t: LocalizeController, error: unknown, retry?: () => void): TemplateResult {
  return html`<div part="error" class="state error" role="alert">
    <p>${t.problem(error)}</p>
    ${retry ? html`<button part="retry-button" class="button secondary" type="button" @click=${retry}>${t.term('state.retry')}</button>` : null}
  </div>`;
}

export function renderEmpty(text: string): TemplateResult {
  return html`<p part="empty" class="state empty">${text}</p>`;
}

/** Shown by a widget that has no session: what to do, and the portal's log-in. */
export function renderLoggedOut(t: LocalizeController, login: (() => void) | undefined): TemplateResult {
  return html`<div part="logged-out" class="state logged-out">
    <p>${login ? t.term('state.loggedOut') : t.term('state.noPortal')}</p>
    ${login ? html`<button part="login-button" class="button" type="button" @click=${login}>${t.term('auth.login')}</button>` : null}
  </div>`;
}
