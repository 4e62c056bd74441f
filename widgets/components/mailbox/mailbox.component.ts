import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../api/api-client.ts';
import { isApiProblem } from '../../api/api-problem.ts';
import type { DocumentList, DocumentRequestCreated, LocalizedName, MailboxDocument, PolicyList, PolicySummary, RequestableType, RequestableTypes } from '../../api/schemas.ts';
import { GpDocumentOpenedEvent } from '../../events/document-opened.ts';
import { GpElement } from '../../internal/gp-element.ts';
import { renderEmpty, renderError, renderLoading } from '../../internal/states.ts';
import { forms } from '../../styles/forms.ts';
import { openPdf, pdfFilename } from './open-pdf.ts';
import styles from './mailbox.styles.ts';

type RequestField = 'policyId' | 'type';

/** The request form: the chosen contract and type, the contract's requestable types (undefined while none is chosen or they load). */
interface RequestState {
  policy: string;
  type: string;
  types?: RequestableType[];
  busy?: boolean;
  error?: unknown;
  fields: Partial<Record<RequestField, string>>;
}

const NO_REQUEST: RequestState = { policy: '', type: '', fields: {} };

interface Notice {
  kind: 'success' | 'error';
  /** Re-translated on every render, so a language switch reaches it too. */
  text: () => string;
}

/**
 * The customer's mailbox (*Levelezés*): the documents the insurer delivered, newest first, with
 * the unread count, filters by document type and by contract, and paging. Opening a document
 * fetches its PDF with the session (the API marks it read and audits the opening) and shows it in
 * a new tab, or downloads it when the browser blocks the new window. A small form requests a new
 * document (a policy document copy, a certificate …) for a contract; it arrives in the mailbox.
 *
 * The type filter offers the types the mailbox has shown so far (with their names from the API);
 * the contract filter offers the customer's contracts (`GET /policies`).
 *
 * @summary The mailbox: list, filter, open and request documents.
 *
 * @event {GpDocumentOpenedEvent} gp-document-opened - A document's PDF was fetched and shown
 *   (`event.documentId`: the document's id (a UUID string), `event.documentType`: its type code).
 * @event {GpErrorEvent} gp-error - Loading, opening or requesting failed (`event.code`, `event.action`:
 *   `load-documents`, `open-document`, `load-request-types`, `request-document`).
 *
 * @csspart base - The widget's frame (a region labelled by the heading).
 * @csspart header - The heading row.
 * @csspart heading - The "Correspondence" heading.
 * @csspart unread-badge - The unread count in the heading.
 * @csspart notice - The live region announcing openings and request results.
 * @csspart filters - The filter bar.
 * @csspart type-filter - The document type `<select>`.
 * @csspart policy-filter - The contract `<select>`.
 * @csspart clear-filters - The "clear filters" button.
 * @csspart list - The list of documents.
 * @csspart item - One document (also `unread` when not yet read, `highlighted` for the deep-linked one).
 * @csspart type - The document's type name.
 * @csspart title - The document's title.
 * @csspart meta - The contract number and the issue date.
 * @csspart unread-mark - The "Unread" mark.
 * @csspart deep-link-notice - The note on the deep-linked document.
 * @csspart open-button - A document's "Open" button.
 * @csspart footer - The paging row.
 * @csspart more-button - The "Load more" button.
 * @csspart request-toggle - The button that shows the request form.
 * @csspart request-form - The document request form.
 * @csspart request-submit - The request form's submit button.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart empty - The empty state.
 * @csspart logged-out - The logged-out state.
 * @csspart login-button - The logged-out state's log-in button.
 */
export default class GpMailbox extends GpElement {
  static override styles = [...GpElement.styles, forms, styles];

  /** A document to point at (deep link, e.g. from `?document=<id>`): its row is highlighted and its "Open" button focused. */
  @property({ attribute: 'document-id' }) accessor documentId = '';

  /** Documents per page (1–100). Default 20. */
  @property({ attribute: 'page-size', type: Number }) accessor pageSize = 20;

  @state() accessor list: DocumentList | undefined;
  @state() accessor policies: PolicySummary[] = [];
  @state() accessor loading = false;
  @state() accessor error: unknown;
  @state() accessor typeFilter = '';
  @state() accessor policyFilter = '';
  @state() accessor opening: ReadonlySet<string> = new Set();
  @state() accessor notice: Notice | undefined;

  @state() accessor requestOpen = false;
  @state() accessor req: RequestState = NO_REQUEST;

  /** Type names seen in the API's answers: the type filter's options. */
  readonly #types = new Map<string, LocalizedName>();
  #loadedFor: ApiClient | undefined;
  #seq = 0;
  #reqSeq = 0;
  #focusedDeepLink = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    const api = this.authenticated ? this.api : undefined;
    if (api !== this.#loadedFor) {
      this.#loadedFor = api;
      this.#reset();
      if (api) void this.#load();
    } else if (api && changed.has('pageSize') && changed.get('pageSize') !== undefined) {
      void this.#load();
    }
  }

  protected override updated(): void {
    const id = this.documentId;
    if (!id || id === this.#focusedDeepLink || this.loading || !this.list) return;
    const button = this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] [part~="open-button"]`);
    if (!button) return;
    this.#focusedDeepLink = id;
    button.focus();
  }

  protected override render() {
    const t = this.localize;
    const count = this.list?.unreadCount ?? 0;
    return html`<section part="base" class="mailbox" lang=${t.lang} aria-labelledby="heading">
      <div part="header" class="header">
        <h2 part="heading" id="heading">
          ${t.term('mailbox.heading')}
          ${count > 0
            ? html`<span part="unread-badge" class="badge"><span aria-hidden="true">${count}</span><span class="visually-hidden">${t.term('mailbox.unreadCount', count)}</span></span>`
            : nothing}
        </h2>
        ${this.list
          ? html`<button part="request-toggle" class="button secondary" type="button" aria-expanded=${this.requestOpen ? 'true' : 'false'} aria-controls="request" @click=${this.#toggleRequest}>
              ${t.term('mailbox.request.toggle')}
            </button>`
          : nothing}
      </div>
      <div part="notice" class="notice ${this.notice?.kind ?? ''}" role="status" aria-live="polite">${this.notice?.text() ?? ''}</div>
      ${this.renderGate() ?? this.#renderContent()}
    </section>`;
  }

  #renderContent() {
    const t = this.localize;
    const list = this.list;
    if (!list) {
      return this.error ? renderError(t, this.error, () => void this.#load()) : renderLoading(t);
    }
    const filtered = !!(this.typeFilter || this.policyFilter);
    const types = [...this.#types].sort((a, b) => a[1][t.lang].localeCompare(b[1][t.lang], t.locale));
    return html`
      ${this.requestOpen ? this.#renderRequest() : nothing}
      <div part="filters" class="filters" role="group" aria-label=${t.term('mailbox.filters')}>
        <div class="field">
          <label for="type-filter">${t.term('mailbox.filterType')}</label>
          <select part="type-filter" id="type-filter" @change=${this.#onTypeFilter}>
            <option value="" .selected=${!this.typeFilter}>${t.term('mailbox.allTypes')}</option>
            ${types.map(([code, name]) => html`<option value=${code} .selected=${code === this.typeFilter}>${name[t.lang]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="policy-filter">${t.term('mailbox.filterPolicy')}</label>
          <select part="policy-filter" id="policy-filter" @change=${this.#onPolicyFilter}>
            <option value="" .selected=${!this.policyFilter}>${t.term('mailbox.allPolicies')}</option>
            ${this.#policyOptions(this.policyFilter)}
          </select>
        </div>
        ${filtered ? html`<button part="clear-filters" class="button secondary" type="button" @click=${this.#clearFilters}>${t.term('mailbox.clearFilters')}</button>` : nothing}
      </div>
      ${this.error ? renderError(t, this.error, () => void this.#load()) : nothing}
      ${list.items.length === 0
        ? renderEmpty(t.term(filtered ? 'mailbox.emptyFiltered' : 'mailbox.empty'))
        : html`<ul part="list" class="list" aria-label=${t.term('mailbox.listLabel')} aria-busy=${this.loading ? 'true' : 'false'}>
              ${list.items.map((doc) => this.#renderItem(doc))}
            </ul>
            <div part="footer" class="footer">
              <span>${t.term('mailbox.shown', list.items.length, list.total)}</span>
              ${list.items.length < list.total
                ? html`<button part="more-button" class="button secondary" type="button" aria-disabled=${this.loading ? 'true' : 'false'} @click=${this.#more}>
                    ${t.term('action.showMore')}
                  </button>`
                : nothing}
            </div>`}
    `;
  }

  #renderItem(doc: MailboxDocument) {
    const t = this.localize;
    const highlighted = doc.id === this.documentId;
    const busy = this.opening.has(doc.id);
    const parts = ['item', doc.read ? '' : 'unread', highlighted ? 'highlighted' : ''].filter(Boolean).join(' ');
    return html`<li part=${parts} class="item ${doc.read ? '' : 'unread'} ${highlighted ? 'highlighted' : ''}" data-id=${doc.id}>
      <div class="info">
        <span part="type" class="type">${doc.typeName[t.lang]}</span>
        ${doc.read ? nothing : html`<span part="unread-mark" class="unread-mark">${t.term('mailbox.unread')}</span>`}
        <span part="title" class="title" id="title-${doc.id}">${doc.title}</span>
        <span part="meta" class="meta">
          ${doc.policyNumber ? html`<span>${t.term('mailbox.policy', doc.policyNumber)}</span>` : nothing}
          <time datetime=${doc.issuedAt}>${t.term('mailbox.issued', t.date(doc.issuedAt))}</time>
        </span>
        ${highlighted ? html`<p part="deep-link-notice" class="notice" id="deep-${doc.id}">${t.term('mailbox.deepLink')}</p>` : nothing}
      </div>
      <button
        part="open-button"
        class="button secondary"
        type="button"
        aria-describedby="title-${doc.id}${highlighted ? ` deep-${doc.id}` : ''}"
        aria-disabled=${busy ? 'true' : 'false'}
        aria-busy=${busy ? 'true' : 'false'}
        @click=${() => void this.#open(doc)}
      >
        ${busy ? html`<span class="spinner" aria-hidden="true"></span>${t.term('mailbox.opening')}` : t.term('mailbox.open')}
      </button>
    </li>`;
  }

  #renderRequest() {
    const t = this.localize;
    const req = this.req;
    const types = req.types;
    const field = (name: RequestField) => req.fields[name];
    const invalid = (name: RequestField) => (field(name) ? 'true' : 'false');
    return html`<form part="request-form" id="request" class="request" novalidate aria-labelledby="request-heading" @submit=${this.#submitRequest}>
      <h3 id="request-heading" tabindex="-1">${t.term('mailbox.request.heading')}</h3>
      <p class="hint">${t.term('mailbox.request.intro')}</p>
      <div class="field">
        <label for="req-policy">${t.term('mailbox.request.policy')}</label>
        <select id="req-policy" name="policyId" required aria-invalid=${invalid('policyId')} aria-describedby="req-policy-error" @change=${this.#onRequestPolicy}>
          <option value="" .selected=${!req.policy}>${t.term('mailbox.request.choose')}</option>
          ${this.#policyOptions(req.policy)}
        </select>
        <p class="field-error" id="req-policy-error">${field('policyId') ? t.fieldProblem(field('policyId')!) : ''}</p>
      </div>
      <div class="field">
        <label for="req-type">${t.term('mailbox.request.type')}</label>
        <select id="req-type" name="type" required ?disabled=${!types?.length} aria-invalid=${invalid('type')} aria-describedby="req-type-error" @change=${this.#onRequestType}>
          <option value="" .selected=${!req.type}>${req.policy && !types ? t.term('state.loading') : t.term('mailbox.request.choose')}</option>
          ${(types ?? []).map(
            (type) => html`<option value=${type.type} .selected=${type.type === req.type} ?disabled=${type.remaining < 1}>
              ${type.remaining < 1 ? t.term('mailbox.request.typeUsedUp', type.name[t.lang]) : t.term('mailbox.request.typeOption', type.name[t.lang], type.remaining)}
            </option>`,
          )}
        </select>
        ${types?.length === 0 ? html`<p class="hint">${t.term('mailbox.request.noTypes')}</p>` : nothing}
        <p class="field-error" id="req-type-error">${field('type') ? t.fieldProblem(field('type')!) : ''}</p>
      </div>
      ${req.error ? html`<p class="notice error" role="alert">${t.problem(req.error)}</p>` : nothing}
      <div class="actions">
        <button part="request-submit" class="button" type="submit" aria-disabled=${req.busy ? 'true' : 'false'} aria-busy=${req.busy ? 'true' : 'false'}>
          ${t.term(req.busy ? 'mailbox.request.sending' : 'mailbox.request.submit')}
        </button>
        <button class="button secondary" type="button" @click=${this.#toggleRequest}>${t.term('action.cancel')}</button>
      </div>
    </form>`;
  }

  #policyOptions(selected: string) {
    const t = this.localize;
    return this.policies.map(
      (p) => html`<option value=${String(p.id)} .selected=${String(p.id) === selected}>${t.term('mailbox.policyOption', p.policyNumber, p.productName[t.lang])}</option>`,
    );
  }

  #reset(): void {
    this.#seq++;
    this.#reqSeq++;
    this.#types.clear();
    this.#focusedDeepLink = '';
    this.list = undefined;
    this.policies = [];
    this.loading = false;
    this.error = undefined;
    this.typeFilter = '';
    this.policyFilter = '';
    this.opening = new Set();
    this.notice = undefined;
    this.requestOpen = false;
    this.#resetRequest('');
  }

  /** Loads the first page (or, with `more`, the next one) under the current filters. */
  async #load(more = false): Promise<void> {
    const api = this.api;
    if (!api) return;
    const seq = ++this.#seq;
    const previous = more ? this.list : undefined;
    this.loading = true;
    this.error = undefined;
    try {
      const [list, policies] = await Promise.all([
        api.get<DocumentList>('/documents', {
          type: this.typeFilter,
          policyId: this.policyFilter,
          page: previous ? previous.page + 1 : 1,
          pageSize: Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 20)),
        }),
        this.list ? undefined : api.get<PolicyList>('/policies', { status: 'all', pageSize: 100 }),
      ]);
      if (seq !== this.#seq) return;
      if (policies) this.policies = policies.items;
      for (const doc of list.items) this.#types.set(doc.type, doc.typeName);
      const known = new Set(previous?.items.map((d) => d.id));
      this.list = previous ? { ...list, items: [...previous.items, ...list.items.filter((d) => !known.has(d.id))] } : list;
      this.loading = false;
      if (previous) {
        await this.updateComplete;
        this.renderRoot.querySelectorAll<HTMLElement>('[part~="open-button"]')[previous.items.length]?.focus();
      }
    } catch (error) {
      if (seq !== this.#seq) return;
      this.loading = false;
      this.error = this.reportError(error, 'load-documents');
    }
  }

  #more = (): void => {
    if (!this.loading) void this.#load(true);
  };

  #onTypeFilter = (event: Event): void => {
    this.typeFilter = (event.target as HTMLSelectElement).value;
    void this.#load();
  };

  #onPolicyFilter = (event: Event): void => {
    this.policyFilter = (event.target as HTMLSelectElement).value;
    void this.#load();
  };

  #clearFilters = async (): Promise<void> => {
    this.typeFilter = '';
    this.policyFilter = '';
    void this.#load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#type-filter')?.focus();
  };

  async #open(doc: MailboxDocument): Promise<void> {
    const api = this.api;
    if (!api || this.opening.has(doc.id)) return;
    this.opening = new Set(this.opening).add(doc.id);
    try {
      const blob = await api.blob(`/documents/${encodeURIComponent(doc.id)}/content`);
      const how = openPdf(blob, pdfFilename(doc.title));
      this.#markRead(doc.id);
      this.notice = { kind: 'success', text: () => this.localize.term(how === 'opened' ? 'mailbox.opened' : 'mailbox.downloaded', doc.title) };
      this.dispatchEvent(new GpDocumentOpenedEvent(doc.id, doc.type));
    } catch (error) {
      this.reportError(error, 'open-document');
      this.notice = { kind: 'error', text: () => this.localize.problem(error) };
    } finally {
      const opening = new Set(this.opening);
      opening.delete(doc.id);
      this.opening = opening;
    }
  }

  /** The API marked it read when it answered the content: mirror that here. */
  #markRead(id: string): void {
    const list = this.list;
    const doc = list?.items.find((d) => d.id === id);
    if (!list || !doc || doc.read) return;
    this.list = {
      ...list,
      unreadCount: Math.max(0, list.unreadCount - 1),
      items: list.items.map((d) => (d.id === id ? { ...d, read: true, readAt: new Date().toISOString() } : d)),
    };
  }

  #toggleRequest = async (): Promise<void> => {
    this.requestOpen = !this.requestOpen;
    if (!this.requestOpen) this.#resetRequest('');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.requestOpen ? '#request-heading' : '[part~="request-toggle"]')?.focus();
  };

  #resetRequest(policy: string): void {
    this.#reqSeq++;
    this.req = { ...NO_REQUEST, policy };
  }

  #patchRequest(patch: Partial<RequestState>): void {
    this.req = { ...this.req, ...patch };
  }

  #onRequestPolicy = async (event: Event): Promise<void> => {
    const api = this.api;
    const policy = (event.target as HTMLSelectElement).value;
    this.#resetRequest(policy);
    if (!api || !policy) return;
    const seq = this.#reqSeq;
    try {
      const { items } = await api.get<RequestableTypes>('/document-requests/types', { policyId: policy });
      if (seq === this.#reqSeq) this.#patchRequest({ types: items });
    } catch (error) {
      if (seq === this.#reqSeq) this.#patchRequest({ error: this.reportError(error, 'load-request-types') });
    }
  };

  #onRequestType = (event: Event): void => {
    this.#patchRequest({ type: (event.target as HTMLSelectElement).value, fields: { ...this.req.fields, type: undefined }, error: undefined });
  };

  #submitRequest = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const api = this.api;
    const { policy, type, busy } = this.req;
    if (!api || busy) return;
    const fields: Partial<Record<RequestField, string>> = {};
    if (!policy) fields.policyId = 'required';
    if (!type) fields.type = 'required';
    this.#patchRequest({ fields, error: undefined });
    if (fields.policyId || fields.type) return this.#focusInvalid();
    const seq = this.#reqSeq;
    this.#patchRequest({ busy: true });
    try {
      const created = await api.post<DocumentRequestCreated>('/document-requests', { policyId: Number(policy), type });
      if (seq !== this.#reqSeq) return;
      const name = created.request.typeName;
      const types = this.req.types?.map((r) => (r.type === type ? { ...r, remaining: Math.max(0, r.remaining - 1) } : r));
      this.#patchRequest({ type: '', types });
      this.notice = { kind: 'success', text: () => this.localize.term('mailbox.request.done', name[this.localize.lang]) };
      if (created.documentId) void this.#load();
    } catch (error) {
      if (seq !== this.#reqSeq) return;
      this.reportError(error, 'request-document');
      const refused = isApiProblem(error) ? error.fields.filter((f): f is { field: RequestField; code: string } => f.field === 'policyId' || f.field === 'type') : [];
      if (refused.length) {
        this.#patchRequest({ fields: Object.fromEntries(refused.map((f) => [f.field, f.code])) });
        void this.#focusInvalid();
      } else {
        this.#patchRequest({ error });
      }
    } finally {
      if (seq === this.#reqSeq) this.#patchRequest({ busy: false });
    }
  };

  async #focusInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.request [aria-invalid="true"]')?.focus();
  }
}
