import { afterEach, beforeEach, describe, it } from '../../mocha.ts';
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import GpOverview from '../../../../widgets/components/overview/overview.ts';
import type { Overview } from '../../../../widgets/api/schemas.ts';
import { BUSY, QUIET } from './fixtures.ts';
import type { GpActionsChangedEvent } from '../../../../widgets/events/actions-changed.ts';
import type { GpNavigateEvent } from '../../../../widgets/events/navigate.ts';
import { GpPaymentCompletedEvent } from '../../../../widgets/events/payment-completed.ts';
import type { Lang } from '../../../../widgets/i18n/lang.ts';
import { FakeApi } from '../../support/fake-api.ts';
import { inPortal, part, parts, textOf } from '../../support/render.ts';

/** The first action (link or button) of a tile. */
function actionIn<T extends HTMLElement = HTMLElement>(el: GpOverview, tile: string): T {
  const node = part(el, tile).querySelector<T>('[part~="action"]');
  if (!node) throw new Error(`the ${tile} tile has no action`);
  return node;
}

async function render(options: { lang?: Lang; attrs?: Partial<Record<'invoices-href' | 'mailbox-href', string>> } = {}) {
  const a = options.attrs ?? {};
  const { portal, widget } = await inPortal<GpOverview>(
    html`<gp-overview invoices-href=${a['invoices-href'] ?? ''} mailbox-href=${a['mailbox-href'] ?? ''}></gp-overview>`,
    options,
  );
  await waitUntil(() => widget.shadowRoot!.querySelector('[part~="tiles"]'), 'the overview never showed');
  return { portal, el: widget };
}

describe('<gp-overview>', () => {
  let api: FakeApi;
  let current: Overview;
  beforeEach(() => {
    current = BUSY;
    api = new FakeApi().on('GET', '/overview', () => ({ json: current })).install();
  });
  afterEach(() => api.restore());

  it('is registered under gp-overview', () => {
    expect(customElements.get('gp-overview')).to.equal(GpOverview);
  });

  it('shows what to pay with the overdue part, the next due date, unread documents, open claims, renewals and the broker, in Hungarian', async () => {
    const { el } = await render();
    const premium = textOf(part(el, 'premium'));
    expect(premium).to.contain('Fizetendő összesen: 61 400 Ft (3 számla), ebből lejárt: 18 200 Ft');
    expect(premium).to.contain('Következő esedékesség: 2027. január 15., 21 600 Ft');
    expect(textOf(part(el, 'documents'))).to.contain('2 olvasatlan dokumentuma van.');
    expect(textOf(part(el, 'documents'))).to.contain('A legújabb: Díjbekérő 2027/01');
    expect(textOf(part(el, 'claims'))).to.contain('KAR-2026-000007');
    expect(textOf(part(el, 'claims'))).to.contain('a kárszakértő vizsgálja');
    expect(textOf(part(el, 'renewals'))).to.contain('évfordulója: 2027. január 5. (30 nap múlva)');
    const links = [...part(el, 'broker').querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['tel:+3615550142', 'mailto:ugyfelszolgalat@biztospont.example', 'https://biztospont.example']);
    await expect(el).to.be.accessible();
  });

  it('says so in English', async () => {
    const { el } = await render({ lang: 'en' });
    expect(textOf(part(el, 'heading'))).to.equal('Overview');
    expect(textOf(part(el, 'documents'))).to.contain('You have 2 unread documents.');
    expect(textOf(part(el, 'renewals'))).to.contain('in 30 days');
    await expect(el).to.be.accessible();
  });

  it('says that nothing needs doing, and leaves out renewals and the broker when there are none', async () => {
    current = QUIET;
    const { el } = await render();
    expect(textOf(part(el, 'all-done'))).to.equal('Minden rendben: most nincs teendője.');
    expect(textOf(part(el, 'premium'))).to.contain('Nincs fizetendő díja.');
    expect(parts(el, 'renewals')).to.have.length(0);
    expect(parts(el, 'broker')).to.have.length(0);
  });

  it('fires gp-navigate for the pay action; a page that handles it keeps the overview from following its link', async () => {
    const { el } = await render({ attrs: { 'invoices-href': '/szamlak' } });
    const pay = actionIn<HTMLAnchorElement>(el, 'premium');
    expect(pay.getAttribute('href')).to.equal('/szamlak');
    const onNavigate = (event: GpNavigateEvent) => event.preventDefault();
    document.addEventListener('gp-navigate', onNavigate);
    try {
      const navigated = oneEvent(el, 'gp-navigate') as Promise<GpNavigateEvent>;
      pay.click();
      const event = await navigated;
      expect(event.view).to.equal('invoices');
      expect(event.defaultPrevented).to.equal(true);
    } finally {
      document.removeEventListener('gp-navigate', onNavigate);
    }
  });

  it('leads to the newest unread document: the event names it, and the mailbox link carries it', async () => {
    const { el } = await render({ attrs: { 'mailbox-href': 'https://partner.test/levelezes' } });
    const read = actionIn<HTMLAnchorElement>(el, 'documents');
    expect(read.href).to.equal(`https://partner.test/levelezes?document=${BUSY.documents.latestUnread!.id}`);
    const navigated = oneEvent(el, 'gp-navigate') as Promise<GpNavigateEvent>;
    read.addEventListener('click', (event) => event.preventDefault(), { once: true });
    read.click();
    const event = await navigated;
    expect([event.view, event.id]).to.deep.equal(['mailbox', BUSY.documents.latestUnread!.id]);
  });

  it('without a link for a view, the action is a button that only fires the event', async () => {
    const { el } = await render();
    const button = actionIn(el, 'claims');
    expect(button.localName).to.equal('button');
    const navigated = oneEvent(el, 'gp-navigate') as Promise<GpNavigateEvent>;
    button.click();
    expect((await navigated).id).to.equal('7');
  });

  it('announces the count of things needing action, and again after a payment elsewhere on the page changed it', async () => {
    const announced: number[] = [];
    const listener = (event: GpActionsChangedEvent) => announced.push(event.count);
    document.addEventListener('gp-actions-changed', listener);
    try {
      const { el } = await render();
      await waitUntil(() => announced.length === 1, 'no gp-actions-changed after the load');
      expect(announced).to.deep.equal([5]);
      current = { ...BUSY, premium: { ...QUIET.premium }, actionCount: 2 };
      document.body.dispatchEvent(new GpPaymentCompletedEvent({ id: 'p1', status: 'succeeded' } as never));
      await waitUntil(() => announced.length === 2, 'the overview did not reload after the payment');
      expect(announced).to.deep.equal([5, 2]);
      await waitUntil(() => textOf(part(el, 'premium')).includes('Nincs fizetendő díja.'), 'the premium tile did not update');
      expect(api.calls.filter((c) => c.path === '/overview')).to.have.length(2);
    } finally {
      document.removeEventListener('gp-actions-changed', listener);
    }
  });
});
