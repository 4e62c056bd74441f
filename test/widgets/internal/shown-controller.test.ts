import { afterEach, beforeEach, describe, it } from '../mocha.ts';
import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import { FakeApi } from '../support/fake-api.ts';
import { inPortal, parts } from '../support/render.ts';
import '../../../widgets/components/policy-list/policy-list.ts';
import type GpPolicyList from '../../../widgets/components/policy-list/policy-list.component.ts';
import { page, summary } from '../components/policy-list/fixtures.ts';

describe('widgets in a hidden part of the page (ShownController)', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = new FakeApi()
      .on('GET', '/policies', page([summary(1)]))
      .on('GET', '/invoices', { items: [], page: 1, pageSize: 100, total: 0, outstanding: { totalHuf: 0, count: 0, overdueHuf: 0, overdueCount: 0 } });
    api.install();
  });
  afterEach(() => api.restore());

  /** The list requests told apart by their page size (the hidden list's is 5). */
  const listLoads = (pageSize: number) => api.callsTo('GET', '/policies').filter((request) => request.query.get('pageSize') === String(pageSize));

  it('a widget whose ancestor is hidden loads and renders nothing until it is shown; the one on screen loads at once', async () => {
    const { portal } = await inPortal(html`
      <section id="shown"><gp-policy-list page-size="10"></gp-policy-list></section>
      <section id="later" hidden><gp-policy-list page-size="5"></gp-policy-list></section>
    `);
    const [onScreen, later] = portal.querySelectorAll<GpPolicyList>('gp-policy-list');
    await waitUntil(() => parts(onScreen!, 'policy').length === 1, 'the widget on screen did not load');
    await aTimeout(200);
    expect(listLoads(5)).to.have.length(0);
    expect(later!.hasUpdated, 'a hidden widget rendered').to.equal(false);

    portal.querySelector<HTMLElement>('#later')!.hidden = false;
    await waitUntil(() => parts(later!, 'policy').length === 1, 'the widget never showed its rows once shown');
    expect(listLoads(5)).to.have.length(1);
  });

  it('the hidden attribute on the widget itself counts too', async () => {
    const { portal } = await inPortal(html`<gp-policy-list hidden page-size="5"></gp-policy-list>`);
    const list = portal.querySelector<GpPolicyList>('gp-policy-list')!;
    await aTimeout(200);
    expect(listLoads(5)).to.have.length(0);
    list.hidden = false;
    await waitUntil(() => parts(list, 'policy').length === 1, 'the widget never showed its rows once shown');
  });

  it('a widget left hidden gets ready once the page has been quiet for a while, so that opening it later is instant', async () => {
    const { portal } = await inPortal(html`<section hidden><gp-policy-list page-size="5"></gp-policy-list></section>`);
    const list = portal.querySelector<GpPolicyList>('gp-policy-list')!;
    await aTimeout(500);
    expect(listLoads(5)).to.have.length(0);
    await waitUntil(() => listLoads(5).length === 1 && list.hasUpdated, 'the hidden widget never got ready', { timeout: 4000 });
  });
});
