import type { Lang } from '../../../../widgets/i18n/lang.ts';
import { afterEach, beforeEach, describe, it } from '../../mocha.ts';
import { elementUpdated, expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Invoice, InvoicePage, Payment } from '../../../../widgets/api/schemas.ts';
import '../../../../widgets/components/invoice-pay/invoice-pay.ts';
import type GpInvoicePay from '../../../../widgets/components/invoice-pay/invoice-pay.component.ts';
import { navigation, RETURN_HASH, STORAGE_KEY } from '../../../../widgets/components/invoice-pay/payment-flow.ts';
import { invoicePayEn as en } from '../../../../widgets/i18n/terms/invoice-pay.en.ts';
import { invoicePayHu as hu } from '../../../../widgets/i18n/terms/invoice-pay.hu.ts';
import type { GpErrorEvent } from '../../../../widgets/events/error.ts';
import { GpPaymentCompletedEvent } from '../../../../widgets/events/payment-completed.ts';
import { FakeApi, problem } from '../../support/fake-api.ts';
import { inPortal, part, parts, textOf } from '../../support/render.ts';
import { invoice } from './fixtures.ts';

const PAYMENT_ID = '7b0e5c36-2f1d-4c55-9a43-0c6f3f3b9e11';
const REDIRECT = 'https://pay.test/pay/demo/ref-1';

/** Out of due-date order on purpose: the widget sorts them. */
const INVOICES: Invoice[] = [
  invoice(2, '2025-06-15', 24_500),
  invoice(1, '2025-04-01', 18_200, { status: 'overdue', overdue: true, daysOverdue: 12 }),
  invoice(3, '2025-07-15', 31_000, { product: 'home', policyNumber: 'OTTH-7' }),
  invoice(4, '2025-05-10', 9_900, { paymentPending: true, pendingPaymentId: PAYMENT_ID }),
];

function pageOf(items: Invoice[]): InvoicePage {
  const overdue = items.filter((i) => i.overdue);
  return {
    items,
    page: 1,
    pageSize: 100,
    total: items.length,
    outstanding: {
      totalHuf: items.reduce((s, i) => s + i.amountHuf, 0),
      count: items.length,
      overdueHuf: overdue.reduce((s, i) => s + i.amountHuf, 0),
      overdueCount: overdue.length,
    },
  };
}

function payment(status: Payment['status'], extra: Partial<Payment> = {}): Payment {
  return {
    id: PAYMENT_ID,
    status,
    amountHuf: 42_700,
    createdAt: '2025-04-13T10:00:00Z',
    completedAt: status === 'pending' ? null : '2025-04-13T10:01:00Z',
    expiresAt: '2025-04-13T10:30:00Z',
    redirectUrl: status === 'pending' ? REDIRECT : null,
    providerReference: 'ref-1',
    receiptDocumentId: status === 'succeeded' ? 'doc-991' : null,
    refundDueHuf: 0,
    invoices: [
      { id: 1, invoiceNumber: 'DB-2025-0001', policyNumber: 'KGFB-101', amountHuf: 18_200, status: status === 'succeeded' ? 'paid' : 'overdue' },
      { id: 2, invoiceNumber: 'DB-2025-0002', policyNumber: 'KGFB-102', amountHuf: 24_500, status: status === 'succeeded' ? 'paid' : 'open' },
    ],
    ...extra,
  };
}

interface FakePopup {
  closed: boolean;
  location: { href: string };
  close(): void;
  focus(): void;
}

/** The order of browser-side steps: `open` (the popup) and the API calls (`POST /payments` …). */
let steps: string[] = [];
let api: FakeApi;
let openCalls: unknown[][] = [];
let popup: FakePopup | null;
const originalOpen = window.open;
const originalAssign = navigation.assign;
let assigned: string[] = [];

function stubPopup(blocked = false): void {
  popup = blocked
    ? null
    : {
        closed: false,
        location: { href: '' },
        close() {
          this.closed = true;
        },
        focus() {},
      };
  window.open = ((...args: unknown[]) => {
    openCalls.push(args);
    steps.push('open');
    return popup as unknown as Window;
  }) as typeof window.open;
}

/** A fake API whose GET /payments/:id answers the given statuses in turn (the last one repeats). */
function fakeApi(items: Invoice[] = INVOICES, statuses: Payment['status'][] = ['pending', 'succeeded']): FakeApi {
  let polls = 0;
  return new FakeApi()
    .on('GET', '/invoices', () => ({ json: pageOf(items) }))
    .on('POST', '/payments', () => {
      steps.push('POST /payments');
      return { status: 201, json: { paymentId: PAYMENT_ID, status: 'pending', amountHuf: 42_700, redirectUrl: REDIRECT } };
    })
    .on('GET', '/payments/:id', () => ({ json: payment(statuses[Math.min(polls++, statuses.length - 1)]!) }));
}

async function render(options: { lang?: Lang; mode?: 'popup' | 'redirect' } = {}) {
  const result = await inPortal<GpInvoicePay>(html`<gp-invoice-pay payment-mode=${options.mode ?? 'popup'} .pollInterval=${5}></gp-invoice-pay>`, options);
  await waitUntil(() => result.widget.view.page !== undefined || result.widget.view.loadError !== undefined, 'the invoices never loaded');
  await elementUpdated(result.widget);
  return result;
}

const rows = (el: GpInvoicePay) => parts(el, 'invoice');
const checkbox = (el: GpInvoicePay, invoiceNumber: string) =>
  parts<HTMLInputElement>(el, 'checkbox').find((c) => c.getAttribute('aria-label')!.includes(invoiceNumber))!;

async function tick(el: GpInvoicePay, input: HTMLInputElement) {
  input.click();
  await elementUpdated(el);
}

describe('<gp-invoice-pay>', () => {
  beforeEach(() => {
    steps = [];
    openCalls = [];
    assigned = [];
    popup = null;
    navigation.assign = (url: string) => {
      assigned.push(url);
    };
  });

  afterEach(() => {
    api?.restore();
    window.open = originalOpen;
    navigation.assign = originalAssign;
    sessionStorage.removeItem(STORAGE_KEY);
  });

  it('is registered under gp-invoice-pay and defaults to the popup mode', () => {
    const el = document.createElement('gp-invoice-pay');
    expect(el.paymentMode).to.equal('popup');
    el.setAttribute('payment-mode', 'redirect');
    expect(el.paymentMode).to.equal('redirect');
    el.setAttribute('payment-mode', 'bogus');
    expect(el.paymentMode).to.equal('popup');
  });

  it('lists the open invoices by due date, marks the overdue one in words, and shows the outstanding total', async () => {
    api = fakeApi().install();
    const { widget } = await render();

    const [load] = api.callsTo('GET', '/invoices');
    expect(load!.query.get('status')).to.equal('open');
    expect(textOf(part(widget, 'heading'))).to.equal('Számlák és díjfizetés');
    expect(textOf(part(widget, 'outstanding'))).to.equal('Fizetendő összesen: 83 600 Ft (4 számla), ebből lejárt: 18 200 Ft (1 számla)');
    expect(textOf(part(widget, 'table').querySelector('caption'))).to.equal(hu['invoicePay.caption']);

    expect(parts(widget, 'invoice-number').map(textOf)).to.deep.equal(['DB-2025-0001', 'DB-2025-0004', 'DB-2025-0002', 'DB-2025-0003']);
    const [first, pending, , home] = rows(widget);
    expect(first!.getAttribute('part')).to.equal('invoice overdue');
    expect(textOf(first!.querySelector('[part~="status"]'))).to.equal('12 napja lejárt');
    expect(textOf(first)).to.include('2025. 04. 01.');
    expect(textOf(first)).to.include('18 200 Ft');
    expect(textOf(first)).to.include('DB-2025-0001 KGFB-101');
    expect(textOf(home)).to.include('OTTH-7');
    expect(textOf(home!.querySelector('[part~="status"]'))).to.equal('Nyitott');
    // A waiting payment keeps the invoice's own due state in sight.
    expect(textOf(pending!.querySelector('[part~="status"]'))).to.equal('Fizetés folyamatban · Nyitott');
    expect(checkbox(widget, 'DB-2025-0004').disabled).to.equal(true);
    expect(checkbox(widget, 'DB-2025-0001').getAttribute('aria-label')).to.equal('DB-2025-0001 kijelölése');
    expect(textOf(part(widget, 'selection'))).to.equal('Nincs kijelölt számla.');
  });

  it('sums the selection live, and "select all" takes every payable invoice', async () => {
    api = fakeApi().install();
    const { widget } = await render();
    const selection = part(widget, 'selection');
    expect(selection.getAttribute('role')).to.equal('status');
    expect(selection.getAttribute('aria-live')).to.equal('polite');

    await tick(widget, checkbox(widget, 'DB-2025-0001'));
    expect(textOf(selection)).to.equal('1 számla kijelölve, összesen 18 200 Ft.');
    const all = part<HTMLInputElement>(widget, 'select-all');
    expect(all.indeterminate).to.equal(true);
    expect(textOf(part(widget, 'pay-button'))).to.equal('Fizetés bankkártyával: 18 200 Ft');

    await tick(widget, all);
    expect(textOf(selection)).to.equal('3 számla kijelölve, összesen 73 700 Ft.');
    expect(all.checked).to.equal(true);
    expect(checkbox(widget, 'DB-2025-0004').checked).to.equal(false);

    await tick(widget, all);
    expect(textOf(selection)).to.equal('Nincs kijelölt számla.');
  });

  it('toggles invoices with the keyboard', async () => {
    api = fakeApi().install();
    const { widget } = await render();
    checkbox(widget, 'DB-2025-0002').focus();
    await sendKeys({ press: 'Space' });
    await elementUpdated(widget);
    expect(textOf(part(widget, 'selection'))).to.equal('1 számla kijelölve, összesen 24 500 Ft.');
    await sendKeys({ press: 'Tab' });
    expect(widget.shadowRoot!.activeElement).to.equal(checkbox(widget, 'DB-2025-0003'));
  });

  it('pays in a popup: opens it before the POST, polls until succeeded, announces and focuses the result, and refreshes', async () => {
    api = fakeApi().install();
    stubPopup();
    const { widget } = await render();
    await tick(widget, checkbox(widget, 'DB-2025-0001'));
    await tick(widget, checkbox(widget, 'DB-2025-0002'));

    const completed = oneEvent<GpPaymentCompletedEvent>(widget, 'gp-payment-completed');
    part(widget, 'pay-button').click();
    // Synchronously in the click (a popup blocker allows only that), before the POST.
    expect(openCalls).to.have.length(1);
    const event = await completed;
    await elementUpdated(widget);

    expect(steps.slice(0, 2)).to.deep.equal(['open', 'POST /payments']);
    expect(openCalls[0]![0]).to.equal('about:blank');
    const [post] = api.callsTo('POST', '/payments');
    const expectedReturn = `${location.href.split('#')[0]}${RETURN_HASH}`;
    expect(post!.body).to.deep.equal({ invoiceIds: [1, 2], returnUrl: expectedReturn, cancelUrl: expectedReturn, language: 'hu' });
    expect(post!.headers.get('idempotency-key')).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(popup!.location.href).to.equal(REDIRECT);
    expect(api.callsTo('GET', `/payments/${PAYMENT_ID}`).length).to.be.greaterThanOrEqual(2);

    expect(event).to.be.instanceOf(GpPaymentCompletedEvent);
    expect(event.payment.status).to.equal('succeeded');
    expect(event.payment.id).to.equal(PAYMENT_ID);

    const heading = part(widget, 'result-heading');
    expect(textOf(heading)).to.equal('Sikeres fizetés');
    expect(widget.shadowRoot!.activeElement).to.equal(heading);
    expect(part(widget, 'progress').getAttribute('aria-live')).to.equal('polite');
    expect(textOf(part(widget, 'result'))).to.include('Kifizetett összeg: 42 700 Ft. Kiegyenlített számlák: DB-2025-0001, DB-2025-0002.');
    expect(textOf(part(widget, 'result'))).to.include(hu['invoicePay.receipt']);
    expect(popup!.closed).to.equal(true);
    await waitUntil(() => api.callsTo('GET', '/invoices').length === 2, 'the list was not refreshed');
    expect(textOf(part(widget, 'selection'))).to.equal('Nincs kijelölt számla.');
  });

  it('stops polling when the popup closes, shows the still pending payment, and checks again on request', async () => {
    let status: Payment['status'] = 'pending';
    api = fakeApi()
      .on('GET', '/payments/:id', () => ({ json: payment(status) }))
      .install();
    stubPopup();
    const { widget } = await render();
    await tick(widget, checkbox(widget, 'DB-2025-0003'));
    part(widget, 'pay-button').click();
    await waitUntil(() => widget.view.phase === 'waiting', 'never waited for the popup');
    await elementUpdated(widget);
    expect(textOf(part(widget, 'progress'))).to.include(hu['invoicePay.waiting']);
    expect(part(widget, 'show-window-button').tagName).to.equal('BUTTON');

    let fired = false;
    widget.addEventListener('gp-payment-completed', () => (fired = true));
    popup!.closed = true;
    await waitUntil(() => widget.view.result !== undefined, 'no result after the popup closed');
    await elementUpdated(widget);
    expect(textOf(part(widget, 'result-heading'))).to.equal('A fizetés feldolgozás alatt áll');
    expect(textOf(part(widget, 'result'))).to.include(hu['invoicePay.pendingText']);
    expect(fired).to.equal(false);
    expect(widget.shadowRoot!.activeElement).to.equal(part(widget, 'result-heading'));

    const polls = api.callsTo('GET', `/payments/${PAYMENT_ID}`).length;
    status = 'declined';
    const completed = oneEvent<GpPaymentCompletedEvent>(widget, 'gp-payment-completed');
    part(widget, 'check-button').click();
    const event = await completed;
    await elementUpdated(widget);
    expect(event.payment.status).to.equal('declined');
    expect(api.callsTo('GET', `/payments/${PAYMENT_ID}`).length).to.equal(polls + 1);
    expect(textOf(part(widget, 'result-heading'))).to.equal('A fizetést elutasították');
    expect(widget.shadowRoot!.activeElement).to.equal(part(widget, 'result-heading'));
    // A declined payment keeps the selection for another try.
    expect(checkbox(widget, 'DB-2025-0003').checked).to.equal(true);
  });

  it('falls back to the redirect when the popup is blocked, storing only the payment id', async () => {
    api = fakeApi().install();
    stubPopup(true);
    const { widget } = await render();
    await tick(widget, checkbox(widget, 'DB-2025-0002'));
    part(widget, 'pay-button').click();
    await waitUntil(() => assigned.length === 1, 'never left for the payment page');
    await elementUpdated(widget);
    expect(assigned).to.deep.equal([REDIRECT]);
    expect(sessionStorage.getItem(STORAGE_KEY)).to.equal(PAYMENT_ID);
    expect(textOf(part(widget, 'progress'))).to.equal(hu['invoicePay.popupBlocked']);
  });

  it('in redirect mode goes to the hosted page without a popup', async () => {
    api = fakeApi().install();
    stubPopup();
    const { widget } = await render({ mode: 'redirect', lang: 'en' });
    await tick(widget, checkbox(widget, 'DB-2025-0003'));
    part(widget, 'pay-button').click();
    await waitUntil(() => assigned.length === 1, 'never left for the payment page');
    expect(openCalls).to.have.length(0);
    expect((api.callsTo('POST', '/payments')[0]!.body as { language: string }).language).to.equal('en');
    expect(sessionStorage.getItem(STORAGE_KEY)).to.equal(PAYMENT_ID);
  });

  describe('coming back from the hosted page', () => {
    const clean = location.href.split('#')[0]!;
    afterEach(() => history.replaceState(history.state, '', clean));

    it('after a redirect: removes the fragment, forgets the stored id, and polls the payment to its end', async () => {
      api = fakeApi(INVOICES, ['succeeded']).install();
      history.replaceState(history.state, '', clean + RETURN_HASH);
      sessionStorage.setItem(STORAGE_KEY, PAYMENT_ID);
      const completed = oneEvent<GpPaymentCompletedEvent>(document, 'gp-payment-completed');
      const { widget } = await render();
      const event = await completed;
      await elementUpdated(widget);

      expect(location.hash).to.equal('');
      expect(sessionStorage.getItem(STORAGE_KEY)).to.equal(null);
      expect(event.payment.status).to.equal('succeeded');
      expect(api.callsTo('GET', `/payments/${PAYMENT_ID}`)).to.have.length(1);
      expect(textOf(part(widget, 'result-heading'))).to.equal('Sikeres fizetés');
    });

    it('after a redirect: a payment still pending when the wait is over says it will update', async () => {
      api = fakeApi(INVOICES, ['pending']).install();
      history.replaceState(history.state, '', clean + RETURN_HASH);
      sessionStorage.setItem(STORAGE_KEY, PAYMENT_ID);
      const { widget } = await inPortal<GpInvoicePay>(html`<gp-invoice-pay .pollInterval=${5} .pendingTimeout=${0}></gp-invoice-pay>`);
      await waitUntil(() => widget.view.result !== undefined, 'no result');
      await elementUpdated(widget);
      expect(widget.view.result!.status).to.equal('pending');
      expect(textOf(part(widget, 'result-heading'))).to.equal('A fizetés feldolgozás alatt áll');
    });

    it('inside the payment popup: closes the window', async () => {
      api = fakeApi().install();
      const originalClose = window.close;
      let closed = 0;
      window.close = () => void closed++;
      (window as { opener: unknown }).opener = {};
      history.replaceState(history.state, '', clean + RETURN_HASH);
      try {
        await inPortal<GpInvoicePay>(html`<gp-invoice-pay></gp-invoice-pay>`);
        expect(closed).to.equal(1);
      } finally {
        window.close = originalClose;
        (window as { opener: unknown }).opener = null;
      }
    });
  });

  it('keeps the Idempotency-Key after a network error, and a new attempt gets a new one', async () => {
    api = fakeApi(INVOICES, ['succeeded']).install();
    let posts = 0;
    const errors: GpErrorEvent[] = [];
    api.on('POST', '/payments', () => {
      if (posts++ === 0) throw new TypeError('Failed to fetch');
      return { status: 201, json: { paymentId: PAYMENT_ID, status: 'pending', amountHuf: 24_500, redirectUrl: REDIRECT } };
    });
    stubPopup();
    const { widget } = await render();
    widget.addEventListener('gp-error', (e) => errors.push(e));
    await tick(widget, checkbox(widget, 'DB-2025-0002'));

    part(widget, 'pay-button').click();
    await waitUntil(() => widget.view.payError !== undefined, 'no error');
    await elementUpdated(widget);
    expect(textOf(part(widget, 'pay-error'))).to.equal('Nem sikerült elérni a szolgáltatást. Ellenőrizze az internetkapcsolatát, és próbálja újra.');
    expect(part(widget, 'pay-error').getAttribute('role')).to.equal('alert');
    expect(popup!.closed).to.equal(true);
    expect(errors.map((e) => [e.code, e.action])).to.deep.equal([['network_error', 'pay']]);

    const completed = oneEvent<GpPaymentCompletedEvent>(widget, 'gp-payment-completed');
    part(widget, 'pay-button').click();
    await completed;
    const [first, retry] = api.callsTo('POST', '/payments');
    expect(retry!.headers.get('idempotency-key')).to.equal(first!.headers.get('idempotency-key'));

    await tick(widget, checkbox(widget, 'DB-2025-0003'));
    const again = oneEvent<GpPaymentCompletedEvent>(widget, 'gp-payment-completed');
    part(widget, 'pay-button').click();
    await again;
    const third = api.callsTo('POST', '/payments')[2]!;
    expect(third.headers.get('idempotency-key')).not.to.equal(first!.headers.get('idempotency-key'));
  });

  it('shows a 409 refusal (invoice already paid) as its term and refreshes the list', async () => {
    api = fakeApi().install();
    api.on('POST', '/payments', () => problem(409, 'invoice_already_paid'));
    stubPopup();
    const { widget } = await render();
    await tick(widget, checkbox(widget, 'DB-2025-0001'));
    const failed = oneEvent<GpErrorEvent>(widget, 'gp-error');
    part(widget, 'pay-button').click();
    const error = await failed;
    await elementUpdated(widget);
    expect(error.code).to.equal('invoice_already_paid');
    expect(error.status).to.equal(409);
    expect(textOf(part(widget, 'pay-error'))).to.equal(hu['problem.invoice_already_paid']);
    await waitUntil(() => api.callsTo('GET', '/invoices').length === 2, 'the list was not refreshed');
    expect(part<HTMLButtonElement>(widget, 'pay-button').disabled).to.equal(false);
  });

  it('shows 409 payment_busy as its term and starts the next attempt with a new Idempotency-Key', async () => {
    api = fakeApi().install();
    api.on('POST', '/payments', () => problem(409, 'payment_busy'));
    stubPopup();
    const { widget } = await render({ lang: 'en' });
    await tick(widget, checkbox(widget, 'DB-2025-0002'));
    part(widget, 'pay-button').click();
    await waitUntil(() => widget.view.payError !== undefined, 'no error');
    await elementUpdated(widget);
    expect(textOf(part(widget, 'pay-error'))).to.equal(en['problem.payment_busy']);
    part(widget, 'pay-button').click();
    await waitUntil(() => api.callsTo('POST', '/payments').length === 2, 'no second attempt');
    const [first, second] = api.callsTo('POST', '/payments');
    expect(second!.headers.get('idempotency-key')).not.to.equal(first!.headers.get('idempotency-key'));
  });

  it('shows a refused 422 with field errors as its term, in English too', async () => {
    api = fakeApi().install();
    api.on('POST', '/payments', () => problem(422, 'return_url_not_allowed', [{ field: 'returnUrl', code: 'return_url_not_allowed' }]));
    stubPopup();
    const { widget, portal } = await render();
    await tick(widget, checkbox(widget, 'DB-2025-0001'));
    part(widget, 'pay-button').click();
    await waitUntil(() => widget.view.payError !== undefined, 'no error');
    await elementUpdated(widget);
    expect(textOf(part(widget, 'pay-error'))).to.equal(hu['problem.return_url_not_allowed']);
    portal.lang = 'en';
    await elementUpdated(portal);
    await elementUpdated(widget);
    expect(textOf(part(widget, 'pay-error'))).to.equal(en['problem.return_url_not_allowed']);
  });

  it('resumes a payment whose window was closed: its page opens again in the click, and the result follows', async () => {
    api = fakeApi().install();
    stubPopup();
    const { widget } = await render();
    const pending = rows(widget)[1]!;
    const resume = pending.querySelector<HTMLButtonElement>('[part~="resume-button"]')!;
    expect(textOf(resume)).to.equal('Fizetés folytatása');
    resume.click();
    expect(steps[0]).to.equal('open'); // in the click, before anything is awaited
    await waitUntil(() => widget.view.result !== undefined, 'the resumed payment never finished');
    expect(popup!.location.href).to.equal(REDIRECT);
    expect(api.callsTo('POST', '/payments')).to.have.length(0);
    expect(widget.view.result!.status).to.equal('succeeded');
  });

  it('cancels a waiting payment: the invoice can be chosen again, and the page hears the payment ended', async () => {
    let items = INVOICES;
    api = fakeApi()
      .on('GET', '/invoices', () => ({ json: pageOf(items) }))
      .on('POST', '/payments/:id/cancel', (request) => {
        items = INVOICES.map((i) => (i.pendingPaymentId === request.params.id ? { ...i, paymentPending: false, pendingPaymentId: null } : i));
        return { json: payment('cancelled') };
      })
      .install();
    const { widget } = await render();
    const completed = oneEvent(widget, 'gp-payment-completed') as Promise<GpPaymentCompletedEvent>;
    rows(widget)[1]!.querySelector<HTMLButtonElement>('[part~="cancel-payment-button"]')!.click();
    expect((await completed).payment.status).to.equal('cancelled');
    await waitUntil(() => !checkbox(widget, 'DB-2025-0004').disabled, 'the invoice stayed locked');
    expect(api.callsTo('POST', `/payments/${PAYMENT_ID}/cancel`)).to.have.length(1);
    expect(textOf(part(widget, 'result'))).to.include(hu['invoicePay.cancelled']);
    expect(rows(widget)[1]!.querySelector('[part~="resume-button"]')).to.equal(null);
  });

  it('shows the paid invoices with their receipts, and opens a receipt from the mailbox', async () => {
    const paid = [
      invoice(7, '2025-02-01', 12_000, { status: 'paid', paidAt: '2025-01-28T09:00:00Z', receiptDocumentId: 'doc-7' }),
      invoice(8, '2025-01-01', 12_000, { status: 'paid', paidAt: '2024-12-30T09:00:00Z', receiptDocumentId: null }),
    ];
    api = fakeApi()
      .on('GET', '/invoices', (request) => ({ json: pageOf(request.query.get('status') === 'paid' ? paid : INVOICES) }))
      .on('GET', '/documents/:id/content', () => ({
        body: new Blob(['%PDF-1.7'], { type: 'application/pdf' }),
        headers: { 'content-type': 'application/pdf' },
      }))
      .install();
    stubPopup();
    const { widget } = await render();
    const [due, done] = parts<HTMLButtonElement>(widget, 'tab');
    expect(due!.getAttribute('aria-pressed')).to.equal('true');
    done!.click();
    await waitUntil(() => parts(widget, 'paid-invoice').length === 2, 'the paid invoices never showed');
    expect(done!.getAttribute('aria-pressed')).to.equal('true');
    const [withReceipt, without] = parts(widget, 'paid-invoice');
    expect(textOf(withReceipt)).to.include('Befizetve: 2025. 01. 28.');
    expect(without!.querySelector('[part~="receipt-button"]')).to.equal(null);
    withReceipt!.querySelector<HTMLButtonElement>('[part~="receipt-button"]')!.click();
    await waitUntil(() => api.callsTo('GET', '/documents/doc-7/content').length === 1, 'the receipt was not fetched');
    await expect(widget).to.be.accessible();
  });

  it('checks the selection before sending: none, or more than 20', async () => {
    const many = Array.from({ length: 21 }, (_, i) => invoice(i + 1, `2025-05-${String(i + 1).padStart(2, '0')}`, 1000));
    api = fakeApi(many).install();
    stubPopup();
    const { widget } = await render();
    // Nothing chosen, nothing to pay: the button waits for a selection.
    expect(part<HTMLButtonElement>(widget, 'pay-button').disabled).to.equal(true);
    expect(textOf(part(widget, 'pay-button'))).to.include('0 Ft');

    await tick(widget, part<HTMLInputElement>(widget, 'select-all'));
    expect(textOf(part(widget, 'selection'))).to.equal(`21 számla kijelölve, összesen 21 000 Ft. ${hu['problem.too_many_invoices']}`);
    part(widget, 'pay-button').click();
    await elementUpdated(widget);
    expect(textOf(part(widget, 'pay-error'))).to.equal(hu['problem.too_many_invoices']);
    expect(api.callsTo('POST', '/payments')).to.have.length(0);
    expect(openCalls).to.have.length(0);
  });

  it('says there is nothing to pay when no invoice is open', async () => {
    api = fakeApi([]).install();
    const { widget } = await render();
    expect(textOf(part(widget, 'empty'))).to.equal(hu['invoicePay.empty']);
    expect(parts(widget, 'pay-button')).to.have.length(0);
    await expect(widget).to.be.accessible();
  });

  it('shows a failed load with a retry that loads again', async () => {
    api = fakeApi().install();
    api.on('GET', '/invoices', () => problem(500, 'server_error'));
    const errors: GpErrorEvent[] = [];
    document.addEventListener('gp-error', (e) => errors.push(e), { once: true });
    const { widget } = await render();
    expect(textOf(part(widget, 'error'))).to.include('A szolgáltatás átmenetileg nem érhető el.');
    expect(errors[0]!.action).to.equal('load');
    await expect(widget).to.be.accessible();

    api.on('GET', '/invoices', () => ({ json: pageOf(INVOICES) }));
    part(widget, 'retry-button').click();
    await waitUntil(() => widget.view.page !== undefined, 'the retry did not load');
    await elementUpdated(widget);
    expect(rows(widget)).to.have.length(4);
  });

  it('shows the logged-out state and asks nothing of the API', async () => {
    api = new FakeApi({ authenticated: false }).install();
    const { widget } = await inPortal<GpInvoicePay>(html`<gp-invoice-pay></gp-invoice-pay>`, { handle: false });
    await elementUpdated(widget);
    expect(textOf(part(widget, 'logged-out'))).to.include('Az adatai megtekintéséhez jelentkezzen be');
    expect(api.callsTo('GET', '/invoices')).to.have.length(0);
  });

  it('passes axe in both languages, with the list and with a result', async () => {
    api = fakeApi(INVOICES, ['succeeded']).install();
    stubPopup();
    const { widget, portal } = await render();
    await expect(widget).to.be.accessible();
    await tick(widget, checkbox(widget, 'DB-2025-0001'));
    const completed = oneEvent<GpPaymentCompletedEvent>(widget, 'gp-payment-completed');
    part(widget, 'pay-button').click();
    await completed;
    await elementUpdated(widget);
    await expect(widget).to.be.accessible();
    portal.lang = 'en';
    await elementUpdated(portal);
    await elementUpdated(widget);
    await expect(widget).to.be.accessible();
  });

  it('switches to English at runtime without reloading', async () => {
    api = fakeApi().install();
    const { widget, portal } = await render();
    await tick(widget, checkbox(widget, 'DB-2025-0001'));
    portal.lang = 'en';
    await elementUpdated(portal);
    await elementUpdated(widget);
    expect(part(widget, 'base').getAttribute('lang')).to.equal('en');
    expect(textOf(part(widget, 'heading'))).to.equal('Invoices and payment');
    expect(textOf(part(widget, 'outstanding'))).to.equal('Total to pay: HUF 83,600 (4 invoices), of which overdue: HUF 18,200 (1 invoice)');
    expect(textOf(rows(widget)[0]!.querySelector('[part~="status"]'))).to.equal('Overdue by 12 days');
    expect(textOf(part(widget, 'selection'))).to.equal('1 invoice selected, HUF 18,200 in total.');
    expect(textOf(part(widget, 'pay-button'))).to.equal('Pay HUF 18,200 by card');
    expect(api.callsTo('GET', '/invoices')).to.have.length(1);
  });

  it('stops polling when removed from the page, and loads afresh when put back', async () => {
    api = fakeApi(INVOICES, ['pending']).install();
    stubPopup();
    const { widget, portal } = await render();
    await tick(widget, checkbox(widget, 'DB-2025-0001'));
    part(widget, 'pay-button').click();
    await waitUntil(() => api.callsTo('GET', `/payments/${PAYMENT_ID}`).length > 0, 'never polled');
    widget.remove();
    await new Promise((r) => setTimeout(r, 30));
    const polls = api.callsTo('GET', `/payments/${PAYMENT_ID}`).length;
    await new Promise((r) => setTimeout(r, 30));
    expect(api.callsTo('GET', `/payments/${PAYMENT_ID}`).length).to.equal(polls);

    portal.append(widget);
    await waitUntil(() => api.callsTo('GET', '/invoices').length === 2, 'did not load again');
    await waitUntil(() => widget.view.page !== undefined, 'no invoices');
    await elementUpdated(widget);
    expect(widget.view.phase).to.equal('idle');
    expect(rows(widget)).to.have.length(4);
  });

  it('drops the invoices when the session ends', async () => {
    api = fakeApi().install();
    const { widget, portal } = await render();
    await portal.logout();
    await elementUpdated(widget);
    expect(widget.view.page).to.equal(undefined);
    expect(parts(widget, 'invoice')).to.have.length(0);
    expect(parts(widget, 'logged-out')).to.have.length(1);
  });
});
