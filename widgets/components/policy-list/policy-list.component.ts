import { Task, initialState } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../api/api-client.ts';
import { isApiProblem } from '../../api/api-problem.ts';
import type { PolicyChangeResult, PolicyDetail, PolicyList, PolicySummary, PostalAddress } from '../../api/schemas.ts';
import { GpDocumentOpenedEvent } from '../../events/document-opened.ts';
import { GpPolicyChangedEvent } from '../../events/policy-changed.ts';
import { navigateLink } from '../../internal/navigate-link.ts';
// A contract's open invoices are paid where they are shown, with the invoices widget's own flow.
import '../invoice-pay/invoice-pay.ts';
import { isTermKey } from '../../i18n/translate.ts';
import { GpElement } from '../../internal/gp-element.ts';
import { renderEmpty, renderError, renderLoading } from '../../internal/states.ts';
import { cardTable } from '../../styles/card-table.ts';
import { forms } from '../../styles/forms.ts';
import { openPdf, pdfFilename } from '../mailbox/open-pdf.ts';
import { changeOf, draftOf, fieldOf, validateDraft, type ChangeDraft, type ChangeErrors, type ChangeField } from './policy-change.ts';
import styles from './policy-list.styles.ts';
import { withStepUp } from '../../auth/step-up.ts';

export type PolicyFilter = 'all' | 'active' | 'cancelled';
type ChangeRequest = PolicyChangeResult['changes'][number];
type PolicyDocument = PolicyDetail['documents'][number];

/** Invoices a contract's detail shows before "show more" (a monthly contract has a dozen a year). */
const INVOICES_SHOWN = 6;

interface ListState {
  items: PolicySummary[];
  /** The last page answered (counts, total). */
  page?: PolicyList;
  error?: unknown;
  loading?: boolean;
}

interface DetailState {
  id: number;
  data?: PolicyDetail;
  error?: unknown;
}

interface FormState {
  draft?: ChangeDraft;
  errors: ChangeErrors;
  /** A refusal, or `'nothing'` when nothing changed. */
  error?: unknown;
  saving?: boolean;
  result?: PolicyChangeResult;
}

const FILTERS: readonly PolicyFilter[] = ['all', 'active', 'cancelled'];
const toFilter = (value: string | null): PolicyFilter => (value === 'active' || value === 'cancelled' ? value : 'all');
const address = (a: PostalAddress) => `${a.postcode} ${a.city}, ${a.addressLine}`;

/**
 * The logged-in customer's contracts (szerződések), live and cancelled, with a filter and
 * "load more" paging. Choosing a contract opens its detail: data, invoices, claims, documents
 * and change requests, and, for a live contract, the form that changes its payment method,
 * payment frequency and correspondence address. The form checks the values before sending,
 * sends only what changed, and shows what the insurer's answer says: which changes apply at
 * once, which wait for review, and whether a confirmation went to the mailbox.
 *
 * @summary The customer's contracts, one contract's detail, and its data change form.
 *
 * @event {GpPolicyChangedEvent} gp-policy-changed - A contract change was accepted
 *   (`event.policyId`, `event.result`: the change requests and the confirmation document).
 * @event {GpDocumentOpenedEvent} gp-document-opened - A document of the contract was opened.
 * @event {GpNavigateEvent} gp-navigate - A claim of the contract was chosen (`view` `claims`, `id`
 *   the claim's): a page showing `<gp-claim-form>` itself handles it (`claim-id`); otherwise the
 *   link of `claims-href` is followed.
 * @event {GpErrorEvent} gp-error - Loading, changing or opening failed (`event.action`:
 *   `policies.list`, `policies.detail`, `policies.change` or `policies.document`).
 *
 * @csspart base - The widget's outermost wrapper.
 * @csspart heading - The list's heading.
 * @csspart filter - The filter button group.
 * @csspart filter-button - Each filter button (`[aria-pressed="true"]` is the current one).
 * @csspart count - How many contracts are shown of how many.
 * @csspart list - The list of contracts.
 * @csspart policy - One contract in the list.
 * @csspart policy-button - The button that opens a contract's detail.
 * @csspart facts - A contract's data (definition list).
 * @csspart status - A contract's status (`.active`, `.cancelled`).
 * @csspart address-note - Under the contract's correspondence address: its letters go there, the others to the customer's own.
 * @csspart more-button - The "load more" button.
 * @csspart detail - The detail view.
 * @csspart back-button - The detail's back button.
 * @csspart detail-heading - The detail's heading.
 * @csspart invoices - The invoices table.
 * @csspart claims - The claims list.
 * @csspart claim-link - Opens a claim in the claim form's list.
 * @csspart pay - The contract's own `<gp-invoice-pay>`: its open and overdue invoices, paid here.
 * @csspart more-invoices-button - Shows every invoice of a contract (the detail shows the first 6).
 * @csspart documents - The documents list.
 * @csspart open-document-button - Opens a document's PDF (as the mailbox does; the API marks it read).
 * @csspart document-notice - The live region saying a document was opened, or why not.
 * @csspart changes - The change requests list.
 * @csspart change-form - The data change form.
 * @csspart field-error - A field's error message.
 * @csspart form-error - The form's error message.
 * @csspart submit-button - The form's submit button.
 * @csspart result - The live region with the change's result.
 * @csspart not-changeable - The note shown instead of the form on a cancelled contract.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart empty - The empty state.
 * @csspart logged-out - The logged-out state.
 * @csspart login-button - The logged-out state's log-in button.
 */
export default class GpPolicyList extends GpElement {
  static override styles = [...GpElement.styles, forms, cardTable, styles];

  /** The filter shown first: `all` (default), `active` (élő) or `cancelled` (törölt). */
  @property({ converter: { fromAttribute: toFilter } }) accessor status: PolicyFilter = 'all';

  /** Contracts per page (1–100, default 10). */
  @property({ attribute: 'page-size', type: Number }) accessor pageSize = 10;

  /** Where `<gp-claim-form>` is on the page (a `#fragment` on a one-page layout): a contract's claims link there; see `gp-navigate`. */
  @property({ attribute: 'claims-href' }) accessor claimsHref = '';

  @state() accessor list: ListState = { items: [] };
  /** The open contract, if any: its id, then its detail or the failure to load it. */
  @state() accessor open: DetailState | undefined;
  @state() accessor form: FormState = { errors: {} };
  /** The detail shows every invoice (after "show more"). */
  @state() accessor allInvoices = false;
  /** Ids of the documents whose PDF is being fetched, and what the last opening said. */
  @state() accessor opening: { ids: string[]; notice?: ['success' | 'error', () => string] } = { ids: [] };

  /** Selectors to try, in order, for the element to focus after the next render. */
  #focus: string[] = [];

  /** A new session (or none): nothing of the previous customer stays on screen; an open contract loads again. */
  readonly #session = new Task(this, {
    args: () => [this.sessionApi] as const,
    task: ([api]) => {
      if (!this.open) return;
      this.open = { id: this.open.id };
      this.form = { errors: {} };
      void this.#detail.run(api ? [api, this.open.id] : []);
    },
  });

  /**
   * The list: its first page afresh whenever the session, the filter or the page size changes,
   * a given page with `run()`. A new run aborts the one under way.
   */
  readonly #listTask = new Task(this, {
    args: (): [api: ApiClient | undefined, status: PolicyFilter, size: number, page?: number] => [this.sessionApi, this.status, this.#size],
    // The page of a run() is a one-off, not a reason to load again on the next update.
    argsEqual: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2],
    task: ([api, status, size, page], { signal }) => {
      if (!page) this.list = { items: [] };
      if (!api) return initialState;
      this.list = { ...this.list, loading: true, error: undefined };
      return api.get<PolicyList>('/policies', { status, page: page ?? 1, pageSize: size }, signal);
    },
    onComplete: (answer) => {
      const more = answer.page > 1;
      this.list = { items: more ? [...this.list.items, ...answer.items] : answer.items, page: answer };
      if (more && answer.items[0]) this.#focus = [`[data-id="${answer.items[0].id}"]`];
    },
    onError: (error) => (this.list = { ...this.list, loading: false, error: this.reportError(error, 'policies.list') }),
  });

  /** The open contract's detail; `refresh` keeps the view and the change's result (after a change). Run without arguments it drops the one under way. */
  readonly #detail = new Task(this, {
    autoRun: false,
    task: async ([api, id, refresh]: [ApiClient?, number?, boolean?], { signal }) => {
      if (!api || id === undefined) return initialState;
      if (!refresh) {
        this.open = { id };
        this.form = { errors: {} };
        this.allInvoices = false;
        this.opening = { ids: [] };
      }
      return { data: await api.get<PolicyDetail>(`/policies/${id}`, undefined, signal), refresh };
    },
    onComplete: ({ data, refresh }) => {
      this.open = { id: data.id, data };
      this.form = { ...this.form, draft: draftOf(data) };
      this.list = { ...this.list, items: this.list.items.map((p) => (p.id === data.id ? data : p)) };
      if (!refresh) this.#focus = ['#detail-heading'];
    },
    onError: (error) => this.open && (this.open = { id: this.open.id, error: this.reportError(error, 'policies.detail') }),
  });

  /** Opens one contract's detail (the standalone page deep-links here); waits for the log-in if needed. */
  showPolicy(id: number): void {
    this.open = { id };
    void this.#loadDetail(id);
  }

  get #size(): number {
    return Math.min(100, Math.max(1, Math.floor(this.pageSize) || 10));
  }

  protected override updated(): void {
    const selectors = this.#focus;
    this.#focus = [];
    for (const selector of selectors) {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      if (target) return target.focus();
    }
  }

  #loadList(page: number): void {
    const api = this.sessionApi;
    if (api) void this.#listTask.run([api, this.status, this.#size, page]);
  }

  #loadDetail(id: number, refresh = false): void {
    const api = this.sessionApi;
    if (api) void this.#detail.run([api, id, refresh]);
  }

  #back = (): void => {
    const id = this.open?.id;
    void this.#detail.run([]);
    this.open = undefined;
    this.form = { errors: {} };
    this.#focus = [`[data-id="${id}"]`, '#list-heading'];
  };

  #onInput = (event: Event): void => {
    const { name, value } = event.target as HTMLInputElement;
    this.form = { ...this.form, draft: { ...this.form.draft!, [name]: value } };
  };

  #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const detail = this.open?.data;
    const { draft, saving } = this.form;
    const api = this.sessionApi;
    if (!detail || !draft || !api || saving) return;
    const errors = validateDraft(draft, detail);
    const change = changeOf(draft, detail);
    const invalid = Object.keys(errors).length > 0;
    const unchanged = !invalid && !Object.keys(change).length;
    this.form = { draft, errors, error: unchanged ? 'nothing' : undefined, saving: !invalid && !unchanged };
    if (invalid) this.#focus = ['[aria-invalid="true"]'];
    if (!this.form.saving) return;
    try {
      // Step-up: a payment method change with a log-in older than five minutes re-authenticates in the popup and is sent again.
      const result = await withStepUp(
        () => api.patch<PolicyChangeResult>(`/policies/${detail.id}`, change),
        () => this.context!.reauthenticate(),
      );
      this.form = { ...this.form, saving: false, result };
      this.dispatchEvent(new GpPolicyChangedEvent(detail.id, result));
      void this.#loadDetail(detail.id, true);
    } catch (error) {
      const fields: ChangeErrors = {};
      for (const { field, code } of isApiProblem(error) ? error.fields : []) {
        const key = fieldOf(field);
        if (key) fields[key] ??= code;
      }
      this.form = { ...this.form, saving: false, errors: fields, error: this.reportError(error, 'policies.change') };
      this.#focus = ['[aria-invalid="true"]'];
    }
  };

  /** A term for a code the API may extend (cancel reasons, claim statuses), else the code itself. */
  #known(prefix: string, code: string): string {
    const key = `policyList.${prefix}.${code}`;
    return isTermKey(key) ? this.#t(key) : code;
  }

  /** A term by a key built at runtime (every key passed here exists). */
  #t(key: string): string {
    return this.localize.term(key as 'policyList.details');
  }

  #payment(p: PolicySummary): string {
    return `${this.#known('frequency', p.paymentFrequency)}, ${this.#known('method', p.paymentMethod)}`;
  }

  #change(c: ChangeRequest): string {
    const v = c.newValue;
    const value = v === null ? '–' : typeof v === 'object' ? address(v) : this.#known(c.kind === 'payment_method' ? 'method' : 'frequency', v);
    const reason = c.reviewReason ? ` (${this.#known('review', c.reviewReason)})` : '';
    return `${this.#known('kind', c.kind)}: ${value} – ${this.#known('changeStatus', c.status)}${reason}`;
  }

  protected override render() {
    return html`<div part="base" lang=${this.localize.lang}>${this.renderGate() ?? (this.open ? this.#renderDetail(this.open) : this.#renderList())}</div>`;
  }

  #renderList(): TemplateResult {
    const t = this.localize;
    const { items, page, error, loading } = this.list;
    const counts = page && { all: page.counts.active + page.counts.cancelled, ...page.counts };
    let body: unknown;
    if (error && !items.length) body = renderError(t, error, () => void this.#loadList(1));
    else if (!page) body = renderLoading(t);
    else if (!items.length) body = renderEmpty(t.term(`policyList.empty.${this.status}`));
    else body = html`<ul part="list" class="list">${items.map((p) => this.#renderPolicy(p))}</ul>`;
    return html`<h2 id="list-heading" part="heading" tabindex="-1">${t.term('policyList.heading')}</h2>
      <div part="filter" class="filter" role="group" aria-label=${t.term('policyList.filterLabel')}>
        ${FILTERS.map(
          (f) => html`<button part="filter-button" type="button" data-filter=${f} aria-pressed=${f === this.status} @click=${() => (this.status = f)}>
            ${t.term(f === 'all' ? 'policyList.filter.all' : `policyList.status.${f}`)}${counts ? ` (${counts[f]})` : ''}
          </button>`,
        )}
      </div>
      <div aria-busy=${!!loading}>
        ${body}
        <p part="count" class="muted" role="status">${page && items.length ? t.term('policyList.shown', items.length, page.total) : nothing}</p>
        ${
          error && items.length
            ? renderError(t, error, () => void this.#loadList(page!.page + 1))
            : page && items.length < page.total
              ? html`<button part="more-button" class="button secondary" type="button" aria-disabled=${!!loading} @click=${() => !loading && void this.#loadList(page.page + 1)}>
                ${t.term('action.showMore')}
              </button>`
              : nothing
        }
      </div>`;
  }

  #renderPolicy(p: PolicySummary): TemplateResult {
    const t = this.localize;
    return html`<li part="policy" class="policy">
      <h3>
        <button part="policy-button" class="link" type="button" data-id=${p.id} @click=${() => this.#open(p.id)}>
          ${p.productName[t.lang]}<span class="visually-hidden">, ${p.policyNumber} – ${t.term('policyList.details')}</span>
        </button>
      </h3>
      ${this.#renderFacts(p)}
    </li>`;
  }

  #open(id: number): void {
    this.showPolicy(id);
    this.#focus = ['[part~="back-button"]'];
  }

  #renderFacts(p: PolicySummary, detail?: PolicyDetail): TemplateResult {
    const t = this.localize;
    const row = (key: string, value: unknown) => html`<div><dt>${this.#t(`policyList.${key}`)}</dt><dd>${value}</dd></div>`;
    return html`<dl part="facts" class="facts">
      ${row('policyNumber', p.policyNumber)} ${row('insured', p.insuredObjectLabel)}
      ${row('status', html`<span part="status" class="status ${p.status}">${t.term(`policyList.status.${p.status}`)}</span>`)}
      ${row('start', t.date(p.startDate))}
      ${
        p.cancelledAt
          ? [row('cancelledAt', t.date(p.cancelledAt)), p.cancelReason ? row('cancelReason', this.#known('reason', p.cancelReason)) : nothing]
          : p.endDate
            ? row('end', t.date(p.endDate))
            : nothing
      }
      ${row('premium', t.money(p.annualPremiumHuf))} ${row('payment', this.#payment(p))}
      ${
        detail
          ? [
              row(
                'kind.correspondence_address',
                html`${address(detail.effectiveCorrespondenceAddress)}
                  <span part="address-note" class="hint address-note">${this.#t('policyList.addressNote')}</span>`,
              ),
              row('outstanding', t.money(detail.outstandingHuf)),
              detail.brokerName ? row('broker', detail.brokerName) : nothing,
            ]
          : nothing
      }
    </dl>`;
  }

  #renderDetail({ id, data, error }: DetailState): TemplateResult {
    const t = this.localize;
    let body: unknown;
    if (data) body = this.#renderDetailContent(data);
    else if (error) body = renderError(t, error, () => void this.#loadDetail(id));
    else body = renderLoading(t);
    return html`<div part="detail" aria-busy=${!data && !error}>
      <button part="back-button" class="button secondary" type="button" @click=${this.#back}><span aria-hidden="true">←</span> ${t.term('policyList.back')}</button>
      ${body}
    </div>`;
  }

  /** A claim of the contract: it opens in the claim form's list, as the overview's claims do. */
  #claimLink(id: number, label: string): TemplateResult {
    return navigateLink({ host: this, view: 'claims', id: String(id), label, href: this.claimsHref || undefined, part: 'claim-link', className: 'link' });
  }

  #section(name: string, count: number, content: () => unknown): TemplateResult {
    return html`<section aria-labelledby="${name}-heading">
      <h3 id="${name}-heading">${this.#t(`policyList.${name}`)}</h3>
      ${count ? content() : html`<p class="muted">${this.#t(`policyList.none.${name}`)}</p>`}
    </section>`;
  }

  #renderDetailContent(d: PolicyDetail): TemplateResult {
    const t = this.localize;
    const lang = t.lang;
    const { result } = this.form;
    const th = (key: string) => html`<th scope="col">${this.#t(`policyList.${key}`)}</th>`;
    return html`<h2 id="detail-heading" part="detail-heading" tabindex="-1">${d.productName[lang]}</h2>
      ${this.#renderFacts(d, d)}
      ${this.#section(
        'invoices',
        d.invoices.length,
        () => html`${
          d.status === 'active' && d.invoices.some((i) => i.status === 'open' || i.status === 'overdue')
            ? html`<gp-invoice-pay part="pay" policy-id=${d.id} @gp-payment-completed=${() => this.#loadDetail(d.id, true)}></gp-invoice-pay>`
            : nothing
        }<table part="invoices" class="cards">
        <caption class="visually-hidden">${t.term('policyList.invoices')}</caption>
        <thead><tr>${th('invoice.number')}${th('invoice.due')}${th('invoice.amount')}${th('status')}</tr></thead>
        <tbody>${(this.allInvoices ? d.invoices : d.invoices.slice(0, INVOICES_SHOWN)).map(
          (i) => html`<tr>
          <td>${i.invoiceNumber}</td><td data-label=${this.#t('policyList.invoice.due')}>${t.date(i.dueDate)}</td><td>${t.money(i.amountHuf)}</td><td class=${i.status}>${this.#known('invoiceStatus', i.status)}</td>
        </tr>`,
        )}</tbody>
      </table>
      ${
        !this.allInvoices && d.invoices.length > INVOICES_SHOWN
          ? html`<p class="muted">${t.term('policyList.invoicesShown', INVOICES_SHOWN, d.invoices.length)}</p>
            <button part="more-invoices-button" class="button secondary" type="button" @click=${() => (this.allInvoices = true)}>${t.term('action.showMore')}</button>`
          : nothing
      }`,
      )}
      ${this.#section(
        'claims',
        d.claims.length,
        () => html`<ul part="claims">
        ${d.claims.map((c) => html`<li>${this.#claimLink(c.id, c.claimNumber)} – ${c.claimTypeName[lang]} – ${t.date(c.occurredAt)} – ${this.#known('claimStatus', c.status)}</li>`)}
      </ul>`,
      )}
      ${this.#section(
        'documents',
        d.documents.length,
        () => html`<ul part="documents">
        ${d.documents.map((doc) => this.#renderDocument(doc))}
      </ul>
      <p part="document-notice" class="notice ${this.opening.notice?.[0] ?? ''}" role="status" aria-live="polite">${this.opening.notice?.[1]() ?? ''}</p>`,
      )}
      ${this.#section(
        'changes',
        d.changeRequests.length,
        () => html`<ul part="changes">
        ${d.changeRequests.map((c) => html`<li>${t.date(c.createdAt)}: ${this.#change(c)}</li>`)}
      </ul>`,
      )}
      <div part="result" class="notice ${result ? 'success' : ''}" role="status" aria-live="polite">${
        result
          ? html`<p><strong>${t.term('policyList.result.heading')}</strong></p>
            <ul>${result.changes.map((c) => html`<li>${this.#change(c)}</li>`)}</ul>
            <p>${t.term(result.confirmation ? 'policyList.result.confirmation' : 'policyList.result.noConfirmation')}</p>`
          : nothing
      }</div>
      ${
        d.changeable && d.status === 'active'
          ? this.#renderForm(d)
          : html`<p part="not-changeable" class="notice">${t.term('policyList.form.notChangeable')}</p>`
      }`;
  }

  /** A document of the contract, opened as the mailbox opens it (the API marks it read). */
  #renderDocument(doc: PolicyDocument): TemplateResult {
    const t = this.localize;
    const busy = this.opening.ids.includes(doc.id);
    return html`<li class="document">
      <span id="doc-${doc.id}">${doc.title} (${doc.typeName[t.lang]}) – ${t.date(doc.issuedAt)}${doc.readAt ? '' : ` – ${t.term('policyList.unread')}`}</span>
      <button part="open-document-button" class="button secondary" type="button" aria-describedby="doc-${doc.id}" aria-disabled=${busy} @click=${() => void this.#openDocument(doc)}>
        ${t.term(busy ? 'mailbox.opening' : 'mailbox.open')}
      </button>
    </li>`;
  }

  async #openDocument(doc: PolicyDocument): Promise<void> {
    const api = this.sessionApi;
    if (!api || this.opening.ids.includes(doc.id)) return;
    this.opening = { ...this.opening, ids: [...this.opening.ids, doc.id] };
    let notice: NonNullable<typeof this.opening.notice>;
    try {
      const how = openPdf(await api.blob(`/documents/${encodeURIComponent(doc.id)}/content`), pdfFilename(doc.title));
      notice = ['success', () => this.localize.term(`mailbox.${how}`, doc.title)];
      const data = this.open?.data;
      if (data && api === this.sessionApi) {
        const read = new Date().toISOString();
        this.open = { ...this.open!, data: { ...data, documents: data.documents.map((d) => (d.id === doc.id ? { ...d, readAt: d.readAt ?? read } : d)) } };
      }
      this.dispatchEvent(new GpDocumentOpenedEvent(doc.id, doc.type));
    } catch (error) {
      this.reportError(error, 'policies.document');
      notice = ['error', () => this.localize.problem(error)];
    }
    this.opening = { ids: this.opening.ids.filter((id) => id !== doc.id), notice };
  }

  #renderForm(d: PolicyDetail): TemplateResult {
    const t = this.localize;
    const { draft, error, saving } = this.form;
    const methods = [...new Set(d.paymentOptions.flatMap((o) => o.methods))];
    const select = (name: 'paymentFrequency' | 'paymentMethod', kind: string, prefix: string, options: string[]) =>
      this.#field(
        name,
        `kind.${kind}`,
        (invalid, describedBy) => html`<select id=${name} name=${name} aria-invalid=${invalid} aria-describedby=${describedBy} @change=${this.#onInput}>
        ${options.map((o) => html`<option value=${o} ?selected=${o === draft?.[name]}>${this.#known(prefix, o)}</option>`)}
      </select>`,
      );
    const input = (name: 'postcode' | 'city' | 'addressLine', autocomplete: string) =>
      this.#field(
        name,
        `form.${name}`,
        (invalid, describedBy) => html`<input id=${name} name=${name} autocomplete=${autocomplete}
        inputmode=${name === 'postcode' ? 'numeric' : nothing} required aria-invalid=${invalid} aria-describedby=${describedBy} .value=${draft?.[name] ?? ''} @input=${this.#onInput} />`,
      );
    return html`<form part="change-form" novalidate aria-labelledby="form-heading" @submit=${this.#submit}>
      <h3 id="form-heading">${t.term('policyList.form.heading')}</h3>
      <p class="hint">${t.term('policyList.form.intro')}</p>
      ${select(
        'paymentFrequency',
        'payment_frequency',
        'frequency',
        d.paymentOptions.map((o) => o.frequency),
      )}
      ${select('paymentMethod', 'payment_method', 'method', methods)}
      <fieldset>
        <legend>${t.term('policyList.kind.correspondence_address')}</legend>
        ${input('postcode', 'postal-code')} ${input('city', 'address-level2')} ${input('addressLine', 'street-address')}
      </fieldset>
      <p part="form-error" class="field-error" role="alert">${
        error === 'nothing'
          ? t.term('policyList.form.nothingChanged')
          : !error
            ? nothing
            : isApiProblem(error) && error.code === 'policy_not_active'
              ? t.term('policyList.form.notChangeable')
              : t.problem(error)
      }</p>
      <div class="actions">
        <button part="submit-button" class="button" type="submit" aria-disabled=${!!saving}>${t.term('policyList.form.submit')}</button>
      </div>
    </form>`;
  }

  #field(
    name: ChangeField,
    label: string,
    control: (invalid: 'true' | typeof nothing, describedBy: string | typeof nothing) => TemplateResult,
  ): TemplateResult {
    const code = this.form.errors[name];
    return html`<div class="field">
      <label for=${name}>${this.#t(`policyList.${label}`)}</label>
      ${control(code ? 'true' : nothing, code ? `${name}-error` : nothing)}
      <p id="${name}-error" part="field-error" class="field-error">${code ? this.localize.fieldProblem(code) : nothing}</p>
    </div>`;
  }
}
