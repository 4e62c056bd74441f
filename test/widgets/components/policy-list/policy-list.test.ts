import type { Lang } from '../../../../widgets/i18n/lang.ts';
import { afterEach, beforeEach, describe, it } from '../../mocha.ts';
import { elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FAKE_API_BASE, FakeApi, problem } from '../../support/fake-api.ts';
import type GpPortal from '../../../../widgets/components/portal/portal.component.ts';
import { inPortal, part, parts, textOf } from '../../support/render.ts';
import { formatDate, formatHuf as huf } from '../../../../widgets/i18n/format.ts';
import type { GpErrorEvent } from '../../../../widgets/events/error.ts';
import type { GpDocumentOpenedEvent } from '../../../../widgets/events/document-opened.ts';
import type { GpPolicyChangedEvent } from '../../../../widgets/events/policy-changed.ts';
import type { PolicyChange } from '../../../../widgets/api/schemas.ts';
import GpPolicyList from '../../../../widgets/components/policy-list/policy-list.ts';
import { cancelledTravel, changeResult, detail, page, summary } from './fixtures.ts';
import { invoice } from '../invoice-pay/fixtures.ts';
import type GpInvoicePay from '../../../../widgets/components/invoice-pay/invoice-pay.component.ts';
import type { GpNavigateEvent } from '../../../../widgets/events/navigate.ts';

/** A forint amount as textOf() shows it (no-break spaces collapsed). */
const formatHuf = (amount: number, lang: Lang) => huf(amount, lang).replace(/\s+/g, ' ');

const live = summary(1);
const ended = cancelledTravel(2);

/** `GET /invoices` lists every contract's: the overdue one of contract 1 (as its detail shows it) and another contract's. */
const OVERDUE = invoice(31, '2026-04-15', 12150, { policyId: 1, policyNumber: live.policyNumber, status: 'overdue', overdue: true, daysOverdue: 30 });
const OTHER_CONTRACT = invoice(77, '2026-05-01', 30000, { policyId: 9, policyNumber: 'GP-OTHER-9' });
const OUTSTANDING = { totalHuf: 42150, count: 2, overdueHuf: 12150, overdueCount: 1 };

async function render(api: FakeApi, attributes = html`<gp-policy-list></gp-policy-list>`, lang: Lang = 'hu') {
  const result = await inPortal<GpPolicyList>(attributes, { lang });
  const el = result.widget;
  await waitUntil(() => !el.shadowRoot!.querySelector('[part~="loading"]') || api.callsTo('GET', '/policies').length === 0, 'the list never loaded');
  await elementUpdated(el);
  return { ...result, el };
}

const shadow = (el: GpPolicyList) => el.shadowRoot!;
const button = (el: GpPolicyList, id: number) => shadow(el).querySelector<HTMLButtonElement>(`[part~="policy-button"][data-id="${id}"]`)!;
const filterButton = (el: GpPolicyList, filter: string) => shadow(el).querySelector<HTMLButtonElement>(`[data-filter="${filter}"]`)!;
const control = <T extends HTMLElement = HTMLInputElement>(el: GpPolicyList, id: string) => shadow(el).getElementById(id) as T;

async function openDetail(el: GpPolicyList, id: number) {
  button(el, id).click();
  await waitUntil(() => shadow(el).activeElement?.id === 'detail-heading', 'the detail never got focus');
}

function setValue(el: GpPolicyList, id: string, value: string) {
  const field = control<HTMLInputElement | HTMLSelectElement>(el, id);
  field.value = value;
  field.dispatchEvent(new Event(field.localName === 'select' ? 'change' : 'input', { bubbles: true, composed: true }));
}

async function submit(el: GpPolicyList) {
  part<HTMLButtonElement>(el, 'submit-button').click();
  await elementUpdated(el);
}

describe('<gp-policy-list>', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = new FakeApi()
      .on('GET', '/policies', page([live, ended]))
      .on('GET', '/policies/1', detail(live))
      .on('GET', '/policies/2', detail(ended))
      .on('GET', '/invoices', { items: [OVERDUE, OTHER_CONTRACT], page: 1, pageSize: 100, total: 2, outstanding: OUTSTANDING });
    api.install();
  });
  afterEach(() => api.restore());

  it('is registered under gp-policy-list', () => {
    expect(customElements.get('gp-policy-list')).to.equal(GpPolicyList);
  });

  it('lists live and cancelled contracts with their data', async () => {
    const { el } = await render(api);
    const [request] = api.callsTo('GET', '/policies');
    expect(request!.query.get('status')).to.equal('all');
    expect(request!.query.get('page')).to.equal('1');
    expect(request!.query.get('pageSize')).to.equal('10');

    expect(part(el, 'base').getAttribute('lang')).to.equal('hu');
    expect(textOf(part(el, 'heading'))).to.equal('Szerződéseim');
    const items = parts(el, 'policy');
    expect(items).to.have.length(2);
    const first = textOf(items[0]);
    expect(textOf(button(el, 1))).to.equal(`Kötelező gépjármű-felelősségbiztosítás, ${live.policyNumber} – részletek`);
    expect(first).to.contain(live.policyNumber).and.contain(live.insuredObjectLabel).and.contain('Élő');
    expect(first).to.contain(formatDate(live.startDate, 'hu')).and.contain(formatHuf(live.annualPremiumHuf, 'hu')).and.contain('negyedéves, banki átutalás');
    const second = textOf(items[1]);
    expect(second).to.contain('Utasbiztosítás').and.contain('Törölt').and.contain('Megszűnés dátuma').and.contain(formatDate('2026-01-18', 'hu'));
    expect(second).to.contain('Érdekmúlás (gépjármű eladása)').and.contain('éves, bankkártya');
    expect(textOf(part(el, 'count'))).to.equal('2 szerződésből 2 látható.');
    expect(filterButton(el, 'all').getAttribute('aria-pressed')).to.equal('true');
    expect(textOf(filterButton(el, 'active'))).to.equal('Élő (1)');
  });

  it('filters by status, starting from the status attribute', async () => {
    api.on('GET', '/policies', (request) => {
      const status = request.query.get('status');
      return { json: page(status === 'cancelled' ? [ended] : status === 'active' ? [live] : [live, ended], { status: status as 'all' }) };
    });
    const { el } = await render(api, html`<gp-policy-list status="cancelled"></gp-policy-list>`);
    expect(api.callsTo('GET', '/policies')[0]!.query.get('status')).to.equal('cancelled');
    expect(parts(el, 'policy')).to.have.length(1);
    expect(filterButton(el, 'cancelled').getAttribute('aria-pressed')).to.equal('true');

    filterButton(el, 'active').click();
    await waitUntil(() => button(el, 1), 'the live contracts never showed');
    expect(api.callsTo('GET', '/policies').at(-1)!.query.get('status')).to.equal('active');
    expect(filterButton(el, 'active').getAttribute('aria-pressed')).to.equal('true');
    expect(filterButton(el, 'cancelled').getAttribute('aria-pressed')).to.equal('false');
    expect(parts(el, 'policy').map((p) => textOf(p))).to.have.length(1);
    expect(button(el, 2)).to.equal(null);
  });

  it('loads more pages and moves focus to the first new contract', async () => {
    const third = summary(3, { policyNumber: 'GP-333333' });
    api.on('GET', '/policies', (request) =>
      request.query.get('page') === '2'
        ? { json: page([third], { page: 2, pageSize: 2, total: 3 }) }
        : { json: page([live, ended], { pageSize: 2, total: 3 }) },
    );
    const { el } = await render(api, html`<gp-policy-list page-size="2"></gp-policy-list>`);
    expect(api.callsTo('GET', '/policies')[0]!.query.get('pageSize')).to.equal('2');
    expect(textOf(part(el, 'count'))).to.equal('3 szerződésből 2 látható.');

    part<HTMLButtonElement>(el, 'more-button').click();
    await waitUntil(() => parts(el, 'policy').length === 3, 'the second page never showed');
    await elementUpdated(el);
    expect(api.callsTo('GET', '/policies').at(-1)!.query.get('page')).to.equal('2');
    expect(shadow(el).activeElement).to.equal(button(el, 3));
    expect(shadow(el).querySelector('[part~="more-button"]')).to.equal(null);
    expect(textOf(part(el, 'count'))).to.equal('3 szerződésből 3 látható.');
  });

  it('says so when the customer has no contracts', async () => {
    api.on('GET', '/policies', page([], { counts: { active: 0, cancelled: 0 } }));
    const { el } = await render(api);
    expect(textOf(part(el, 'empty'))).to.equal('Önnek még nincs szerződése nálunk.');
    expect(shadow(el).querySelector('[part~="list"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a failure with a retry, and reports it', async () => {
    let fail = true;
    api.on('GET', '/policies', () => (fail ? problem(500, 'server_error') : { json: page([live]) }));
    const errors: GpErrorEvent[] = [];
    const collect = (e: GpErrorEvent) => errors.push(e);
    document.addEventListener('gp-error', collect);
    const { el } = await render(api).finally(() => document.removeEventListener('gp-error', collect));
    await waitUntil(() => shadow(el).querySelector('[part~="error"]'), 'no error state');
    expect(textOf(part(el, 'error'))).to.contain('A szolgáltatás átmenetileg nem érhető el.');
    expect(errors.map((e) => [e.code, e.action])).to.deep.include(['server_error', 'policies.list']);
    await expect(el).to.be.accessible();

    fail = false;
    part<HTMLButtonElement>(el, 'retry-button').click();
    await waitUntil(() => button(el, 1), 'the retry never loaded the list');
    expect(shadow(el).querySelector('[part~="error"]')).to.equal(null);
  });

  it('asks for a log-in and loads nothing while logged out, and drops the data at log-out', async () => {
    api.restore();
    api = new FakeApi({ authenticated: false }).on('GET', '/policies', page([live])).install();
    const { widget: el } = await inPortal<GpPolicyList>(html`<gp-policy-list></gp-policy-list>`, { handle: false });
    await elementUpdated(el);
    expect(part(el, 'login-button')).to.exist;
    expect(api.callsTo('GET', '/policies')).to.have.length(0);

    api.restore();
    api = new FakeApi().on('GET', '/policies', page([live, ended])).install();
    const second = await render(api);
    expect(parts(second.el, 'policy')).to.have.length(2);
    await second.portal.logout();
    await elementUpdated(second.el);
    expect(shadow(second.el).querySelector('[part~="policy"]')).to.equal(null);
    expect(part(second.el, 'login-button')).to.exist;
  });

  it('opens a contract’s detail from the keyboard, and returns focus to it on back', async () => {
    const { el } = await render(api);
    button(el, 1).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).activeElement?.id === 'detail-heading', 'the detail heading never got focus');
    expect(api.callsTo('GET', '/policies/1')).to.have.length(1);

    expect(textOf(part(el, 'detail-heading'))).to.equal('Kötelező gépjármű-felelősségbiztosítás');
    const facts = textOf(part(el, 'facts'));
    expect(facts)
      .to.contain(live.policyNumber)
      .and.contain('9021 Győr, Baross Gábor út 12.')
      .and.contain(formatHuf(12150, 'hu'))
      .and.contain('Teszt Alkusz Kft.');
    const rows = [...part(el, 'invoices').querySelectorAll('tbody tr')].map((r) => textOf(r));
    expect(rows).to.have.length(2);
    expect(rows[0]).to.contain('DB-2026-0031').and.contain(formatDate('2026-04-15', 'hu')).and.contain('lejárt');
    expect(rows[1]).to.contain('kifizetve');
    expect(textOf(part(el, 'claims')))
      .to.contain('KAR-2025-0005')
      .and.contain('Okozott gépjárműkár')
      .and.contain('vizsgálat alatt');
    expect(textOf(part(el, 'documents')))
      .to.contain('Kötvény GP-100001')
      .and.contain('olvasatlan');
    expect(part(el, 'change-form')).to.exist;
    // Plain words: "Díjhátralék" for the unpaid premium, and what is missing said by name.
    expect(facts).to.contain(`Díjhátralék${formatHuf(12150, 'hu')}`);
    expect(textOf(shadow(el).querySelector('[aria-labelledby="changes-heading"]'))).to.equal(
      'Módosítási kérelmek Ehhez a szerződéshez nincs módosítási kérelem.',
    );
    await expect(el).to.be.accessible();

    // Shift+Tab from the focused heading reaches the back button.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(shadow(el).activeElement).to.equal(part(el, 'back-button'));
    await sendKeys({ press: 'Enter' });
    await elementUpdated(el);
    expect(shadow(el).querySelector('[part~="detail"]')).to.equal(null);
    expect(shadow(el).activeElement).to.equal(button(el, 1));
    expect(api.callsTo('GET', '/policies')).to.have.length(1);
  });

  it('opens a contract by id through showPolicy()', async () => {
    api.on('GET', '/policies/2', detail(ended));
    const { el } = await render(api);
    el.showPolicy(2);
    await waitUntil(() => shadow(el).querySelector('[part~="detail-heading"]'), 'no detail');
    expect(textOf(part(el, 'detail-heading'))).to.equal('Utasbiztosítás');
    expect(api.callsTo('GET', '/policies/2')).to.have.length(1);
  });

  it('keeps a showPolicy() call made before the session is known, and opens it once logged in', async () => {
    const portal = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="test"><gp-policy-list></gp-policy-list></gp-portal>`);
    const el = portal.querySelector('gp-policy-list')!;
    expect(portal.session.status).to.equal('checking');
    el.showPolicy(2);
    await waitUntil(() => shadow(el).querySelector('[part~="detail-heading"]'), 'the detail never opened');
    expect(textOf(part(el, 'detail-heading'))).to.equal('Utasbiztosítás');
    expect(api.callsTo('GET', '/policies/2')).to.have.length(1);
  });

  it('says under the contract’s correspondence address that it is for this contract’s letters, and where the own address is changed (issue 17 point 9)', async () => {
    const { el, portal } = await render(api);
    await openDetail(el, 1);
    const addressRow = [...part(el, 'facts').querySelectorAll('div')].find((d) => textOf(d.querySelector('dt')) === 'Levelezési cím')!;
    expect(textOf(addressRow.querySelector('dd'))).to.contain('9021 Győr, Baross Gábor út 12.');
    expect(textOf(addressRow.querySelector('dd [part~="address-note"]'))).to.equal(
      'Ennek a szerződésnek a leveleit küldjük erre a címre. A többi levelünk a személyes adatai között megadott címére megy, azt ott módosíthatja.',
    );
    await expect(el).to.be.accessible();

    portal.lang = 'en';
    await elementUpdated(portal);
    await el.updateComplete;
    expect(textOf(part(el, 'address-note'))).to.equal(
      'Letters about this contract go to this address. Our other letters go to the address in your personal details, where you can change it.',
    );
  });

  it('shows a cancelled contract without a change form', async () => {
    const { el } = await render(api);
    await openDetail(el, 2);
    expect(shadow(el).querySelector('[part~="change-form"]')).to.equal(null);
    expect(textOf(part(el, 'not-changeable'))).to.equal('Törölt szerződés adatai nem módosíthatók.');
    expect(textOf(part(el, 'facts'))).to.contain('Érdekmúlás (gépjármű eladása)');
  });

  it('shows a contract that cannot be found, with a way back', async () => {
    api.on('GET', '/policies/9', problem(404, 'policy_not_found'));
    const { el } = await render(api);
    el.showPolicy(9);
    await waitUntil(() => shadow(el).querySelector('[part~="detail"] [part~="error"]'), 'no error');
    expect(textOf(part(el, 'error'))).to.contain('A szerződés nem található.');
    part<HTMLButtonElement>(el, 'back-button').click();
    await elementUpdated(el);
    expect(shadow(el).activeElement?.id).to.equal('list-heading');
  });

  it('sends only the changed fields, shows the result and fires gp-policy-changed', async () => {
    const result = changeResult(1);
    api.on('PATCH', '/policies/1', () => ({ json: result }));
    const { el } = await render(api);
    await openDetail(el, 1);

    setValue(el, 'paymentFrequency', 'monthly');
    setValue(el, 'paymentMethod', 'card');
    control(el, 'postcode').focus();
    control(el, 'postcode').select();
    await sendKeys({ type: '9022' });
    expect(control(el, 'postcode').value).to.equal('9022');

    const event = oneEvent(el, 'gp-policy-changed') as Promise<GpPolicyChangedEvent>;
    await submit(el);
    const changed = await event;
    expect(changed.policyId).to.equal(1);
    expect(changed.result).to.deep.equal(result);
    expect(changed.bubbles && changed.composed).to.equal(true);

    const [patch] = api.callsTo('PATCH', '/policies/1');
    expect(patch!.body as PolicyChange).to.deep.equal({
      paymentMethod: 'card',
      paymentFrequency: 'monthly',
      correspondenceAddress: { postcode: '9022', city: 'Győr', addressLine: 'Baross Gábor út 12.' },
    });

    await waitUntil(() => api.callsTo('GET', '/policies/1').length === 2, 'the detail was not refreshed');
    await elementUpdated(el);
    const region = part(el, 'result');
    expect(region.getAttribute('role')).to.equal('status');
    const text = textOf(region);
    expect(text).to.contain('Módosítását rögzítettük.');
    expect(text).to.contain('Díjfizetés módja: bankkártya – érvénybe lépett');
    expect(text).to.contain('Díjfizetés gyakorisága: havi – jóváhagyásra vár (a havi díjfizetésre váltást munkatársunk hagyja jóvá)');
    expect(text).to.contain('A visszaigazolást a Levelezésben találja.');
    await expect(el).to.be.accessible();
  });

  it('says when every change waits for review and no confirmation was issued', async () => {
    const result = { ...changeResult(1), confirmation: null };
    result.changes = result.changes.slice(1);
    api.on('PATCH', '/policies/1', () => ({ json: result }));
    const { el } = await render(api);
    await openDetail(el, 1);
    setValue(el, 'paymentFrequency', 'annual');
    await submit(el);
    await waitUntil(() => textOf(part(el, 'result')).length > 0, 'no result');
    expect(api.callsTo('PATCH', '/policies/1')[0]!.body).to.deep.equal({ paymentFrequency: 'annual' });
    expect(textOf(part(el, 'result'))).to.contain('Jóváhagyás után a visszaigazolást a Levelezésbe küldjük.');
  });

  it('sends nothing when nothing changed', async () => {
    const { el } = await render(api);
    await openDetail(el, 1);
    setValue(el, 'city', '  győr ');
    await submit(el);
    expect(textOf(part(el, 'form-error'))).to.equal('Nem módosított egyetlen adatot sem.');
    expect(api.callsTo('PATCH', '/policies/1')).to.have.length(0);
  });

  it('checks the values before sending and focuses the first wrong field', async () => {
    const { el } = await render(api);
    await openDetail(el, 1);
    setValue(el, 'postcode', '123');
    setValue(el, 'addressLine', '   ');
    await submit(el);
    expect(api.callsTo('PATCH', '/policies/1')).to.have.length(0);

    const postcode = control(el, 'postcode');
    expect(postcode.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).activeElement).to.equal(postcode);
    expect(textOf(shadow(el).getElementById(postcode.getAttribute('aria-describedby')!))).to.equal('Az irányítószám négy számjegy (1000–9999).');
    const line = control(el, 'addressLine');
    expect(textOf(shadow(el).getElementById(line.getAttribute('aria-describedby')!))).to.equal('Ezt a mezőt ki kell tölteni.');
    expect(control(el, 'city').hasAttribute('aria-invalid')).to.equal(false);

    setValue(el, 'postcode', '9022');
    setValue(el, 'addressLine', 'Fő utca 1.');
    setValue(el, 'paymentFrequency', 'monthly');
    setValue(el, 'paymentMethod', 'postal_cheque');
    await submit(el);
    expect(api.callsTo('PATCH', '/policies/1')).to.have.length(0);
    expect(shadow(el).activeElement).to.equal(control(el, 'paymentMethod'));
    expect(textOf(part(el, 'field-error'))).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('shows the API’s field refusals on their fields', async () => {
    api.on('PATCH', '/policies/1', problem(422, 'invalid_correspondence_address', [{ field: 'correspondenceAddress.city', code: 'invalid_city' }]));
    const { el } = await render(api);
    await openDetail(el, 1);
    setValue(el, 'city', 'Győr-Ménfőcsanak');
    const error = oneEvent(el, 'gp-error') as Promise<GpErrorEvent>;
    await submit(el);
    expect((await error).code).to.equal('invalid_correspondence_address');
    await waitUntil(() => control(el, 'city').getAttribute('aria-invalid') === 'true', 'the refusal never showed');
    await elementUpdated(el);
    expect(shadow(el).activeElement).to.equal(control(el, 'city'));
    expect(control(el, 'city').getAttribute('aria-describedby')).to.equal('city-error');
    expect(textOf(shadow(el).getElementById('city-error'))).to.equal('A település neve betűket tartalmaz.');
    expect(textOf(part(el, 'form-error'))).to.equal('A levelezési cím nem megfelelő. Ellenőrizze a jelölt mezőket.');
    expect(textOf(part(el, 'result'))).to.equal('');
  });

  it('shows a payment terms refusal on the payment fields', async () => {
    api.on('PATCH', '/policies/1', problem(422, 'payment_terms_not_allowed', [{ field: 'paymentMethod', code: 'not_allowed_for_product' }]));
    const { el } = await render(api);
    await openDetail(el, 1);
    setValue(el, 'paymentMethod', 'postal_cheque');
    await submit(el);
    await waitUntil(() => control(el, 'paymentMethod').getAttribute('aria-invalid') === 'true', 'the refusal never showed');
    expect(textOf(shadow(el).getElementById('paymentMethod-error'))).to.equal('Ehhez a termékhez ez a díjfizetési mód és gyakoriság együtt nem választható.');
    expect(textOf(part(el, 'form-error'))).to.equal('Ehhez a termékhez ez a díjfizetési mód és gyakoriság együtt nem választható.');
    await expect(el).to.be.accessible();
  });

  it('shows a server failure of the change without losing the values', async () => {
    api.on('PATCH', '/policies/1', problem(500, 'server_error'));
    const { el } = await render(api);
    await openDetail(el, 1);
    setValue(el, 'paymentMethod', 'card');
    await submit(el);
    await waitUntil(() => textOf(part(el, 'form-error')).length > 0, 'no error');
    expect(textOf(part(el, 'form-error'))).to.contain('A szolgáltatás átmenetileg nem érhető el.');
    expect(control<HTMLSelectElement>(el, 'paymentMethod').value).to.equal('card');
  });

  it('passes axe in English and switches language at runtime without refetching', async () => {
    const { el, portal } = await render(api);
    portal.lang = 'en';
    await elementUpdated(portal);
    await elementUpdated(el);
    expect(part(el, 'base').getAttribute('lang')).to.equal('en');
    expect(textOf(part(el, 'heading'))).to.equal('My contracts');
    expect(textOf(button(el, 1))).to.contain('Compulsory motor third-party liability insurance');
    expect(textOf(parts(el, 'policy')[0]))
      .to.contain('quarterly, bank transfer')
      .and.contain(formatHuf(live.annualPremiumHuf, 'en'));
    expect(textOf(parts(el, 'policy')[1]))
      .to.contain('Vehicle sold')
      .and.contain('Cancelled');
    expect(textOf(filterButton(el, 'active'))).to.equal('Live (1)');
    expect(api.callsTo('GET', '/policies')).to.have.length(1);
    await expect(el).to.be.accessible();

    await openDetail(el, 1);
    expect(textOf(part(el, 'change-form')))
      .to.contain('Change contract details')
      .and.contain('Postcode');
    await expect(el).to.be.accessible();
  });

  it('renders English from the start', async () => {
    const { el } = await render(api, html`<gp-policy-list></gp-policy-list>`, 'en');
    expect(textOf(part(el, 'count'))).to.equal('Showing 2 of 2 contracts.');
  });

  describe('a contract’s detail can be acted on where it is shown (issue 17, point 4)', () => {
    const originalOpen = window.open;
    afterEach(() => {
      window.open = originalOpen;
    });

    it('opens a document as the mailbox does: the PDF, gp-document-opened, no longer unread', async () => {
      const opened: string[] = [];
      window.open = ((url: string) => (opened.push(url), {} as Window)) as typeof window.open;
      api.on('GET', '/documents/:id/content', () => ({
        body: new Blob(['%PDF-1.7'], { type: 'application/pdf' }),
        headers: { 'content-type': 'application/pdf' },
      }));
      const { el } = await render(api);
      await openDetail(el, 1);
      expect(textOf(part(el, 'documents'))).to.contain('olvasatlan');
      const event = oneEvent<GpDocumentOpenedEvent>(el, 'gp-document-opened');
      part(el, 'open-document-button').click();
      expect((await event).documentId).to.equal('doc-1');
      expect(api.callsTo('GET', '/documents/doc-1/content')).to.have.length(1);
      expect(opened).to.have.length(1);
      await elementUpdated(el);
      expect(textOf(part(el, 'document-notice'))).to.equal('Megnyitotta: Kötvény GP-100001');
      expect(textOf(part(el, 'documents'))).not.to.contain('olvasatlan');
    });

    it("pays the contract's open invoices where they are shown, with the invoices widget's own flow, and shows the contract afresh", async () => {
      const popup = { closed: false, location: { href: '' }, close() {}, focus() {} };
      window.open = (() => popup) as unknown as typeof window.open;
      api
        .on('POST', '/payments', () => ({
          status: 201,
          json: { paymentId: 'pay-1', status: 'pending', amountHuf: 12150, redirectUrl: 'https://pay.example/checkout/1' },
        }))
        .on('GET', '/payments/:id', () => ({
          json: {
            id: 'pay-1',
            status: 'succeeded',
            amountHuf: 12150,
            invoices: [{ id: 31, invoiceNumber: OVERDUE.invoiceNumber }],
            redirectUrl: null,
            receiptDocumentId: null,
          },
        }));
      const { el } = await render(api);
      await openDetail(el, 1);
      const pay = part<GpInvoicePay>(el, 'pay');
      expect(pay.localName).to.equal('gp-invoice-pay');
      await waitUntil(() => parts(pay, 'invoice').length > 0, 'the contract’s invoices never showed');
      // Only this contract's invoice, its own total, and no list of paid ones (the table below has them).
      expect(parts(pay, 'invoice').map(textOf).join()).to.contain(OVERDUE.invoiceNumber).and.not.contain(OTHER_CONTRACT.invoiceNumber);
      expect(textOf(part(pay, 'heading'))).to.equal('A szerződés fizetendő díja');
      expect(textOf(part(pay, 'outstanding'))).to.contain(`Fizetendő összesen: ${formatHuf(12150, 'hu')} (1 számla)`);
      expect(pay.shadowRoot!.querySelector('[part~="tabs"]')).to.equal(null);

      part<HTMLInputElement>(pay, 'checkbox').click();
      await elementUpdated(pay);
      part<HTMLButtonElement>(pay, 'pay-button').click();
      await waitUntil(() => api.callsTo('GET', '/policies/1').length === 2, 'the contract was not shown afresh after the payment');
      expect((api.callsTo('POST', '/payments')[0]!.body as { invoiceIds: number[] }).invoiceIds).to.deep.equal([31]);
      expect(popup.location.href).to.equal('https://pay.example/checkout/1');
    });

    it('leads from a claim of the contract to the claim form (gp-navigate with the claim)', async () => {
      const { el } = await render(api);
      await openDetail(el, 1);
      const link = part<HTMLButtonElement>(el, 'claim-link');
      expect(textOf(link)).to.equal('KAR-2025-0005');
      const navigate = oneEvent<GpNavigateEvent>(el, 'gp-navigate');
      link.click();
      const event = await navigate;
      expect([event.view, event.id]).to.deep.equal(['claims', '5']);
    });

    it('shows the first 6 of 15 monthly invoices, and the rest on request', async () => {
      const invoices = Array.from({ length: 15 }, (_, n) => ({
        id: 100 + n,
        invoiceNumber: `DB-2026-${String(100 + n).padStart(4, '0')}`,
        periodStart: '2026-01-01',
        periodEnd: '2026-01-31',
        dueDate: `2026-${String((n % 12) + 1).padStart(2, '0')}-15`,
        amountHuf: 4050,
        status: 'paid' as const,
        paidAt: '2026-01-10T09:00:00Z',
      }));
      api.on('GET', '/policies/1', detail(live, { invoices }));
      const { el } = await render(api);
      await openDetail(el, 1);
      expect(part(el, 'invoices').querySelectorAll('tbody tr')).to.have.length(6);
      expect(textOf(part(el, 'invoices').parentElement!)).to.contain('15 díjbekérőből 6 látható.');
      part(el, 'more-invoices-button').click();
      await elementUpdated(el);
      expect(part(el, 'invoices').querySelectorAll('tbody tr')).to.have.length(15);
      expect(shadow(el).querySelector('[part~="more-invoices-button"]')).to.equal(null);
    });

    it('keeps the back button clear of the heading', async () => {
      const { el } = await render(api);
      await openDetail(el, 1);
      const gap = part(el, 'detail-heading').getBoundingClientRect().top - part(el, 'back-button').getBoundingClientRect().bottom;
      expect(gap).to.be.at.least(8);
    });
  });
});
