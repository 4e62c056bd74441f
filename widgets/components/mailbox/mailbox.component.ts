import { Task, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../api/api-client.ts';
import { isApiProblem } from '../../api/api-problem.ts';
import type { DocumentList, DocumentRequestCreated, MailboxDocument, PolicySummary, RequestableType, RequestableTypes } from '../../api/schemas.ts';
import { GpDocumentOpenedEvent } from '../../events/document-opened.ts';
import { GpElement } from '../../internal/gp-element.ts';
import { renderEmpty, renderError, renderLoading } from '../../internal/states.ts';
import { allPages } from '../../internal/all-pages.ts';
import { forms } from '../../styles/forms.ts';
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

/** The live region's message: its kind and its text, re-translated on every render so a language switch reaches it too. */
type Notice = [kind: 'success' | 'error', text: () => string];

/** Everything the mailbox renders from, replaced as a whole (`#set`). */
interface MailboxView {
  list?: DocumentList;
  policies: PolicySummary[];
  loading: boolean;
  error?: unknown;
  /** The list's filters, sent as they are as query parameters (`type`, `policyId`). */
  filters: { type?: string; policyId?: string };
  /** Ids of the documents whose PDF is being fetched. */
  opening: string[];
  notice?: Notice;
  requestOpen?: boolean;
  req: RequestState;
}

const NO_REQUEST: RequestState = { policy: '', type: '', fields: {} };
const INITIAL: MailboxView = { policies: [], loading: false, filters: {}, opening: [], req: NO_REQUEST };

/**
 * The customer's mailbox (*Levelezés*): the documents the insurer delivered, newest first, with
 * the unread count, filters by document type and by contract, and paging. Opening a document
 * fetches its PDF with the session (the API marks it read and audits the opening) and shows it in
 * a new tab, or downloads it when the browser blocks the new window. A small form requests a new
 * document (a policy document copy, a certificate …) for a contract; it arrives in the mailbox.
 *
 * The type filter offers the document types of the whole mailbox, with how many of each (the
 * API's `types`); the contract filter offers the customer's contracts (`GET /policies`).
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

  @state() accessor view: MailboxView = INITIAL;

  #focusedDeepLink = '';
  /** A document just requested: its Open button gets focus once the list shows it. */
  #focusAfterLoad = '';

  /** A new session (or none): nothing of the previous customer stays, the request form's work is dropped. */
  readonly #session = new Task(this, {
    args: () => [this.sessionApi] as const,
    task: () => {
      this.#focusedDeepLink = '';
      this.#dropRequestWork();
      this.view = INITIAL;
    },
  });

  /**
   * The documents under the current filters: the first page whenever the session or the page
   * size changes (and on `run()`), the next page with `more`. A new run aborts the one under way.
   */
  readonly #documents = new Task(this, {
    args: (): [api: ApiClient | undefined, pageSize: number, more?: boolean] => [this.sessionApi, this.pageSize],
    // "The next page" is a one-off argument of run(), not a reason to load again on the next update.
    argsEqual: ([api, size], [api2, size2]) => api === api2 && size === size2,
    task: async ([api, size, more], { signal }) => {
      if (!api) return initialState;
      const { list, filters } = this.view;
      const previous = more ? list : undefined;
      this.#set({ loading: true, error: undefined });
      const [page, policies] = await Promise.all([
        api.get<DocumentList>(
          '/documents',
          { ...filters, page: (previous?.page ?? 0) + 1, pageSize: Math.min(100, Math.max(1, Math.trunc(size) || 20)) },
          signal,
        ),
        list ? undefined : allPages<PolicySummary>(api, '/policies', { status: 'all' }, signal),
      ]);
      return { page, policies, previous };
    },
    onComplete: ({ page, policies, previous }) => {
      const known = new Set(previous?.items.map((d) => d.id));
      this.#set({
        loading: false,
        policies: policies ?? this.view.policies,
        list: previous ? { ...page, items: [...previous.items, ...page.items.filter((d) => !known.has(d.id))] } : page,
      });
      if (previous) void this.#focus('[part~="open-button"]', previous.items.length);
      const requested = this.#focusAfterLoad;
      this.#focusAfterLoad = '';
      if (requested && page.items.some((d) => d.id === requested)) void this.#focus(`[data-id="${CSS.escape(requested)}"] [part~="open-button"]`);
    },
    onError: (error) => this.#set({ loading: false, error: this.reportError(error, 'load-documents') }),
  });

  /** The chosen contract's requestable types. */
  readonly #types = new Task(this, {
    autoRun: false,
    task: async ([api, policyId]: [ApiClient?, string?], { signal }) =>
      api && policyId ? (await api.get<RequestableTypes>('/document-requests/types', { policyId }, signal)).items : initialState,
    onComplete: (types) => this.#req({ types }),
    onError: (error) => this.#req({ error: this.reportError(error, 'load-request-types') }),
  });

  /** Sending the request form. */
  readonly #sending = new Task(this, {
    autoRun: false,
    task: ([api, body]: [ApiClient?, { policyId: number; type: string }?]) =>
      api && body ? api.post<DocumentRequestCreated>('/document-requests', body) : initialState,
    onComplete: (created) => this.#requested(created),
    onError: (error) => void this.#refused(error),
  });

  #set(patch: Partial<MailboxView>): void {
    this.view = { ...this.view, ...patch };
  }

  #req(patch: Partial<RequestState>): void {
    this.#set({ req: { ...this.view.req, ...patch } });
  }

  /** The form was reset: an answer still under way for it (types, the sending) must not reach the new one. */
  #dropRequestWork(): void {
    void this.#types.run([]);
    void this.#sending.run([]);
  }

  /** Focuses the `index`th match of `selector` once the pending render is done. */
  async #focus(selector: string, index = 0): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>(selector)[index]?.focus();
  }

  protected override updated(): void {
    const id = this.documentId;
    const button =
      id !== this.#focusedDeepLink && !this.view.loading && this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] [part~="open-button"]`);
    if (button) {
      this.#focusedDeepLink = id;
      button.focus();
    }
  }

  protected override render() {
    const t = this.localize;
    const { list, notice, requestOpen } = this.view;
    const count = list?.unreadCount;
    return html`<section part="base" lang=${t.lang} aria-labelledby="heading">
      <div part="header" class="header">
        <h2 part="heading" id="heading">
          ${t.term('mailbox.heading')}
          ${
            count
              ? html`<span part="unread-badge" class="badge"><span aria-hidden="true">${count}</span><span class="visually-hidden">${t.term('mailbox.unreadCount', count)}</span></span>`
              : nothing
          }
        </h2>
        ${
          list
            ? html`<button part="request-toggle" class="button secondary" type="button" aria-expanded=${!!requestOpen} aria-controls="request" @click=${this.#toggleRequest}>
              ${t.term('mailbox.request.heading')}
            </button>`
            : nothing
        }
      </div>
      <div part="notice" class="notice ${notice?.[0] ?? ''}" role="status" aria-live="polite">${notice?.[1]() ?? ''}</div>
      ${this.renderGate() ?? this.#renderContent()}
    </section>`;
  }

  #renderContent() {
    const t = this.localize;
    const { list, error, loading, filters, requestOpen } = this.view;
    const failed = error ? renderError(t, error, () => this.#load()) : nothing;
    if (!list) return error ? failed : renderLoading(t);
    const { items, total } = list;
    const filtered = filters.type || filters.policyId;
    const types = [...list.types].sort((a, b) => a.typeName[t.lang].localeCompare(b.typeName[t.lang], t.locale));
    return html`
      ${requestOpen ? this.#renderRequest() : nothing}
      <div part="filters" class="filters" role="group" aria-label=${t.term('mailbox.filters')}>
        <div class="field">
          <label for="type-filter">${t.term('mailbox.filterType')}</label>
          <select part="type-filter" id="type-filter" name="type" @change=${this.#filter}>
            <option value="">${t.term('mailbox.allTypes')}</option>
            ${types.map(({ type, typeName, count }) => html`<option value=${type} .selected=${type === filters.type}>${typeName[t.lang]} (${count})</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="policy-filter">${t.term('mailbox.filterPolicy')}</label>
          <select part="policy-filter" id="policy-filter" name="policyId" @change=${this.#filter}>
            <option value="">${t.term('mailbox.allPolicies')}</option>
            ${this.#policyOptions(filters.policyId)}
          </select>
        </div>
        ${filtered ? html`<button part="clear-filters" class="button secondary" type="button" @click=${this.#filter}>${t.term('mailbox.clearFilters')}</button>` : nothing}
      </div>
      ${failed}
      ${
        items.length
          ? html`<ul part="list" class="list" aria-label=${t.term('mailbox.listLabel')} aria-busy=${loading}>
              ${items.map((doc) => this.#renderItem(doc))}
            </ul>
            <div part="footer" class="footer">
              <span>${t.term('mailbox.shown', items.length, total)}</span>
              ${
                items.length < total
                  ? html`<button part="more-button" class="button secondary" type="button" aria-disabled=${loading} @click=${() => this.#load(true)}>
                    ${t.term('action.showMore')}
                  </button>`
                  : nothing
              }
            </div>`
          : renderEmpty(t.term(filtered ? 'mailbox.emptyFiltered' : 'mailbox.empty'))
      }
    `;
  }

  #renderItem(doc: MailboxDocument) {
    const t = this.localize;
    const { id, read } = doc;
    const highlighted = id === this.documentId;
    const busy = this.view.opening.includes(id);
    const parts = `item${read ? '' : ' unread'}${highlighted ? ' highlighted' : ''}`;
    return html`<li part=${parts} class=${parts} data-id=${id}>
      <div class="info">
        <span part="type" class="hint">${doc.typeName[t.lang]}</span>
        ${read ? nothing : html`<span part="unread-mark" class="unread-mark">${t.term('mailbox.unread')}</span>`}
        <span part="title" class="title" id="title-${id}">${doc.title}</span>
        <span part="meta" class="meta hint">
          ${doc.policyNumber ? html`<span>${t.term('mailbox.policy', doc.policyNumber)}</span>` : nothing}
          <time datetime=${doc.issuedAt}>${t.term('mailbox.issued', t.date(doc.issuedAt))}</time>
        </span>
        ${highlighted ? html`<p part="deep-link-notice" class="notice" id="deep-${id}">${t.term('mailbox.deepLink')}</p>` : nothing}
      </div>
      <button
        part="open-button"
        class="button secondary"
        type="button"
        aria-describedby="title-${id}${highlighted ? ` deep-${id}` : ''}"
        aria-disabled=${busy}
        aria-busy=${busy}
        @click=${() => void this.#open(doc)}
      >
        ${busy ? html`<span class="spinner" aria-hidden="true"></span>${t.term('mailbox.opening')}` : t.term('mailbox.open')}
      </button>
    </li>`;
  }

  #renderRequest() {
    const t = this.localize;
    const { policy, type, types, busy, error, fields } = this.view.req;
    const problem = (name: RequestField) => fields[name] && t.fieldProblem(fields[name]);
    return html`<form part="request-form" id="request" class="request" novalidate aria-labelledby="request-heading" @submit=${this.#submitRequest}>
      <h3 id="request-heading" tabindex="-1">${t.term('mailbox.request.heading')}</h3>
      <p class="hint">${t.term('mailbox.request.intro')}</p>
      <div class="field">
        <label for="req-policy">${t.term('mailbox.filterPolicy')}</label>
        <select id="req-policy" name="policyId" required aria-invalid=${!!fields.policyId} aria-describedby="req-policy-error" @change=${this.#onRequestField}>
          <option value="">${t.term('mailbox.request.choose')}</option>
          ${this.#policyOptions(policy)}
        </select>
        <p class="field-error" id="req-policy-error">${problem('policyId')}</p>
      </div>
      <div class="field">
        <label for="req-type">${t.term('mailbox.request.type')}</label>
        <select id="req-type" name="type" required ?disabled=${!types?.length} aria-invalid=${!!fields.type} aria-describedby="req-type-error" @change=${this.#onRequestField}>
          <option value="">${t.term(policy && !types ? 'state.loading' : 'mailbox.request.choose')}</option>
          ${types?.map(
            (option) => html`<option value=${option.type} .selected=${option.type === type} ?disabled=${option.remaining < 1}>
              ${t.term('mailbox.request.typeOption', option.name[t.lang], option.remaining)}
            </option>`,
          )}
        </select>
        ${types?.length === 0 ? html`<p class="hint">${t.term('mailbox.request.noTypes')}</p>` : nothing}
        <p class="field-error" id="req-type-error">${problem('type')}</p>
      </div>
      ${error ? html`<p class="notice error" role="alert">${t.problem(error)}</p>` : nothing}
      <div class="actions">
        <button part="request-submit" class="button" type="submit" aria-disabled=${!!busy} aria-busy=${!!busy}>
          ${t.term(busy ? 'mailbox.request.sending' : 'mailbox.request.submit')}
        </button>
        <button class="button secondary" type="button" @click=${this.#toggleRequest}>${t.term('action.cancel')}</button>
      </div>
    </form>`;
  }

  #policyOptions(selected: string | undefined) {
    const t = this.localize;
    return this.view.policies.map(
      (p) =>
        html`<option value=${p.id} .selected=${String(p.id) === selected}>${t.term('mailbox.policyOption', p.policyNumber, p.productName[t.lang])}</option>`,
    );
  }

  /** Loads the first page (or, with `more`, the next one unless one is loading) under the current filters. */
  #load(more = false): void {
    const api = this.sessionApi;
    if (!api || (more && this.view.loading)) return;
    void this.#documents.run([api, this.pageSize, more]);
  }

  /** A filter `<select>` changed (its `name` is the query parameter), or "clear filters" was chosen. */
  #filter = (event: Event): void => {
    const { name, value } = event.target as HTMLSelectElement;
    this.#set({ filters: name ? { ...this.view.filters, [name]: value } : {} });
    this.#load();
    if (!name) void this.#focus('#type-filter');
  };

  async #open(doc: MailboxDocument): Promise<void> {
    const api = this.api;
    const { id, title } = doc;
    if (!api || this.view.opening.includes(id)) return;
    this.#set({ opening: [...this.view.opening, id] });
    try {
      // The PDF comes by fetch (with the session's proof; no cookie, no credential in a URL), and
      // the code that shows it only when a document is opened.
      const [blob, { openPdf, pdfFilename }] = await Promise.all([api.blob(`/documents/${encodeURIComponent(id)}/content`), import('./open-pdf.ts')]);
      const how = openPdf(blob, pdfFilename(title));
      // The API marked it read when it answered the content: mirror that here.
      const list = this.view.list;
      this.#set({
        notice: ['success', () => this.localize.term(`mailbox.${how}`, title)],
        list: list && {
          ...list,
          unreadCount: list.unreadCount - +list.items.some((d) => d.id === id && !d.read),
          items: list.items.map((d) => (d.id === id ? { ...d, read: true } : d)),
        },
      });
      this.dispatchEvent(new GpDocumentOpenedEvent(id, doc.type));
    } catch (error) {
      this.reportError(error, 'open-document');
      this.#set({ notice: ['error', () => this.localize.problem(error)] });
    }
    this.#set({ opening: this.view.opening.filter((o) => o !== id) });
  }

  #toggleRequest = (): void => {
    const open = !this.view.requestOpen;
    this.#dropRequestWork();
    this.#set({ requestOpen: open, req: NO_REQUEST });
    void this.#focus(open ? '#request-heading' : '[part~="request-toggle"]');
  };

  /** A request `<select>` changed: a new contract resets the form and fetches its requestable types. */
  #onRequestField = async (event: Event): Promise<void> => {
    const { name, value } = event.target as HTMLSelectElement;
    if (name === 'type') return this.#req({ type: value, fields: { ...this.view.req.fields, type: undefined }, error: undefined });
    this.#dropRequestWork();
    this.#set({ req: { ...NO_REQUEST, policy: value } });
    void this.#types.run([this.sessionApi, value]);
  };

  #submitRequest = (event: SubmitEvent): void => {
    event.preventDefault();
    const api = this.sessionApi;
    const { policy, type, busy } = this.view.req;
    if (!api || busy) return;
    if (!policy || !type) return void this.#markFields({ policyId: policy ? undefined : 'required', type: type ? undefined : 'required' });
    this.#req({ fields: {}, error: undefined, busy: true });
    void this.#sending.run([api, { policyId: Number(policy), type }]);
  };

  /** The request is done: the form closes, the notice says so, and the new document is shown (its Open button focused). */
  #requested(created: DocumentRequestCreated): void {
    const name = created.request.typeName;
    this.#set({ requestOpen: false, req: NO_REQUEST, notice: ['success', () => this.localize.term('mailbox.request.done', name[this.localize.lang])] });
    if (created.documentId) {
      this.#focusAfterLoad = created.documentId;
      this.#load();
    } else void this.#focus('[part~="request-toggle"]');
  }

  #refused(error: unknown): void {
    this.reportError(error, 'request-document');
    const fields = isApiProblem(error) ? { policyId: error.fieldCode('policyId'), type: error.fieldCode('type') } : {};
    if (!fields.policyId && !fields.type) return this.#req({ error, busy: false });
    void this.#markFields(fields);
  }

  /** Missing or refused choices: marks them and focuses the first. */
  async #markFields(fields: RequestState['fields']): Promise<void> {
    this.#req({ fields, error: undefined, busy: false });
    await this.#focus('.request [aria-invalid="true"]');
  }
}
