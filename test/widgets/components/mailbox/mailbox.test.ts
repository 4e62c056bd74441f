import type { Lang } from '../../../../widgets/i18n/lang.ts';
import { afterEach, beforeEach, describe, it } from '../../mocha.ts';
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { GpDocumentOpenedEvent } from '../../../../widgets/events/document-opened.ts';
import type { GpErrorEvent } from '../../../../widgets/events/error.ts';
import GpMailbox from '../../../../widgets/components/mailbox/mailbox.ts';
import { FakeApi, problem } from '../../support/fake-api.ts';
import { inPortal, part, parts, textOf } from '../../support/render.ts';
import { DOC_OLD, DOC_READ, DOC_UNREAD, documentList, mailboxApi, POLICIES, typesOf } from './fixtures.ts';

const $ = <T extends Element = HTMLElement>(el: GpMailbox, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const loaded = (el: GpMailbox) => waitUntil(() => el.shadowRoot!.querySelector('[part~="list"], [part~="empty"], [part~="error"]'), 'the mailbox never loaded');
const row = (el: GpMailbox, id: string) => $(el, `[data-id="${id}"]`);
const openButton = (el: GpMailbox, id: string) => row(el, id).querySelector<HTMLButtonElement>('[part~="open-button"]')!;
const optionTexts = (select: HTMLSelectElement) => [...select.options].map((o) => textOf(o));

async function choose(el: GpMailbox, selector: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function render(api: FakeApi, content = html`<gp-mailbox></gp-mailbox>`, lang: Lang = 'hu') {
  const rendered = await inPortal<GpMailbox>(content, { lang });
  await loaded(rendered.widget);
  return rendered;
}

describe('<gp-mailbox>', () => {
  let api: FakeApi;
  const originalOpen = window.open;
  const originalCreate = URL.createObjectURL;
  const originalRevoke = URL.revokeObjectURL;
  let opened: (string | URL | undefined)[];
  let created: Blob[];
  let revoked: string[];
  let openResult: Window | null;

  beforeEach(() => {
    opened = [];
    created = [];
    revoked = [];
    openResult = {} as Window;
    window.open = (url?: string | URL) => {
      opened.push(url);
      return openResult;
    };
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return `blob:test/${created.length}`;
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
    };
  });

  afterEach(() => {
    api?.restore();
    window.open = originalOpen;
    URL.createObjectURL = originalCreate;
    URL.revokeObjectURL = originalRevoke;
  });

  it('is registered under gp-mailbox', () => {
    expect(customElements.get('gp-mailbox')).to.equal(GpMailbox);
  });

  it('lists the documents with type, title, contract, date and unread marks, and the unread count', async () => {
    api = mailboxApi().install();
    const { widget: el } = await render(api);

    const [list] = api.callsTo('GET', '/documents');
    expect(list!.query.get('page')).to.equal('1');
    expect(list!.query.get('pageSize')).to.equal('20');
    expect(list!.query.has('type')).to.equal(false);
    expect(api.callsTo('GET', '/policies')[0]!.query.get('status')).to.equal('all');

    expect(part(el, 'base').getAttribute('lang')).to.equal('hu');
    expect(textOf(part(el, 'heading'))).to.include('Levelezés');
    expect(textOf(part(el, 'unread-badge').querySelector('.visually-hidden'))).to.equal('2 olvasatlan dokumentum');

    const items = parts(el, 'item');
    expect(items).to.have.length(3);
    expect(textOf(items[0]!.querySelector('[part~="type"]'))).to.equal('Díjbekérő');
    expect(textOf(items[0]!.querySelector('[part~="title"]'))).to.equal(DOC_UNREAD.title);
    expect(textOf(items[0]!.querySelector('[part~="meta"]'))).to.equal('Szerződés: KGFB-2024-000123 Kiállítva: 2026. 10. 05.');
    expect(textOf(items[0]!.querySelector('[part~="unread-mark"]'))).to.equal('Olvasatlan');
    expect(items[0]!.getAttribute('part')).to.equal('item unread');
    // A customer-level, read document: no contract, no unread mark.
    expect(textOf(items[1]!.querySelector('[part~="meta"]'))).to.equal('Kiállítva: 2026. 09. 12.');
    expect(items[1]!.querySelector('[part~="unread-mark"]')).to.equal(null);
    expect(items[1]!.getAttribute('part')).to.equal('item');
    expect(textOf(part(el, 'footer'))).to.include('3 dokumentumból 3 látható');
    expect(el.shadowRoot!.querySelector('[part~="more-button"]')).to.equal(null);
  });

  it('builds the filters from the API and sends them; "clear filters" drops them', async () => {
    api = mailboxApi().install();
    const { widget: el } = await render(api);

    const typeSelect = part<HTMLSelectElement>(el, 'type-filter');
    // The whole mailbox's types from the API, in the language's order, with their counts.
    expect(optionTexts(typeSelect)).to.deep.equal(['Minden típus', 'Befizetés igazolása (1)', 'Díjbekérő (1)', 'Kötvény (1)']);
    expect(optionTexts(part<HTMLSelectElement>(el, 'policy-filter'))).to.deep.equal([
      'Minden szerződés',
      'KGFB-2024-000123 – Kötelező gépjármű-felelősségbiztosítás',
      'OTTH-2023-004567 – Otthonbiztosítás',
    ]);
    expect(el.shadowRoot!.querySelector('[part~="clear-filters"]')).to.equal(null);

    const whole = typesOf([DOC_UNREAD, DOC_READ, DOC_OLD]);
    api.on('GET', '/documents', (request) => ({
      json: documentList(request.query.get('type') === 'kotveny' && !request.query.has('policyId') ? [DOC_OLD] : [], { unreadCount: 2, types: whole }),
    }));
    await choose(el, '#type-filter', 'kotveny');
    await waitUntil(() => parts(el, 'item').length === 1);
    expect(api.callsTo('GET', '/documents').at(-1)!.query.get('type')).to.equal('kotveny');
    expect(textOf(part(el, 'title'))).to.equal(DOC_OLD.title);
    // The unread count is the whole mailbox's, whatever the filters.
    expect(textOf(part(el, 'unread-badge').querySelector('.visually-hidden'))).to.equal('2 olvasatlan dokumentum');

    await choose(el, '#policy-filter', '12');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="empty"]'));
    const filtered = api.callsTo('GET', '/documents').at(-1)!;
    expect(filtered.query.get('type')).to.equal('kotveny');
    expect(filtered.query.get('policyId')).to.equal('12');
    expect(textOf(part(el, 'empty'))).to.equal('Nincs a szűrésnek megfelelő dokumentum.');
    // The other types stay on offer while a filter is on.
    expect(optionTexts(part<HTMLSelectElement>(el, 'type-filter'))).to.have.length(4);
    expect(api.callsTo('GET', '/policies')).to.have.length(1);

    part(el, 'clear-filters').click();
    await waitUntil(() => api.callsTo('GET', '/documents').length === 4 && !el.shadowRoot!.querySelector('[part~="clear-filters"]'));
    const cleared = api.callsTo('GET', '/documents').at(-1)!;
    expect(cleared.query.has('type')).to.equal(false);
    expect(cleared.query.has('policyId')).to.equal(false);
    expect(part<HTMLSelectElement>(el, 'type-filter').value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'type-filter'));
  });

  it('offers every contract of a customer with more than a page of them (a fleet) in the contract filter', async () => {
    const fleet = Array.from({ length: 101 }, (_, i) => ({
      ...POLICIES.items[0]!,
      id: 1000 + i,
      policyNumber: `KGFB-2024-${String(1000 + i).padStart(6, '0')}`,
    }));
    api = mailboxApi().install();
    api.on('GET', '/policies', (request) => {
      const page = Number(request.query.get('page'));
      const size = Number(request.query.get('pageSize'));
      return { json: { ...POLICIES, items: fleet.slice((page - 1) * size, page * size), page, pageSize: size, total: fleet.length } };
    });
    const { widget: el } = await render(api);
    await waitUntil(() => part<HTMLSelectElement>(el, 'policy-filter').options.length === 102, 'not every contract is offered');
    expect(api.callsTo('GET', '/policies').map((call) => call.query.get('page'))).to.deep.equal(['1', '2']);
  });

  it('offers every type of the mailbox, also one that is on no page loaded yet', async () => {
    const older = { type: 'kartorteneti_igazolas' as const, typeName: { hu: 'Kártörténeti igazolás', en: 'Claims-history certificate' }, count: 4 };
    api = new FakeApi()
      .on('GET', '/documents', documentList([DOC_UNREAD], { total: 5, types: [...typesOf([DOC_UNREAD]), older] }))
      .on('GET', '/policies', POLICIES)
      .install();
    const { widget: el } = await render(api);
    expect(optionTexts(part<HTMLSelectElement>(el, 'type-filter'))).to.deep.equal(['Minden típus', 'Díjbekérő (1)', 'Kártörténeti igazolás (4)']);
  });

  it('opens a document: fetches its content, shows it in a new tab, marks it read and fires gp-document-opened', async () => {
    api = mailboxApi().install();
    const { widget: el } = await render(api);
    const button = openButton(el, DOC_UNREAD.id);
    expect(textOf(button)).to.equal('Megnyitás');

    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'gp-document-opened')) as unknown as GpDocumentOpenedEvent;
    await el.updateComplete;

    const [call] = api.callsTo('GET', `/documents/${DOC_UNREAD.id}/content`);
    expect(call!.headers.get('X-GP-Request')).to.equal('1');
    // The PDF comes by fetch with the session's handle and a proof, no cookie: a Blob the page opens.
    expect(call!.credentials).to.equal('omit');
    expect(call!.headers.get('authorization')).to.match(/^DPoP /);
    expect(call!.headers.get('dpop')).to.match(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(created).to.have.length(1);
    expect(await created[0]!.text()).to.equal('%PDF-1.7 test');
    expect(opened).to.deep.equal(['blob:test/1']);
    expect(revoked).to.deep.equal([]); // revoked later, once the tab has read it

    expect(event).to.be.instanceOf(GpDocumentOpenedEvent);
    expect(event.documentId).to.equal(DOC_UNREAD.id);
    expect(event.documentType).to.equal('dijbekero');
    expect(event.bubbles && event.composed).to.equal(true);

    expect(row(el, DOC_UNREAD.id).querySelector('[part~="unread-mark"]')).to.equal(null);
    expect(row(el, DOC_UNREAD.id).getAttribute('part')).to.equal('item');
    expect(textOf(part(el, 'unread-badge').querySelector('.visually-hidden'))).to.equal('1 olvasatlan dokumentum');
    expect(part(el, 'notice').getAttribute('role')).to.equal('status');
    expect(textOf(part(el, 'notice'))).to.equal(`Megnyitotta: ${DOC_UNREAD.title}`);

    // Opening a read document again does not change the count.
    openButton(el, DOC_READ.id).click();
    await waitUntil(() => opened.length === 2);
    await el.updateComplete;
    expect(textOf(part(el, 'unread-badge').querySelector('.visually-hidden'))).to.equal('1 olvasatlan dokumentum');
  });

  it('shows a per-document loading state while the PDF is fetched', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    api = mailboxApi()
      .on('GET', '/documents/:id/content', async () => {
        await gate;
        return { body: new Blob(['%PDF'], { type: 'application/pdf' }), headers: { 'content-type': 'application/pdf' } };
      })
      .install();
    const { widget: el } = await render(api);
    openButton(el, DOC_OLD.id).click();
    await waitUntil(() => openButton(el, DOC_OLD.id).getAttribute('aria-busy') === 'true');
    expect(textOf(openButton(el, DOC_OLD.id))).to.equal('Megnyitás…');
    expect(openButton(el, DOC_OLD.id).getAttribute('aria-disabled')).to.equal('true');
    expect(openButton(el, DOC_UNREAD.id).getAttribute('aria-busy')).to.equal('false');
    // A second click while it loads asks nothing more.
    openButton(el, DOC_OLD.id).click();
    release();
    await waitUntil(() => openButton(el, DOC_OLD.id).getAttribute('aria-busy') === 'false');
    expect(api.callsTo('GET', `/documents/${DOC_OLD.id}/content`)).to.have.length(1);
    expect(textOf(openButton(el, DOC_OLD.id))).to.equal('Megnyitás');
  });

  it('downloads the PDF when the browser blocks the new window', async () => {
    openResult = null;
    const clicked: HTMLAnchorElement[] = [];
    const originalClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      api = mailboxApi().install();
      const { widget: el } = await render(api);
      setTimeout(() => openButton(el, DOC_UNREAD.id).click());
      await oneEvent(el, 'gp-document-opened');
      await el.updateComplete;
      expect(clicked).to.have.length(1);
      expect(clicked[0]!.href).to.equal('blob:test/1');
      expect(clicked[0]!.download).to.equal('Díjbekérő – 2026. IV. negyedév.pdf');
      expect(clicked[0]!.isConnected).to.equal(false);
      expect(textOf(part(el, 'notice'))).to.equal(`A böngésző nem nyitott új ablakot, ezért letöltöttük: ${DOC_UNREAD.title}`);
    } finally {
      HTMLAnchorElement.prototype.click = originalClick;
    }
  });

  it('reports a document that cannot be opened and keeps it unread', async () => {
    api = mailboxApi().on('GET', '/documents/:id/content', problem(404, 'document_not_found')).install();
    const { widget: el } = await render(api);
    setTimeout(() => openButton(el, DOC_UNREAD.id).click());
    const error = (await oneEvent(el, 'gp-error')) as GpErrorEvent;
    await el.updateComplete;
    expect(error.code).to.equal('document_not_found');
    expect(error.action).to.equal('open-document');
    expect(opened).to.deep.equal([]);
    expect(textOf(part(el, 'notice'))).to.equal('A dokumentum nem található.');
    expect(part(el, 'notice').classList.contains('error')).to.equal(true);
    expect(row(el, DOC_UNREAD.id).querySelector('[part~="unread-mark"]')).not.to.equal(null);
    expect(textOf(part(el, 'unread-badge').querySelector('.visually-hidden'))).to.equal('2 olvasatlan dokumentum');
  });

  it('opens a document from the keyboard', async () => {
    api = mailboxApi().install();
    const { widget: el } = await render(api);
    openButton(el, DOC_OLD.id).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => opened.length === 1);
    expect(api.callsTo('GET', `/documents/${DOC_OLD.id}/content`)).to.have.length(1);
  });

  it('points at a deep-linked document without opening it', async () => {
    api = mailboxApi().install();
    const { widget: el } = await render(api, html`<gp-mailbox document-id=${DOC_OLD.id}></gp-mailbox>`);
    await waitUntil(() => el.shadowRoot!.activeElement === openButton(el, DOC_OLD.id), 'the deep-linked document was not focused');

    expect(row(el, DOC_OLD.id).getAttribute('part')).to.equal('item unread highlighted');
    expect(row(el, DOC_UNREAD.id).getAttribute('part')).to.equal('item unread');
    const notice = row(el, DOC_OLD.id).querySelector('[part~="deep-link-notice"]')!;
    expect(textOf(notice)).to.equal('Ezt a dokumentumot kereste. A megnyitásához válassza a Megnyitás gombot.');
    expect(openButton(el, DOC_OLD.id).getAttribute('aria-describedby')).to.include(notice.id);
    expect(opened).to.deep.equal([]);
    expect(api.callsTo('GET', `/documents/${DOC_OLD.id}/content`)).to.have.length(0);
  });

  it('pages with "load more" and focuses the first new document', async () => {
    api = mailboxApi()
      .on('GET', '/documents', (request) =>
        request.query.get('page') === '2'
          ? { json: documentList([DOC_OLD], { page: 2, pageSize: 2, total: 3, unreadCount: 2 }) }
          : { json: documentList([DOC_UNREAD, DOC_READ], { pageSize: 2, total: 3, unreadCount: 2 }) },
      )
      .install();
    const { widget: el } = await render(api, html`<gp-mailbox page-size="2"></gp-mailbox>`);
    expect(api.callsTo('GET', '/documents')[0]!.query.get('pageSize')).to.equal('2');
    expect(parts(el, 'item')).to.have.length(2);
    expect(textOf(part(el, 'footer'))).to.include('3 dokumentumból 2 látható');

    part(el, 'more-button').click();
    await waitUntil(() => parts(el, 'item').length === 3);
    expect(api.callsTo('GET', '/documents')[1]!.query.get('page')).to.equal('2');
    expect(el.shadowRoot!.querySelector('[part~="more-button"]')).to.equal(null);
    await waitUntil(() => el.shadowRoot!.activeElement === openButton(el, DOC_OLD.id));
  });

  it('shows the empty state', async () => {
    api = mailboxApi([]).install();
    const { widget: el } = await render(api);
    expect(textOf(part(el, 'empty'))).to.equal('A Levelezésben még nincs dokumentum.');
    expect(el.shadowRoot!.querySelector('[part~="unread-badge"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a failure with a retry that loads again', async () => {
    api = mailboxApi().on('GET', '/documents', problem(500, 'server_error')).install();
    const errors: GpErrorEvent[] = [];
    const onError = (event: GpErrorEvent) => errors.push(event);
    document.addEventListener('gp-error', onError);
    let el: GpMailbox;
    try {
      ({ widget: el } = await render(api));
    } finally {
      document.removeEventListener('gp-error', onError);
    }
    expect(errors.map((e) => [e.code, e.action])).to.deep.equal([['server_error', 'load-documents']]);
    expect(textOf(part(el, 'error'))).to.include('A szolgáltatás átmenetileg nem érhető el.');
    expect(el.shadowRoot!.querySelector('[part~="list"]')).to.equal(null);
    await expect(el).to.be.accessible();

    api.on('GET', '/documents', documentList([DOC_UNREAD]));
    part(el, 'retry-button').click();
    await waitUntil(() => parts(el, 'item').length === 1);
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
  });

  it('shows the logged-out state and loads nothing', async () => {
    api = new FakeApi({ authenticated: false }).install();
    const { widget: el } = await inPortal<GpMailbox>(html`<gp-mailbox></gp-mailbox>`, { handle: false });
    expect(el.shadowRoot!.querySelector('[part~="logged-out"]')).not.to.equal(null);
    expect(api.callsTo('GET', '/documents')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('drops the documents when the session ends', async () => {
    api = mailboxApi().install();
    const { portal, widget: el } = await render(api);
    await portal.logout();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="list"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="unread-badge"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="logged-out"]')).not.to.equal(null);
  });

  it('switches to English at runtime without loading again', async () => {
    api = mailboxApi().install();
    const { portal, widget: el } = await render(api);
    portal.lang = 'en';
    await portal.updateComplete;
    await el.updateComplete;
    expect(part(el, 'base').getAttribute('lang')).to.equal('en');
    expect(textOf(part(el, 'heading'))).to.include('Correspondence');
    expect(textOf(part(el, 'unread-badge').querySelector('.visually-hidden'))).to.equal('2 unread documents');
    expect(textOf(row(el, DOC_UNREAD.id).querySelector('[part~="type"]'))).to.equal('Premium notice');
    expect(textOf(row(el, DOC_UNREAD.id).querySelector('[part~="unread-mark"]'))).to.equal('Unread');
    expect(textOf(openButton(el, DOC_UNREAD.id))).to.equal('Open');
    expect(textOf(row(el, DOC_UNREAD.id).querySelector('[part~="meta"]'))).to.equal('Contract: KGFB-2024-000123 Issued: 05/10/2026');
    expect(optionTexts(part<HTMLSelectElement>(el, 'policy-filter'))[1]).to.equal('KGFB-2024-000123 – Motor third-party liability');
    expect(api.callsTo('GET', '/documents')).to.have.length(1);
  });

  it('passes the axe audit in both languages, with the request form open', async () => {
    api = mailboxApi().install();
    const { portal, widget: el } = await render(api, html`<gp-mailbox document-id=${DOC_OLD.id}></gp-mailbox>`);
    await expect(el).to.be.accessible();
    part(el, 'request-toggle').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    portal.lang = 'en';
    await portal.updateComplete;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  describe('document request', () => {
    async function openForm(el: GpMailbox) {
      part(el, 'request-toggle').click();
      await el.updateComplete;
      await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#request-heading'), 'focus did not move to the form');
    }

    it('requests a document for a contract and refreshes the mailbox', async () => {
      const fresh = { ...DOC_OLD, id: '5b0d5c52-4a0e-4d6a-9a55-0d6f5f3b1a09', issuedAt: '2026-11-24T08:00:00.000Z' };
      api = mailboxApi()
        .on('POST', '/document-requests', (request) => {
          const body = request.body as { type: string };
          api.on('GET', '/documents', documentList([fresh, DOC_UNREAD, DOC_READ, DOC_OLD]));
          return {
            status: 201,
            json: {
              documentId: fresh.id,
              request: {
                id: 'r1',
                policyId: 11,
                policyNumber: 'KGFB-2024-000123',
                type: body.type,
                typeName: { hu: 'Kötvény', en: 'Policy document' },
                status: 'fulfilled',
                documentId: fresh.id,
                failureReason: null,
                requestedAt: fresh.issuedAt,
                fulfilledAt: fresh.issuedAt,
              },
            },
          };
        })
        .install();
      const { widget: el } = await render(api);
      expect(part(el, 'request-toggle').getAttribute('aria-expanded')).to.equal('false');
      await openForm(el);
      expect(part(el, 'request-toggle').getAttribute('aria-expanded')).to.equal('true');
      expect($<HTMLSelectElement>(el, '#req-type').disabled).to.equal(true);

      await choose(el, '#req-policy', '11');
      await waitUntil(() => !$<HTMLSelectElement>(el, '#req-type').disabled);
      expect(api.callsTo('GET', '/document-requests/types')[0]!.query.get('policyId')).to.equal('11');
      const typeSelect = $<HTMLSelectElement>(el, '#req-type');
      expect(optionTexts(typeSelect)).to.deep.equal([
        'Válasszon…',
        'Kötvény (ma még 3-szor kérheti)',
        'Kártörténeti igazolás (ma már nem kérheti)',
        'Biztosítási igazolás (ma még 2-szer kérheti)',
      ]);
      expect(typeSelect.options[2]!.disabled).to.equal(true);

      await choose(el, '#req-type', 'kotveny');
      part(el, 'request-submit').click();
      await waitUntil(() => parts(el, 'item').length === 4, 'the mailbox was not refreshed');

      const [post] = api.callsTo('POST', '/document-requests');
      expect(post!.body).to.deep.equal({ policyId: 11, type: 'kotveny' });
      expect(textOf(part(el, 'notice'))).to.equal('Elkészült a kötvénye, a Levelezésben megtalálja.');
      expect(textOf(part(el, 'title'))).to.equal(fresh.title);
      expect(textOf(part(el, 'unread-badge').querySelector('.visually-hidden'))).to.equal('3 olvasatlan dokumentum');
      // The request closes its form and shows the new document, its Open button focused (issue 17, point 9).
      expect(el.shadowRoot!.querySelector('[part~="request-form"]')).to.equal(null);
      expect(part(el, 'request-toggle').getAttribute('aria-expanded')).to.equal('false');
      await waitUntil(() => el.shadowRoot!.activeElement === openButton(el, fresh.id), 'the new document was not focused');

      // Cancel closes the form and gives focus back to the toggle.
      await openForm(el);
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.request button')].find((b) => textOf(b) === 'Mégse')!.click();
      await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'request-toggle'));
      expect(el.shadowRoot!.querySelector('[part~="request-form"]')).to.equal(null);
    });

    it('checks the choices before sending', async () => {
      api = mailboxApi().install();
      const { widget: el } = await render(api);
      await openForm(el);
      part(el, 'request-submit').click();
      await el.updateComplete;
      const policy = $<HTMLSelectElement>(el, '#req-policy');
      expect(policy.getAttribute('aria-invalid')).to.equal('true');
      expect(textOf($(el, '#req-policy-error'))).to.equal('Ezt a mezőt ki kell tölteni.');
      expect(policy.getAttribute('aria-describedby')).to.equal('req-policy-error');
      await waitUntil(() => el.shadowRoot!.activeElement === policy);
      expect(api.callsTo('POST', '/document-requests')).to.have.length(0);
    });

    it('shows a refused type next to its field', async () => {
      api = mailboxApi()
        .on('POST', '/document-requests', problem(422, 'document_type_not_for_product', [{ field: 'type', code: 'not_for_product' }]))
        .install();
      const { widget: el } = await render(api);
      await openForm(el);
      await choose(el, '#req-policy', '11');
      await waitUntil(() => !$<HTMLSelectElement>(el, '#req-type').disabled);
      await choose(el, '#req-type', 'biztositasi_igazolas');
      setTimeout(() => part(el, 'request-submit').click());
      const error = (await oneEvent(el, 'gp-error')) as GpErrorEvent;
      expect(error.code).to.equal('document_type_not_for_product');
      expect(error.action).to.equal('request-document');
      const type = $<HTMLSelectElement>(el, '#req-type');
      await waitUntil(() => el.shadowRoot!.activeElement === type);
      expect(type.getAttribute('aria-invalid')).to.equal('true');
      expect(textOf($(el, '#req-type-error'))).to.equal('Ez a dokumentum ehhez a szerződéshez nem igényelhető.');
      expect($(el, '#req-policy').getAttribute('aria-invalid')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('shows the per-day limit as a refusal', async () => {
      api = mailboxApi().on('POST', '/document-requests', problem(409, 'too_many_requests')).install();
      const { widget: el } = await render(api, html`<gp-mailbox></gp-mailbox>`, 'en');
      await openForm(el);
      await choose(el, '#req-policy', '11');
      await waitUntil(() => !$<HTMLSelectElement>(el, '#req-type').disabled);
      await choose(el, '#req-type', 'kotveny');
      part(el, 'request-submit').click();
      await waitUntil(() => el.shadowRoot!.querySelector('.request [role="alert"]'));
      expect(textOf($(el, '.request [role="alert"]'))).to.equal('You cannot request this document for this contract again today. Please try again tomorrow.');
      expect(textOf(part(el, 'request-submit'))).to.equal('Request');
      expect(api.callsTo('GET', '/documents')).to.have.length(1);
    });

    it('offers nothing for a contract without requestable types', async () => {
      api = mailboxApi().on('GET', '/document-requests/types', { items: [] }).install();
      const { widget: el } = await render(api);
      await openForm(el);
      await choose(el, '#req-policy', '12');
      await waitUntil(() => el.shadowRoot!.querySelector('.request select + .hint'));
      expect(textOf($(el, '.request select + .hint'))).to.equal('Ehhez a szerződéshez most nem igényelhető dokumentum.');
      expect($<HTMLSelectElement>(el, '#req-type').disabled).to.equal(true);
    });
  });
});
