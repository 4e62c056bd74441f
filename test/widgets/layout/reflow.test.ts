// Every view of every widget reflows from 320 px up (issue 17, point 2): at each width nothing
// sticks out of the viewport, so a phone never cuts off an amount, a status or a button.
import '../support/languages.ts';
import { after, afterEach, describe, it } from '../mocha.ts';
import { expect, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { Invoice, InvoicePage } from '../../../widgets/api/schemas.ts';
import '../../../widgets/components/claim-form/claim-form.ts';
import '../../../widgets/components/invoice-pay/invoice-pay.ts';
import '../../../widgets/components/mailbox/mailbox.ts';
import '../../../widgets/components/overview/overview.ts';
import '../../../widgets/components/policy-list/policy-list.ts';
import '../../../widgets/components/profile/profile.ts';
import type { Lang } from '../../../widgets/i18n/lang.ts';
import type { FakeApi } from '../support/fake-api.ts';
import { inPortal, part } from '../support/render.ts';
import { atWidth, overflowing, WIDTHS } from '../support/viewport.ts';
import { mailboxApi } from '../components/mailbox/fixtures.ts';
import { BUSY } from '../components/overview/fixtures.ts';
import { detail, page, summary } from '../components/policy-list/fixtures.ts';
import { PERSON } from '../components/profile/fixtures.ts';
import { invoice as openInvoice } from '../components/invoice-pay/fixtures.ts';

/** Long invoice and contract numbers: what must still fit on a narrow card. */
const invoice = (id: number, dueDate: string, amountHuf: number, extra: Partial<Invoice> = {}): Invoice =>
  openInvoice(id, dueDate, amountHuf, {
    invoiceNumber: `DB-2025-${String(id).padStart(6, '0')}`,
    policyNumber: `KGFB-2024-${String(100 + id).padStart(6, '0')}`,
    ...extra,
  });

const INVOICES = [
  invoice(1, '2025-04-01', 1_218_200, { status: 'overdue', overdue: true, daysOverdue: 19 }),
  invoice(2, '2025-06-15', 24_500),
  invoice(3, '2025-05-10', 9_900, { paymentPending: true }),
];
const INVOICE_PAGE: InvoicePage = {
  items: INVOICES,
  page: 1,
  pageSize: 100,
  total: 3,
  outstanding: { totalHuf: 1_252_600, count: 3, overdueHuf: 1_218_200, overdueCount: 1 },
};

function api(): FakeApi {
  const live = summary(1);
  return mailboxApi()
    .on('GET', '/overview', BUSY)
    .on('GET', '/invoices', INVOICE_PAGE)
    .on('GET', '/policies', page([live, summary(2, { status: 'cancelled', cancelledAt: '2024-05-01', cancelReason: 'vehicle_sold' })]))
    .on('GET', '/policies/:id', detail(live))
    .on('GET', '/me', PERSON)
    .on('GET', '/claims', { items: [], page: 1, pageSize: 100, total: 0 });
}

let fake: FakeApi | undefined;
afterEach(() => fake?.restore());
after(() => atWidth(800));

/** Renders one widget with data, then checks it at every width. */
async function fits(content: TemplateResult, lang: Lang, ready: (widget: HTMLElement) => boolean, act?: (widget: HTMLElement) => Promise<void>) {
  fake = api().install();
  const { portal, widget } = await inPortal<HTMLElement>(content, { lang });
  await waitUntil(() => ready(widget), 'the widget never showed its data');
  if (act) await act(widget);
  for (const width of WIDTHS) {
    await atWidth(width);
    expect(overflowing(portal), `${widget.localName} at ${width} px (${lang})`).to.deep.equal([]);
  }
}

const has = (name: string) => (widget: HTMLElement) => !!widget.shadowRoot?.querySelector(`[part~="${name}"]`);

for (const lang of ['hu', 'en'] as const) {
  describe(`every view fits from 320 px up (${lang})`, () => {
    it('the overview', () => fits(html`<gp-overview></gp-overview>`, lang, has('tiles')));

    it('the portal header and the contract list', () => fits(html`<gp-policy-list></gp-policy-list>`, lang, has('policy')));

    it('a contract’s detail', () =>
      fits(html`<gp-policy-list></gp-policy-list>`, lang, has('policy'), async (widget) => {
        part(widget, 'policy-button').click();
        await waitUntil(() => has('change-form')(widget));
      }));

    it('the invoices', () => fits(html`<gp-invoice-pay></gp-invoice-pay>`, lang, has('invoice')));

    it('the mailbox with the request form', () =>
      fits(html`<gp-mailbox></gp-mailbox>`, lang, has('item'), async (widget) => {
        part(widget, 'request-toggle').click();
        await waitUntil(() => has('request-form')(widget));
      }));

    it('the claim report', () => fits(html`<gp-claim-form></gp-claim-form>`, lang, (w) => !!w.shadowRoot?.querySelector('input[type="radio"]')));

    it('the profile', () => fits(html`<gp-profile></gp-profile>`, lang, has('details')));
  });
}
