import { Task, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../api/api-client.ts';
import { ApiProblem, isApiProblem } from '../../api/api-problem.ts';
import type { Invoice, InvoicePage, Payment, StartPayment, StartedPayment } from '../../api/schemas.ts';
import { GpPaymentCompletedEvent } from '../../events/payment-completed.ts';
import { GpElement } from '../../internal/gp-element.ts';
import { renderEmpty, renderError, renderLoading } from '../../internal/states.ts';
import { cardTable } from '../../styles/card-table.ts';
import { forms } from '../../styles/forms.ts';
import styles from './invoice-pay.styles.ts';
import { isPopupReturn, MAX_INVOICES, navigation, openPopup, returnUrl, sleep, STORAGE_KEY, takeRedirectReturn } from './payment-flow.ts';

export type PaymentMode = 'popup' | 'redirect';

/** `popupBlocked`: starting, the popup was blocked (the redirect follows). Also names the progress term. */
type Phase = 'idle' | 'starting' | 'popupBlocked' | 'waiting' | 'checking';

/** What the widget renders; replaced as a whole on every change. */
export interface InvoicePayView {
  page?: InvoicePage;
  /** A (re)load is under way. */
  loading?: boolean;
  /** The first load failed (a later, silent reload keeps the list). */
  loadError?: unknown;
  selected: ReadonlySet<number>;
  phase: Phase;
  /** Why the payment could not start, or its status could not be read. */
  payError?: unknown;
  /** The last polled payment: final, or still pending when polling stopped. */
  result?: Payment;
  /** Paid invoices (the payment history), once the customer opened that view. */
  history?: InvoicePage;
  historyError?: unknown;
  /** A receipt is being fetched (its invoice's id). */
  openingReceipt?: number;
}

/** The two lists: what is to pay, and what was paid (with the receipts). */
type Tab = 'due' | 'paid';

const networkFailure = (error: unknown) => isApiProblem(error) && error.status === 0;

/** The open and overdue invoices (of one contract, with `policyId`), earliest due date first. */
const payable = (page?: InvoicePage, policyId?: number) =>
  (page?.items ?? [])
    .filter((i) => (i.status === 'open' || i.status === 'overdue') && (policyId === undefined || i.policyId === policyId))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id);

/** The outstanding premium of the invoices shown (the page's own figures cover every contract). */
function outstandingOf(invoices: Invoice[]): InvoicePage['outstanding'] {
  const overdue = invoices.filter((i) => i.overdue);
  const sum = (list: Invoice[]) => list.reduce((total, i) => total + i.amountHuf, 0);
  return { totalHuf: sum(invoices), count: invoices.length, overdueHuf: sum(overdue), overdueCount: overdue.length };
}

/**
 * The customer's open and overdue invoices (earliest due date first) with the outstanding
 * premium, and card payment of the selected ones on the insurer's hosted payment page; and the
 * paid ones with their receipts. A payment whose window the customer closed is shown on its
 * invoices, which can resume it or cancel it (then they can be paid again at once).
 *
 * The customer ticks one or more invoices (at most 20 per payment) and presses Pay. In `popup`
 * mode the hosted page opens in a popup (opened in the click, so blockers let it through; a
 * blocked popup falls back to the redirect) and the widget polls the payment every 2 s until it is
 * final or the popup is closed. In `redirect` mode the page leaves for the hosted page and the
 * widget finishes on return (`#gp-payment-return`), polling for up to ~60 s. The result
 * (succeeded with the receipt in the mailbox, declined, cancelled, failed, or still pending) is
 * announced and focused, and the list refreshes. Loaded inside the payment popup on its return,
 * the widget closes that window.
 *
 * @summary Open invoices, the outstanding premium, and paying them by card.
 *
 * @event {GpPaymentCompletedEvent} gp-payment-completed - A payment reached a final state
 *   (`event.payment.status`: `succeeded`, `declined`, `cancelled` or `failed`).
 * @event {GpErrorEvent} gp-error - Loading the invoices, starting a payment or reading its status
 *   failed (`event.action`: `load`, `pay`, `status`, `resume`, `cancel-payment`, `load-history`,
 *   `open-receipt`).
 *
 * @csspart base - The widget's frame (a labelled region).
 * @csspart heading - The widget's heading.
 * @csspart outstanding - The outstanding premium (and the overdue part).
 * @csspart table - The invoice table.
 * @csspart select-all - The "select all" checkbox.
 * @csspart invoice - Each invoice row (also `overdue` on overdue ones).
 * @csspart checkbox - Each invoice's checkbox.
 * @csspart invoice-number - Each invoice's number.
 * @csspart status - Each invoice's status text (open, overdue by N days, payment in progress).
 * @csspart resume-button - Opens a waiting payment's page again.
 * @csspart cancel-payment-button - Gives up a waiting payment, so its invoices can be paid anew.
 * @csspart tabs - The switch between the invoices to pay and the paid ones.
 * @csspart tab - Each of its buttons (`[aria-pressed="true"]` is the current list).
 * @csspart history - The paid invoices.
 * @csspart paid-invoice - Each paid invoice.
 * @csspart receipt-button - Opens a paid invoice's receipt (Befizetés igazolása).
 * @csspart selection - The live sum of the selection.
 * @csspart pay-error - Why the payment could not start (an alert).
 * @csspart pay-button - The pay button.
 * @csspart progress - The live region: payment starting, waiting for the popup, the result.
 * @csspart show-window-button - Brings the payment popup to the front.
 * @csspart result - The payment's result.
 * @csspart result-heading - The result's heading (focused when the result arrives).
 * @csspart check-button - Checks a still pending payment again.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart empty - The "nothing to pay" state.
 * @csspart logged-out - Shown while nobody is logged in.
 * @csspart login-button - The logged-out state's log-in button.
 *
 * @cssproperty --gp-color-warning - Overdue invoices (always with text too).
 * @cssproperty --gp-color-success - A successful payment.
 * @cssproperty --gp-color-danger - Errors and refused payments.
 */
export default class GpInvoicePay extends GpElement {
  static override styles = [...GpElement.styles, forms, cardTable, styles];

  /** How the hosted payment page opens: `popup` (default) or `redirect` (the whole page leaves). */
  @property({ attribute: 'payment-mode', reflect: true, converter: (value) => (value === 'redirect' ? 'redirect' : 'popup') })
  accessor paymentMode: PaymentMode = 'popup';

  /**
   * One contract's invoices only (a contract's page pays its own premium where it shows it);
   * the paid list is then left to the contract's own invoice table.
   */
  @property({ attribute: 'policy-id', type: Number }) accessor policyId: number | undefined;

  /** Milliseconds between status polls. */
  pollInterval = 2000;

  /** Milliseconds to poll a payment after a redirect (or "check again") before showing it as still pending. */
  pendingTimeout = 60_000;

  @state() accessor view: InvoicePayView = { selected: new Set(), phase: 'idle' };

  /** Which list shows: the invoices to pay (default) or the paid ones. */
  @state() accessor tab: Tab = 'due';

  /** Aborted when the widget leaves the page; connected again, a new one makes it load afresh. */
  #connection = new AbortController();
  #popup: Window | null = null;
  /** The payment id brought back by a redirect, polled once logged in. */
  #returned: string | undefined;
  /** The Idempotency-Key of the last attempt, kept for a retry after a network error. */
  #attempt: { ids: string; key: string } | undefined;

  /** A new session (or none, or a new connection): a fresh view, polling stopped, the invoices loaded. */
  readonly #session = new Task(this, {
    // An update may still run after the widget left the page: it loads nothing then.
    args: () => [this.isConnected ? this.sessionApi : undefined, this.#connection] as const,
    task: ([api]) => {
      void this.#watcher.run([]);
      this.view = { selected: new Set(), phase: 'idle' };
      if (!api) return;
      void this.#invoices.run([api]);
      const id = this.#returned;
      this.#returned = undefined;
      if (id) void this.#watcher.run([api, id, null]);
    },
  });

  /** The open invoices; a new load aborts the one under way. */
  readonly #invoices = new Task(this, {
    autoRun: false,
    task: ([api]: [ApiClient], { signal }) => {
      this.#set({ loading: true, loadError: undefined });
      return api.get<InvoicePage>('/invoices', { status: 'open', pageSize: 100 }, signal);
    },
    onComplete: (page) => {
      const { selected } = this.view;
      this.#set({
        page,
        loading: false,
        selected: new Set(
          payable(page, this.policyId)
            .filter((i) => !i.paymentPending && selected.has(i.id))
            .map((i) => i.id),
        ),
      });
    },
    // A failure replaces the list only when there is none yet.
    onError: (error) => {
      this.reportError(error, 'load');
      this.#set(this.view.page ? { loading: false } : { loading: false, loadError: error });
    },
  });

  /** The paid invoices, newest first, loaded when the customer opens that list (and again after a payment). */
  readonly #history = new Task(this, {
    args: () => [this.tab === 'paid' ? this.sessionApi : undefined, this.view.result] as const,
    task: ([api], { signal }) => {
      if (!api) return initialState;
      this.#set({ historyError: undefined });
      return api.get<InvoicePage>('/invoices', { status: 'paid', pageSize: 50 }, signal);
    },
    onComplete: (history) => this.#set({ history }),
    onError: (error) => this.#set({ historyError: this.reportError(error, 'load-history') }),
  });

  /**
   * Polls a payment (see {@link GpInvoicePay.#poll}) to its result; run without arguments (or
   * aborted) it stops, and a late answer of the stopped run is dropped.
   */
  readonly #watcher = new Task(this, {
    autoRun: false,
    task: ([api, id, popup]: [ApiClient?, string?, (Window | null)?], { signal }) => (api && id ? this.#poll(api, id, popup ?? null, signal) : initialState),
    onComplete: (payment) => void this.#finish(payment),
    onError: (error) => this.#set({ phase: 'idle', payError: this.reportError(error, 'status') }),
  });

  #set(patch: Partial<InvoicePayView>): void {
    this.view = { ...this.view, ...patch };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (isPopupReturn()) {
      window.close();
      return;
    }
    this.#returned ??= takeRedirectReturn();
    this.requestUpdate();
  }

  /** Stops polling; connected again, the widget loads afresh. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#watcher.abort();
    this.#connection.abort();
    this.#connection = new AbortController();
  }

  /** Loads the invoices (again). */
  #load(): void {
    const api = this.sessionApi;
    if (api) void this.#invoices.run([api]);
  }

  /** The click on Pay (Lit calls it on the element): the popup must open here, synchronously, before anything is awaited. */
  async #pay(): Promise<void> {
    const { page, selected, phase } = this.view;
    const api = this.sessionApi;
    if (phase !== 'idle' || !api) return;
    const invoiceIds = payable(page, this.policyId)
      .filter((i) => selected.has(i.id))
      .map((i) => i.id);
    if (!invoiceIds.length || invoiceIds.length > MAX_INVOICES) {
      this.#set({ result: undefined, payError: new ApiProblem(0, invoiceIds.length ? 'too_many_invoices' : 'no_invoices') });
      return;
    }
    const popup = this.paymentMode === 'popup' ? openPopup() : null;
    const ids = invoiceIds.join();
    if (this.#attempt?.ids !== ids) this.#attempt = { ids, key: crypto.randomUUID() };
    const url = returnUrl();
    const body: StartPayment = { invoiceIds, returnUrl: url, cancelUrl: url, language: this.localize.lang };
    this.#set({ phase: this.paymentMode === 'popup' && !popup ? 'popupBlocked' : 'starting', payError: undefined, result: undefined });
    let started: StartedPayment;
    try {
      started = await api.post<StartedPayment>('/payments', body, { 'Idempotency-Key': this.#attempt.key });
    } catch (error) {
      popup?.close();
      // The same attempt, retried after a network error, must not start a second payment.
      if (!networkFailure(error)) this.#attempt = undefined;
      this.#set({ phase: 'idle', payError: this.reportError(error, 'pay') });
      if (isApiProblem(error) && error.code.startsWith('invoice_')) this.#load();
      return;
    }
    this.#attempt = undefined;
    if (started.status === 'pending' && started.redirectUrl) {
      if (popup) {
        popup.location.href = started.redirectUrl;
        return this.#watch(started.paymentId, popup);
      }
      sessionStorage.setItem(STORAGE_KEY, started.paymentId);
      navigation.assign(started.redirectUrl);
      return;
    }
    popup?.close();
    return this.#watch(started.paymentId, null);
  }

  /**
   * Goes back to a payment still waiting for the provider (the customer closed its window): its
   * page opens again, in the click like a new payment's; a payment that ended meanwhile shows its result.
   */
  async #resume(paymentId: string): Promise<void> {
    const api = this.sessionApi;
    if (this.view.phase !== 'idle' || !api) return;
    const popup = this.paymentMode === 'popup' ? openPopup() : null;
    this.#set({ phase: 'checking', payError: undefined, result: undefined });
    let payment: Payment;
    try {
      payment = await api.get<Payment>(`/payments/${encodeURIComponent(paymentId)}`);
    } catch (error) {
      popup?.close();
      this.#set({ phase: 'idle', payError: this.reportError(error, 'resume') });
      return;
    }
    if (payment.status !== 'pending' || !payment.redirectUrl) {
      popup?.close();
      return this.#finish(payment);
    }
    if (popup) {
      popup.location.href = payment.redirectUrl;
      return this.#watch(payment.id, popup);
    }
    sessionStorage.setItem(STORAGE_KEY, payment.id);
    navigation.assign(payment.redirectUrl);
  }

  /** Gives up a waiting payment: its invoices can be paid again at once (a late success still counts at the insurer). */
  async #cancelPayment(paymentId: string): Promise<void> {
    const api = this.sessionApi;
    if (this.view.phase !== 'idle' || !api) return;
    this.#set({ phase: 'checking', payError: undefined, result: undefined });
    try {
      await this.#finish(await api.post<Payment>(`/payments/${encodeURIComponent(paymentId)}/cancel`, {}));
    } catch (error) {
      this.#set({ phase: 'idle', payError: this.reportError(error, 'cancel-payment') });
      this.#load();
    }
  }

  /** A paid invoice's receipt: the PDF from the mailbox, in a new tab (or downloaded), with the mailbox's own opener. */
  async #openReceipt(invoice: Invoice): Promise<void> {
    const api = this.sessionApi;
    if (!api || !invoice.receiptDocumentId || this.view.openingReceipt !== undefined) return;
    this.#set({ openingReceipt: invoice.id, payError: undefined });
    try {
      const [blob, { openPdf, pdfFilename }] = await Promise.all([
        api.blob(`/documents/${encodeURIComponent(invoice.receiptDocumentId)}/content`),
        import('../mailbox/open-pdf.ts'),
      ]);
      openPdf(blob, pdfFilename(`${this.localize.term('invoicePay.receiptName')} ${invoice.invoiceNumber}`));
    } catch (error) {
      this.#set({ payError: this.reportError(error, 'open-receipt') });
    } finally {
      this.#set({ openingReceipt: undefined });
    }
  }

  /** Watches a payment of this session (a new watch replaces the one under way). */
  async #watch(id: string, popup: Window | null): Promise<void> {
    const api = this.sessionApi;
    if (api) await this.#watcher.run([api, id, popup]);
  }

  /** Polls the payment: while the popup is open, then once more; without a popup until ~60 s. */
  async #poll(api: ApiClient, id: string, popup: Window | null, signal: AbortSignal): Promise<Payment | typeof initialState> {
    this.#popup = popup;
    this.#set({ phase: popup ? 'waiting' : 'checking', result: undefined });
    const deadline = Date.now() + this.pendingTimeout;
    for (;;) {
      const closed = !popup || popup.closed;
      let payment: Payment | undefined;
      try {
        payment = await api.get<Payment>(`/payments/${encodeURIComponent(id)}`, undefined, signal);
      } catch (error) {
        if (signal.aborted) return initialState;
        if (!networkFailure(error) || (closed && Date.now() >= deadline)) throw error;
      }
      if (signal.aborted) return initialState;
      // Still pending: go on while the popup is open (until the checkout expires: no redirectUrl), else until the deadline.
      if (payment && (payment.status !== 'pending' || !payment.redirectUrl || (closed && (popup || Date.now() >= deadline)))) return payment;
      await sleep(this.pollInterval);
      if (signal.aborted) return initialState;
    }
  }

  /** Shows the result (final, or still pending), announces a final one, and refreshes the list. */
  async #finish(result: Payment): Promise<void> {
    const final = result.status !== 'pending';
    if (final) this.#popup?.close();
    this.#popup = null;
    this.#set({ phase: 'idle', result, selected: result.status === 'succeeded' ? new Set() : this.view.selected });
    if (final) this.dispatchEvent(new GpPaymentCompletedEvent(result));
    this.#load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#result-heading')?.focus();
  }

  protected override render() {
    const t = this.localize;
    const { page, loadError } = this.view;
    const invoices = payable(page, this.policyId);
    const ofContract = this.policyId !== undefined;
    return html`<section part="base" lang=${t.lang} aria-labelledby="heading">
      <h2 id="heading" part="heading">${t.term(ofContract ? 'invoicePay.policyHeading' : 'invoicePay.heading')}</h2>
      ${
        this.renderGate() ??
        html`${ofContract ? nothing : this.#renderTabs()}<div part="progress" role="status" aria-live="polite">${this.#renderProgress()}</div>
        ${
          this.tab === 'paid' && !ofContract
            ? this.#renderHistory()
            : loadError
              ? renderError(t, loadError, () => this.#load())
              : !page
                ? renderLoading(t)
                : invoices.length
                  ? this.#renderList(ofContract ? outstandingOf(invoices) : page.outstanding, invoices)
                  : renderEmpty(t.term('invoicePay.empty'))
        }`
      }
    </section>`;
  }

  #renderTabs() {
    const t = this.localize;
    const tab = (name: Tab) =>
      html`<button part="tab" class="tab" type="button" aria-pressed=${this.tab === name ? 'true' : 'false'} @click=${() => (this.tab = name)}>
        ${t.term(name === 'due' ? 'invoicePay.tabDue' : 'invoicePay.tabPaid')}
      </button>`;
    return html`<div part="tabs" class="tabs" role="group" aria-label=${t.term('invoicePay.views')}>${tab('due')}${tab('paid')}</div>`;
  }

  /** The paid invoices, latest first, each with its receipt when the partner may open it. */
  #renderHistory() {
    const t = this.localize;
    const { history, historyError, openingReceipt } = this.view;
    if (historyError !== undefined && !history) return renderError(t, historyError, () => void this.#history.run());
    if (!history) return renderLoading(t);
    if (!history.items.length) return renderEmpty(t.term('invoicePay.historyEmpty'));
    return html`<ul part="history" class="history" aria-label=${t.term('invoicePay.historyCaption')}>
      ${history.items.map(
        (i) => html`<li part="paid-invoice">
          <span class="paid-what"><span part="invoice-number" id="paid-${i.id}">${i.invoiceNumber}</span> <span class="sub">${i.policyNumber}</span></span>
          <span>${i.paidAt ? t.term('invoicePay.paidOn', t.date(i.paidAt)) : nothing}</span>
          <span class="num">${t.money(i.amountHuf)}</span>
          ${
            i.receiptDocumentId
              ? html`<button part="receipt-button" class="link" type="button" aria-describedby="paid-${i.id}" aria-disabled=${openingReceipt === i.id ? 'true' : 'false'}
                @click=${() => void this.#openReceipt(i)}>${t.term('invoicePay.openReceipt')}</button>`
              : nothing
          }
        </li>`,
      )}
    </ul>
    <div part="pay-error" class="notice error" role="alert">${this.view.payError ? t.problem(this.view.payError) : nothing}</div>`;
  }

  #renderList(outstanding: InvoicePage['outstanding'], invoices: Invoice[]) {
    const t = this.localize;
    const { selected, loading, phase, payError } = this.view;
    const open = invoices.filter((i) => !i.paymentPending);
    const chosen = invoices.filter((i) => selected.has(i.id));
    const sum = t.money(chosen.reduce((total, i) => total + i.amountHuf, 0));
    const all = open.length > 0 && open.every((i) => selected.has(i.id));
    const busy = phase !== 'idle';
    const toggle = (ids: number[]) => (e: Event) => {
      const next = new Set(this.view.selected);
      const checked = (e.target as HTMLInputElement).checked;
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      this.#set({ selected: next, payError: undefined });
    };
    return html`
      <p part="outstanding">
        <strong>${t.term('invoicePay.outstanding', t.money(outstanding.totalHuf), outstanding.count)}</strong>${
          outstanding.overdueCount
            ? html`<span class="late">${t.term('invoicePay.overdue', t.money(outstanding.overdueHuf), outstanding.overdueCount)}</span>`
            : nothing
        }
      </p>
      <div class="scroll">
        <table part="table" class="cards" aria-busy=${!!loading}>
          <caption>${t.term('invoicePay.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" class="card-keep">
                <input part="select-all" type="checkbox" id="select-all" aria-label=${t.term('invoicePay.selectAll')} .checked=${all}
                  .indeterminate=${!all && chosen.length > 0} ?disabled=${busy || !open.length} @change=${toggle(open.map((i) => i.id))} />
                <label class="card-only" for="select-all" aria-hidden="true">${t.term('invoicePay.selectAll')}</label>
              </th>
              <th scope="col">${t.term('invoicePay.invoice')}</th>
              <th scope="col">${t.term('invoicePay.due')}</th>
              <th scope="col" class="num">${t.term('invoicePay.amount')}</th>
              <th scope="col">${t.term('invoicePay.status')}</th>
            </tr>
          </thead>
          <tbody>
            ${invoices.map(
              (i) => html`<tr part=${i.overdue ? 'invoice overdue' : 'invoice'}>
                <td>
                  <input part="checkbox" type="checkbox" aria-label=${t.term('invoicePay.select', i.invoiceNumber)} .checked=${selected.has(i.id)}
                    ?disabled=${busy || i.paymentPending} @change=${toggle([i.id])} />
                </td>
                <th scope="row">
                  <span part="invoice-number" id="inv-${i.id}">${i.invoiceNumber}</span>
                  <span class="sub">${i.policyNumber}</span>
                </th>
                <td data-label=${t.term('invoicePay.due')}>${t.date(i.dueDate)}</td>
                <td class="num">${t.money(i.amountHuf)}</td>
                <td>
                  <span part="status"
                    >${i.paymentPending ? `${t.term('invoicePay.inPayment')} · ` : nothing}${i.overdue ? t.term('invoicePay.late', i.daysOverdue) : t.term('invoicePay.open')}</span
                  >
                  ${
                    i.pendingPaymentId
                      ? html`<span class="row-actions">
                          <button part="resume-button" class="link" type="button" aria-describedby="inv-${i.id}" ?disabled=${busy}
                            @click=${() => void this.#resume(i.pendingPaymentId!)}>${t.term('invoicePay.resume')}</button>
                          <button part="cancel-payment-button" class="link" type="button" aria-describedby="inv-${i.id}" ?disabled=${busy}
                            @click=${() => void this.#cancelPayment(i.pendingPaymentId!)}>${t.term('invoicePay.cancelPayment')}</button>
                        </span>`
                      : nothing
                  }
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p part="selection" role="status" aria-live="polite">
        ${t.term('invoicePay.selection', chosen.length, sum)}
        ${chosen.length > MAX_INVOICES ? html`<strong class="late">${t.term('problem.too_many_invoices')}</strong>` : nothing}
      </p>
      <div part="pay-error" class="notice error" role="alert">${payError ? t.problem(payError) : nothing}</div>
      <div class="actions">
        <button part="pay-button" class="button" type="button" ?disabled=${busy || chosen.length === 0} @click=${this.#pay}>${t.term('invoicePay.pay', sum)}</button>
      </div>
    `;
  }

  #renderProgress() {
    const t = this.localize;
    const { phase, result: p } = this.view;
    if (phase === 'waiting') {
      return html`<div class="notice">
        <p>${t.term('invoicePay.waiting')}</p>
        <button part="show-window-button" class="button secondary" type="button" @click=${() => this.#popup?.focus()}>${t.term('invoicePay.showWindow')}</button>
      </div>`;
    }
    if (phase !== 'idle') return html`<p class="notice">${t.term(`invoicePay.${phase}`)}</p>`;
    if (!p) return nothing;
    const s = p.status;
    return html`<div part="result" class="notice ${s === 'succeeded' ? 'success' : s === 'pending' ? 'warning' : 'error'}">
      <h3 id="result-heading" part="result-heading" tabindex="-1">${t.term(`invoicePay.${s}`)}</h3>
      ${
        s === 'succeeded'
          ? html`<p>${t.term('invoicePay.paid', t.money(p.amountHuf), p.invoices.map((i) => i.invoiceNumber).join(', '))}</p>
            <p>${t.term(p.receiptDocumentId ? 'invoicePay.receipt' : 'invoicePay.receiptSoon')}</p>`
          : html`<p>${t.term(`invoicePay.${s}Text`)}</p>`
      }
      ${
        s === 'pending'
          ? html`<button part="check-button" class="button secondary" type="button" @click=${() => void this.#watch(p.id, null)}>${t.term('invoicePay.checkAgain')}</button>`
          : nothing
      }
    </div>`;
  }
}
