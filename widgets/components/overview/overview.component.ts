import { Task, initialState } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Overview } from '../../api/schemas.ts';
import { GpActionsChangedEvent } from '../../events/actions-changed.ts';
import type { GpView } from '../../events/navigate.ts';
import { navigateLink } from '../../internal/navigate-link.ts';
import { GpElement } from '../../internal/gp-element.ts';
import { renderError, renderLoading } from '../../internal/states.ts';
import styles from './overview.styles.ts';

/** Events of the other widgets after which the overview's figures are out of date. */
const STALE_AFTER = ['gp-payment-completed', 'gp-claim-submitted', 'gp-document-opened', 'gp-policy-changed'] as const;

/**
 * What needs the customer's attention, on one card (`GET /overview`): the premium to pay (overdue
 * first) with a pay action and the next payment due, unread documents, open claims and what each
 * waits for, contracts whose anniversary or end is within 60 days, and the broker's contact on a
 * broker's site. Every item leads to the widget that acts on it: the overview fires
 * `gp-navigate` (the page shows that widget and cancels the event), else follows the page's link
 * for that view (`invoices-href`, `mailbox-href`, `claims-href`, `policies-href`).
 *
 * It reloads when another widget on the page paid, reported a claim, opened a document or
 * changed a contract, and announces the number of things needing action with
 * `gp-actions-changed`.
 *
 * @summary The portal's landing view: what to pay, read and expect, each with its action.
 *
 * @event {GpNavigateEvent} gp-navigate - An item was chosen (`event.view`: `invoices`, `mailbox`,
 *   `claims` or `policies`; `event.id`: the document, claim or contract). Cancelable.
 * @event {GpActionsChangedEvent} gp-actions-changed - The count of open invoices plus unread
 *   documents changed (`event.count`; 0 after log-out).
 * @event {GpErrorEvent} gp-error - Loading failed (`event.action`: `load-overview`).
 *
 * @csspart base - The widget's frame (a section labelled by its heading).
 * @csspart heading - The "Overview" heading.
 * @csspart tiles - The list of tiles.
 * @csspart tile - Each tile (`premium`, `documents`, `claims`, `renewals`, `broker` are also parts).
 * @csspart action - Each link or button that leads to another widget.
 * @csspart all-done - The line shown when nothing needs action.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart logged-out - The logged-out state.
 * @csspart login-button - The logged-out state's log-in button.
 */
export default class GpOverview extends GpElement {
  static override styles = [...GpElement.styles, styles];

  /** Where the invoices are on this site; without it (and without a `gp-navigate` handler) the pay action is a plain button that fires the event only. */
  @property({ attribute: 'invoices-href' }) accessor invoicesHref = '';
  /** Where the mailbox (Levelezés) is; a document's id is added as `?document=` (not to a `#fragment`). */
  @property({ attribute: 'mailbox-href' }) accessor mailboxHref = '';
  /** Where the claims are. */
  @property({ attribute: 'claims-href' }) accessor claimsHref = '';
  /** Where the contracts are. */
  @property({ attribute: 'policies-href' }) accessor policiesHref = '';

  @state() accessor overview: Overview | undefined;
  @state() accessor loadError: unknown;

  /** The count last announced with `gp-actions-changed` (none yet: undefined). */
  #announced: number | undefined;

  readonly #loader = new Task(this, {
    args: () => [this.sessionApi] as const,
    task: ([api], { signal }) => {
      this.loadError = undefined;
      if (!api) {
        this.overview = undefined;
        this.#announce(0);
        return initialState;
      }
      return api.get<Overview>('/overview', undefined, signal);
    },
    onComplete: (overview) => {
      this.overview = overview;
      this.#announce(overview.actionCount);
    },
    onError: (error) => {
      this.loadError = this.reportError(error, 'load-overview');
    },
  });

  readonly #reload = () => {
    if (this.sessionApi) void this.#loader.run();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    for (const name of STALE_AFTER) document.addEventListener(name, this.#reload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const name of STALE_AFTER) document.removeEventListener(name, this.#reload);
  }

  #announce(count: number): void {
    if (count === this.#announced || (this.#announced === undefined && count === 0)) return;
    this.#announced = count;
    this.dispatchEvent(new GpActionsChangedEvent(count));
  }

  protected override render() {
    const t = this.localize;
    const gate = this.renderGate();
    const o = this.overview;
    return html`<section part="base" lang=${t.lang} aria-labelledby="heading" aria-busy=${!gate && !o && this.loadError === undefined}>
      <h2 part="heading" id="heading">${t.term('overview.heading')}</h2>
      ${gate ?? (o ? this.#renderTiles(o) : this.loadError !== undefined ? renderError(t, this.loadError, () => void this.#loader.run()) : renderLoading(t))}
    </section>`;
  }

  #renderTiles(o: Overview): TemplateResult {
    const t = this.localize;
    const { premium, documents, claims, renewals, broker } = o;
    const nothingToDo = premium.count === 0 && documents.unreadCount === 0 && claims.openCount === 0 && renewals.length === 0;
    return html`${nothingToDo ? html`<p part="all-done" class="all-done">${t.term('overview.allDone')}</p>` : nothing}
      <ul part="tiles" class="tiles" role="list">
        ${this.#tile(
          'premium',
          t.term('overview.premium'),
          premium.count
            ? html`<p class=${premium.overdueCount ? 'warning' : ''}>
                  ${t.term('overview.toPay', t.money(premium.totalHuf), premium.count)}${
                    premium.overdueCount ? t.term('overview.overdue', t.money(premium.overdueHuf)) : nothing
                  }
                </p>
                ${premium.nextDue ? html`<p>${t.term('overview.nextDue', t.date(premium.nextDue.dueDate, 'long'), t.money(premium.nextDue.amountHuf))}</p>` : nothing}
                ${this.#action('invoices', t.term('overview.pay'), undefined, true)}`
            : html`<p>${t.term('overview.nothingToPay')}</p>`,
        )}
        ${this.#tile(
          'documents',
          t.term('overview.documents'),
          documents.unreadCount
            ? html`<p>${t.term('overview.unread', documents.unreadCount)}</p>
                ${documents.latestUnread ? html`<p class="muted">${t.term('overview.latest', documents.latestUnread.title)}</p>` : nothing}
                ${this.#action('mailbox', t.term('overview.read'), documents.latestUnread?.id)}`
            : html`<p>${t.term('overview.allRead')}</p>
                ${this.#action('mailbox', t.term('overview.toMailbox'))}`,
        )}
        ${this.#tile(
          'claims',
          t.term('overview.claims'),
          claims.openCount
            ? html`<ul class="items" role="list">
                  ${claims.open.map(
                    (c) =>
                      html`<li>
                        ${this.#action('claims', c.claimNumber, String(c.id))}
                        <span class="muted">${t.term('overview.policy', c.policyNumber)} · ${t.term(`overview.waiting.${c.waitingFor}`)}</span>
                      </li>`,
                  )}
                </ul>
                ${claims.openCount > claims.open.length ? this.#action('claims', t.term('overview.allClaims', claims.openCount)) : nothing}`
            : html`<p>${t.term('overview.noClaims')}</p>`,
        )}
        ${
          renewals.length
            ? this.#tile(
                'renewals',
                t.term('overview.renewals'),
                html`<ul class="items" role="list">
                ${renewals.map(
                  (r) =>
                    html`<li>
                      ${this.#action('policies', r.policyNumber, String(r.policyId))}
                      <span class="muted">${t.term(`overview.${r.kind}`, t.date(r.date, 'long'), r.daysLeft)}</span>
                    </li>`,
                )}
              </ul>`,
              )
            : nothing
        }
        ${
          broker
            ? this.#tile(
                'broker',
                t.term('overview.broker'),
                html`<p>${broker.name}</p>
                <ul class="items" role="list">
                  ${broker.phone ? html`<li><a href="tel:${broker.phone.replace(/ /g, '')}">${broker.phone}</a></li>` : nothing}
                  ${broker.email ? html`<li><a href="mailto:${broker.email}">${broker.email}</a></li>` : nothing}
                  ${broker.website ? html`<li><a href=${broker.website} target="_blank" rel="noopener">${new URL(broker.website).host}</a></li>` : nothing}
                </ul>`,
              )
            : nothing
        }
      </ul>`;
  }

  #tile(name: string, title: string, body: TemplateResult): TemplateResult {
    return html`<li part="tile ${name}" class="tile">
      <h3 id="${name}-title">${title}</h3>
      ${body}
    </li>`;
  }

  /** A link when the page gave one for the view, else a button; either fires `gp-navigate` first. */
  #action(view: GpView, label: string, id?: string, primary = false): TemplateResult {
    return navigateLink({ host: this, view, id, label, href: this.#hrefOf(view, id), part: 'action', className: primary ? 'button' : 'link' });
  }

  #hrefOf(view: GpView, id: string | undefined): string | undefined {
    const base = { invoices: this.invoicesHref, mailbox: this.mailboxHref, claims: this.claimsHref, policies: this.policiesHref }[view];
    if (!base) return undefined;
    // A fragment (`#levelezes`) scrolls within the page; only a real address can carry the document.
    if (view !== 'mailbox' || !id || base.startsWith('#')) return base;
    const url = new URL(base, document.baseURI);
    url.searchParams.set('document', id);
    return url.href;
  }
}
