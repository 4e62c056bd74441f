import { afterEach, beforeEach, describe, it } from '../../mocha.ts';
import { elementUpdated, expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../../widgets/components/claim-form/claim-form.ts';
import GpClaimForm from '../../../../widgets/components/claim-form/claim-form.component.ts';
import { GpClaimSubmittedEvent } from '../../../../widgets/events/claim-submitted.ts';
import { GpNavigateEvent } from '../../../../widgets/events/navigate.ts';
import type { GpErrorEvent } from '../../../../widgets/events/error.ts';
import { FakeApi, problem } from '../../support/fake-api.ts';
import { inPortal, part, parts, textOf } from '../../support/render.ts';
import {
  $,
  CASCO,
  HOME,
  REPORTED,
  choose,
  claim,
  daysAgo,
  errorOf,
  heading,
  jpeg,
  loaded,
  policyList,
  render,
  type,
  collisionUpToOtherParty,
} from './fixtures.ts';

const root = (el: GpClaimForm) => el.shadowRoot!;

async function next(el: GpClaimForm): Promise<void> {
  part<HTMLButtonElement>(el, 'next-button').click();
  await elementUpdated(el);
  await el.updateComplete;
}

/** Chooses files in the picker as the browser's dialog would, and waits for their check (their bytes are read). */
async function chooseFiles(el: GpClaimForm, files: File[], input = part<HTMLInputElement>(el, 'file-input')): Promise<void> {
  const transfer = new DataTransfer();
  files.forEach((f) => transfer.items.add(f));
  input.files = transfer.files;
  const status = () => textOf(input.closest('.field')!.querySelector('[role="status"]'));
  const before = status();
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => status() !== before || files.length === 0, 'the chosen files were never checked');
  await el.updateComplete;
}

/** Walks a CASCO collision report up to the review step. */
async function fillCasco(el: GpClaimForm, date = daysAgo(3)): Promise<void> {
  await choose(el, 'policyId', '12');
  await next(el);
  await choose(el, 'claimType', 'collision');
  await type(el, 'description', 'Parkolás közben nekem tolatott egy furgon.');
  await type(el, 'damage', '150 000');
  await next(el);
  await type(el, 'date', date);
  await type(el, 'time', '08:15');
  await type(el, 'place', 'Budapest, Váci út 12.');
  await next(el);
  await choose(el, 'opSituation', 'known');
  await type(el, 'opName', 'Kovács Péter');
  await type(el, 'opPlate', 'xyz 987');
  await next(el);
  await chooseFiles(el, [jpeg()]);
  await next(el);
}

describe('<gp-claim-form>', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = new FakeApi()
      .on('GET', '/policies', policyList([CASCO, HOME]))
      .on('GET', '/claims', { items: [claim({})], page: 1, pageSize: 20, total: 1 })
      .on('POST', '/claims', () => ({ status: 201, json: REPORTED }))
      .install();
  });
  afterEach(() => api.restore());

  it('is registered under gp-claim-form', () => {
    expect(customElements.get('gp-claim-form')).to.equal(GpClaimForm);
  });

  it('asks a logged-out visitor to log in and loads nothing', async () => {
    api.restore();
    api = new FakeApi({ authenticated: false }).install();
    const { widget: el } = await inPortal<GpClaimForm>(html`<gp-claim-form></gp-claim-form>`, { handle: false });
    await elementUpdated(el);
    expect(textOf(part(el, 'logged-out'))).to.include('jelentkezzen be');
    expect(api.callsTo('GET', '/policies')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('offers the customer’s live policies as the first step', async () => {
    const { el } = await render();
    await loaded(el);
    const [call] = api.callsTo('GET', '/policies');
    expect(call!.query.get('status')).to.equal('active');
    expect(call!.query.get('pageSize')).to.equal('100');
    expect(part(el, 'base').getAttribute('lang')).to.equal('hu');
    expect(heading(el)).to.equal('1. lépés a 6-ból Szerződés');
    const options = [...root(el).querySelectorAll('label.choice')].map(textOf);
    expect(options).to.deep.equal(['CASCO gépjármű-biztosítás – GP-CAS-000012 ABC-123 Škoda Octavia', 'Lakásbiztosítás – GP-LAK-000014 Győr, Baross út 12.']);
    expect(parts(el, 'back-button')).to.have.length(0);
  });

  it('loads every page of live policies', async () => {
    api.on('GET', '/policies', (req) => ({
      json: { ...policyList(req.query.get('page') === '2' ? [HOME] : [CASCO]), total: 2, page: Number(req.query.get('page')) },
    }));
    const { el } = await render();
    await loaded(el);
    expect(api.callsTo('GET', '/policies').map((c) => c.query.get('page'))).to.deep.equal(['1', '2']);
    expect(root(el).querySelectorAll('input[name="policyId"]')).to.have.length(2);
  });

  it('checks each step before moving on, with the messages on the fields', async () => {
    const { el } = await render();
    await loaded(el);
    await next(el);
    expect(heading(el)).to.include('Szerződés');
    const first = $<HTMLInputElement>(el, 'input[name="policyId"]');
    expect(first.getAttribute('aria-invalid')).to.equal('true');
    expect(first.getAttribute('aria-describedby')).to.equal('policyId-error');
    expect(errorOf(el, 'policyId')).to.equal('Válasszon a felkínált lehetőségek közül.');
    expect(root(el).activeElement).to.equal(first);

    await choose(el, 'policyId', '12');
    expect(errorOf(el, 'policyId')).to.equal('');
    await next(el);
    expect(heading(el)).to.equal('2. lépés a 6-ból Mi történt?');
    expect(root(el).activeElement).to.equal(part(el, 'step-heading'));
    // The claim types are the product's own.
    expect([...root(el).querySelectorAll('input[name="claimType"]')].map((i) => (i as HTMLInputElement).value)).to.deep.equal([
      'collision',
      'theft',
      'glass',
      'natural_damage',
      'vandalism',
    ]);
    await type(el, 'description', 'Rövid');
    await next(el);
    expect(errorOf(el, 'claimType')).to.equal('Válasszon a felkínált lehetőségek közül.');
    expect(errorOf(el, 'description')).to.equal('Legalább 10, legfeljebb 4000 karaktert adjon meg.');
    expect($(el, '#description').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#description').getAttribute('aria-describedby')).to.equal('description-hint description-error');

    await choose(el, 'claimType', 'theft');
    // Typed with the keyboard, as a customer would.
    $(el, '#description').focus();
    await sendKeys({ type: ' – az autót éjjel ellopták.' });
    await next(el);
    expect(heading(el)).to.equal('3. lépés a 6-ból Mikor és hol történt?');
    const date = $<HTMLInputElement>(el, '#date');
    expect(date.type).to.equal('text');

    await type(el, 'date', daysAgo(-2));
    await type(el, 'place', 'Bp');
    await next(el);
    expect(errorOf(el, 'date')).to.equal('A kár napja nem lehet későbbi a mai napnál.');
    expect(errorOf(el, 'place')).to.equal('Legalább 3, legfeljebb 200 karaktert adjon meg.');
    expect(root(el).activeElement).to.equal(date);
    await type(el, 'date', '2024-05-31');
    await next(el);
    expect(errorOf(el, 'date')).to.equal('A kár napja nem lehet korábbi a szerződés kezdeténél.');

    // Back keeps what was typed.
    part(el, 'back-button').click();
    await elementUpdated(el);
    expect(heading(el)).to.include('Mi történt?');
    expect($<HTMLInputElement>(el, 'input[value="theft"]').checked).to.equal(true);
    expect($<HTMLTextAreaElement>(el, '#description').value).to.equal('Rövid – az autót éjjel ellopták.');
    part(el, 'back-button').click();
    await elementUpdated(el);
    expect($<HTMLInputElement>(el, 'input[value="12"]').checked).to.equal(true);
  });

  it('requires the other vehicle for a collision and takes a Hungarian plate', async () => {
    const { el } = await render({ policyId: '12' });
    await loaded(el);
    await collisionUpToOtherParty(el, 'Egy furgon nekem jött a kereszteződésben.', 'Győr');
    expect(heading(el)).to.equal('4. lépés a 6-ból A másik fél és a kapcsolattartás');
    await choose(el, 'opSituation', 'known');
    await next(el);
    expect(errorOf(el, 'opName')).to.equal('Ezt a mezőt ki kell tölteni.');
    expect(errorOf(el, 'opPlate')).to.equal('Ezt a mezőt ki kell tölteni.');
    await type(el, 'opName', 'Kovács Péter');
    await type(el, 'opPlate', 'AB-12');
    await next(el);
    expect(errorOf(el, 'opPlate')).to.equal('A rendszám formája ABC-123 vagy AA BC-123.');
    await type(el, 'opPlate', 'aa bc 123');
    await next(el);
    expect(heading(el)).to.equal('5. lépés a 6-ból Mellékletek');
  });

  it('lists chosen files with their size, refuses what the API would, and removes files', async () => {
    const { el } = await render({ policyId: '14' });
    await loaded(el);
    expect(heading(el)).to.equal('2. lépés a 6-ból Mi történt?');
    await choose(el, 'claimType', 'water_leak');
    await type(el, 'description', 'Eltört a cső a fürdőszobában.');
    await next(el);
    await type(el, 'date', daysAgo(2));
    await type(el, 'place', 'Győr, Baross út 12.');
    await next(el);
    expect(heading(el)).to.equal('4. lépés a 6-ból Kapcsolattartás');
    await next(el);
    expect(heading(el)).to.equal('5. lépés a 6-ból Mellékletek');
    const input = part<HTMLInputElement>(el, 'file-input');
    expect(input.type).to.equal('file');
    expect(input.multiple).to.equal(true);
    expect(input.accept).to.include('.pdf');
    expect(textOf(root(el).querySelector('#files-list + p'))).to.equal('Nem választott fájlt.');

    await chooseFiles(el, [
      jpeg('csotores.jpg', 3 * 1024 * 1024),
      new File(['MZ'], 'program.exe', { type: 'application/x-msdownload' }),
      new File([], 'ures.png', { type: 'image/png' }),
      new File(['%PDF-'], 'jegyzokonyv.pdf', { type: 'application/pdf' }),
    ]);
    const files = parts(el, 'file');
    expect(files.map((f) => textOf(f.querySelector('.file-name')))).to.deep.equal(['csotores.jpg', 'jegyzokonyv.pdf']);
    expect(textOf(files[0]!.querySelector('.hint'))).to.equal('3 MB');
    expect(errorOf(el, 'files')).to.equal('program.exe: Csak JPEG vagy PNG fotót, illetve PDF fájlt csatolhat. ures.png: A fájl üres.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(parts(el, 'remove-button')[0])).to.equal('Eltávolítás: csotores.jpg');

    parts(el, 'remove-button')[0]!.click();
    await elementUpdated(el);
    await el.updateComplete;
    expect(parts(el, 'file').map((f) => textOf(f.querySelector('.file-name')))).to.deep.equal(['jegyzokonyv.pdf']);
    expect(errorOf(el, 'files')).to.equal('');
    expect(root(el).activeElement).to.equal(part(el, 'file-input'));
    await next(el);
    expect(heading(el)).to.equal('6. lépés a 6-ból Ellenőrzés és beküldés');
  });

  it('reviews, edits and submits a claim as multipart with progress, then announces the claim number', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    api.on('POST', '/claims', async () => {
      await held;
      return { status: 201, json: REPORTED };
    });
    const { el } = await render();
    await loaded(el);
    const date = daysAgo(3);
    await fillCasco(el, date);

    expect(heading(el)).to.equal('6. lépés a 6-ból Ellenőrzés és beküldés');
    const rows = [...part(el, 'review').querySelectorAll('.row')].map((row) => textOf(row.querySelector('dd.value')));
    expect(rows).to.deep.equal([
      'CASCO gépjármű-biztosítás – GP-CAS-000012',
      'Ütközés, baleset',
      'Parkolás közben nekem tolatott egy furgon.',
      '150 000 Ft', // (textOf folds the no-break spaces)
      `${new Intl.DateTimeFormat('hu-HU', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))} 08:15`,
      'Budapest, Váci út 12.',
      'Kovács Péter, xyz 987',
      'E-mailben',
      'karosodas.jpg',
    ]);

    // "Edit" goes back to the step; Next walks forward again with the data kept.
    const edit = parts<HTMLButtonElement>(el, 'edit-button')[5]!;
    expect(textOf(edit)).to.equal('Módosítás: A kár helyszíne');
    edit.click();
    await elementUpdated(el);
    await el.updateComplete;
    expect(heading(el)).to.include('Mikor és hol');
    expect(root(el).activeElement).to.equal(part(el, 'step-heading'));
    await type(el, 'place', 'Budapest, Váci út 14.');
    await next(el);
    await next(el);
    await next(el);
    expect(heading(el)).to.include('Ellenőrzés');

    const submitted = oneEvent<GpClaimSubmittedEvent>(el, 'gp-claim-submitted');
    part(el, 'submit-button').click();
    await waitUntil(() => root(el).querySelector('progress'), 'no progress bar');
    expect(part(el, 'form').getAttribute('aria-busy')).to.equal('true');
    expect(part<HTMLButtonElement>(el, 'submit-button').disabled).to.equal(true);
    await waitUntil(() => Number(part<HTMLProgressElement>(el, 'progress').value) > 0, 'no progress reported');
    expect(textOf($(el, 'label[for="progress"]'))).to.equal('Feltöltés');
    release();

    const event = await submitted;
    expect(event).to.be.instanceOf(GpClaimSubmittedEvent);
    expect(event.claim.claimNumber).to.equal('KAR-2026-000077');
    expect(event.bubbles && event.composed).to.equal(true);

    const [call] = api.callsTo('POST', '/claims');
    const body = call!.body as FormData;
    expect(body.get('policyId')).to.equal('12');
    expect(body.get('claimType')).to.equal('collision');
    expect(body.get('occurredAt')).to.equal(`${date}T08:15`);
    expect(body.get('place')).to.equal('Budapest, Váci út 14.');
    expect(body.get('description')).to.equal('Parkolás közben nekem tolatott egy furgon.');
    expect(body.get('estimatedDamageHuf')).to.equal('150000');
    expect(JSON.parse(body.get('otherParty') as string)).to.deep.equal({ name: 'Kovács Péter', plate: 'XYZ-987' });
    expect((body.getAll('attachments') as File[]).map((f) => [f.name, f.size])).to.deep.equal([['karosodas.jpg', 2048]]);
    expect(call!.headers.get('X-GP-Request')).to.equal('1');

    await el.updateComplete;
    const number = part(el, 'claim-number');
    expect(textOf(number)).to.equal('Kárszám: KAR-2026-000077');
    expect(part(el, 'result').getAttribute('role')).to.equal('status');
    expect(part(el, 'result').contains(number)).to.equal(true);
    expect(root(el).activeElement).to.equal(number);
    expect(parts(el, 'form')).to.have.length(0);
    await expect(el).to.be.accessible();

    part(el, 'another-button').click();
    await elementUpdated(el);
    await el.updateComplete;
    expect(heading(el)).to.equal('1. lépés a 6-ból Szerződés');
    expect(root(el).querySelector<HTMLInputElement>('input[name="policyId"]:checked')).to.equal(null);
    expect(root(el).activeElement).to.equal(part(el, 'step-heading'));
  });

  it('asks no other party on non-motor products, only the contact, and sends no other party', async () => {
    const { el } = await render({ policyId: '14' });
    await loaded(el);
    await choose(el, 'claimType', 'storm');
    await type(el, 'description', 'A vihar letépte a tetőt.');
    await next(el);
    await type(el, 'date', daysAgo(5));
    await type(el, 'place', 'Győr');
    await next(el);
    expect(heading(el)).to.equal('4. lépés a 6-ból Kapcsolattartás');
    expect(root(el).querySelectorAll('input[name="opSituation"], #opName')).to.have.length(0);
    await choose(el, 'contact', 'phone');
    await next(el);
    expect(heading(el)).to.include('Mellékletek');
    await next(el);
    expect(textOf(part(el, 'review'))).to.include('Viharkár');
    expect(textOf(part(el, 'review'))).not.to.include('A másik fél');
    part(el, 'submit-button').click();
    await waitUntil(() => root(el).querySelector('[part~="claim-number"]'), 'not reported');
    const body = api.callsTo('POST', '/claims')[0]!.body as FormData;
    expect(body.get('policyId')).to.equal('14');
    expect(body.has('otherParty')).to.equal(false);
    expect(body.has('otherPartySituation')).to.equal(false);
    expect(body.get('contactPreference')).to.equal('phone');
    expect(body.getAll('attachments')).to.have.length(0);
  });

  it('takes a refusal of the API back to the step of the field', async () => {
    api.on(
      'POST',
      '/claims',
      problem(422, 'policy_not_in_force_on_date', [
        { field: 'occurredAt', code: 'not_in_force' },
        { field: 'attachments[0]', code: 'type_not_allowed' },
      ]),
    );
    const errors: GpErrorEvent[] = [];
    document.addEventListener('gp-error', (e) => errors.push(e), { once: true });
    const { el } = await render();
    await loaded(el);
    await fillCasco(el);
    part(el, 'submit-button').click();
    await waitUntil(() => heading(el).includes('Mikor és hol'), 'did not go back to the date');
    await el.updateComplete;
    const date = $(el, '#date');
    expect(date.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, 'date')).to.equal('A szerződés a kár napján nem volt hatályban.');
    expect(root(el).activeElement).to.equal(date);
    expect(textOf(part(el, 'form-error'))).to.equal('Kérjük, javítsa a megjelölt adatokat.');
    expect(errors.map((e) => [e.code, e.status])).to.deep.equal([['policy_not_in_force_on_date', 422]]);
    await expect(el).to.be.accessible();

    // The file's refusal waits on its own step.
    await type(el, 'date', daysAgo(4));
    await next(el);
    await next(el);
    expect(heading(el)).to.include('Mellékletek');
    expect(textOf(part(el, 'file'))).to.include('Csak JPEG vagy PNG fotót, illetve PDF fájlt csatolhat.');
  });

  it('shows a failed submission on the review step and keeps the data', async () => {
    api.on('POST', '/claims', problem(500, 'server_error'));
    const { el } = await render();
    await loaded(el);
    await fillCasco(el);
    setTimeout(() => part(el, 'submit-button').click());
    const failed = await oneEvent<GpErrorEvent>(el, 'gp-error');
    expect(failed.action).to.equal('report-claim');
    await waitUntil(() => root(el).querySelector('[part~="form-error"]'), 'no error shown');
    expect(textOf(part(el, 'form-error'))).to.equal('A szolgáltatás átmenetileg nem érhető el. Kérjük, próbálja újra néhány perc múlva.');
    expect(part(el, 'form-error').getAttribute('role')).to.equal('alert');
    expect(heading(el)).to.include('Ellenőrzés');
    expect(textOf(part(el, 'review'))).to.include('Budapest, Váci út 12.');
    expect(parts(el, 'progress')).to.have.length(0);
    expect(part<HTMLButtonElement>(el, 'submit-button').disabled).to.equal(false);
  });

  it('shows an error with retry when the policies cannot be loaded', async () => {
    api.on('GET', '/policies', problem(500, 'server_error'));
    const { el } = await render();
    await loaded(el);
    expect(textOf(part(el, 'error'))).to.include('A szolgáltatás átmenetileg nem érhető el.');
    api.on('GET', '/policies', policyList([HOME]));
    part(el, 'retry-button').click();
    await waitUntil(() => root(el).querySelector('[part~="form"]'), 'no retry');
    expect(root(el).querySelectorAll('input[name="policyId"]')).to.have.length(1);
    expect(api.callsTo('GET', '/policies')).to.have.length(2);
  });

  it('says so when there is no live policy', async () => {
    api.on('GET', '/policies', policyList([]));
    const { el } = await render();
    await loaded(el);
    expect(textOf(part(el, 'empty'))).to.equal('Nincs élő szerződése, amelyre kárt jelenthetne.');
  });

  it('ignores a preselected policy that is not among the live ones', async () => {
    const { el } = await render({ policyId: '99' });
    await loaded(el);
    expect(heading(el)).to.equal('1. lépés a 6-ból Szerződés');
  });

  it('lists every claim of a customer with more than one page of them (a fleet), newest first', async () => {
    const claims = Array.from({ length: 130 }, (_, i) => claim({ id: 500 - i, claimNumber: `KAR-2026-${String(500 - i).padStart(6, '0')}` }));
    api.on('GET', '/claims', (request) => {
      const page = Number(request.query.get('page'));
      const size = Number(request.query.get('pageSize'));
      return { json: { items: claims.slice((page - 1) * size, page * size), page, pageSize: size, total: claims.length } };
    });
    const { el } = await render({ view: 'list' });
    await waitUntil(() => parts(el, 'claim').length === 130, 'not every claim shows');
    expect(api.callsTo('GET', '/claims').map((call) => call.query.get('page'))).to.deep.equal(['1', '2']);
    expect(textOf(parts(el, 'claim')[129]!.querySelector('h3'))).to.include('KAR-2026-000371');
  });

  it('lists the customer’s claims with their localized status and history', async () => {
    const { el } = await render({ view: 'list' });
    await loaded(el);
    expect(api.callsTo('GET', '/policies')).to.have.length(0);
    const items = parts(el, 'claim');
    expect(items).to.have.length(1);
    expect(textOf(items[0]!.querySelector('h3'))).to.equal('KAR-2026-000005 – Üvegkár');
    expect(textOf(items[0]!)).to.include('GP-CAS-000012');
    expect(textOf(items[0]!)).to.include('2026. 03. 02.');
    expect(textOf(part(el, 'status'))).to.equal('Vizsgálat alatt');
    const history = part<HTMLDetailsElement>(el, 'history');
    expect(history.open).to.equal(false);
    history.querySelector('summary')!.click();
    expect(history.open).to.equal(true);
    expect([...history.querySelectorAll('li')].map(textOf)).to.deep.equal([
      '2026. 03. 02. – Beérkezett: Kárbejelentés beérkezett az Ügyfélportálon.',
      '2026. 03. 04. – Vizsgálat alatt',
    ]);
    const [report, list] = parts(el, 'view-button');
    expect(list!.getAttribute('aria-pressed')).to.equal('true');
    expect(api.callsTo('GET', '/claims')[0]!.query.get('pageSize')).to.equal('100');
    await expect(el).to.be.accessible();

    report!.click();
    await loaded(el);
    await waitUntil(() => root(el).querySelector('[part~="form"]'), 'no form');
    expect(el.view).to.equal('report');
    expect(el.getAttribute('view')).to.equal('report');
  });

  it('opens the claim a contract or the overview leads to (claim-id): highlighted, its history open, focused', async () => {
    api.on('GET', '/claims', { items: [claim({ id: 4, claimNumber: 'KAR-2026-000004' }), claim({})], page: 1, pageSize: 100, total: 2 });
    const { el } = await render({ view: 'list', claimId: '5' });
    await loaded(el);
    await waitUntil(() => root(el).activeElement?.closest('[part~="claim"]'), 'the claim never got focus');
    const [other, wanted] = parts(el, 'claim');
    expect(wanted!.id).to.equal('claim-5');
    expect(wanted!.getAttribute('part')).to.equal('claim highlighted');
    expect(other!.getAttribute('part')).to.equal('claim');
    expect(root(el).activeElement).to.equal(wanted!.querySelector('h3'));
    expect(wanted!.querySelector('details')!.open).to.equal(true);
    expect(other!.querySelector('details')!.open).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows a claim chosen elsewhere on the page (gp-navigate the page leaves unhandled), instead of the link being followed', async () => {
    const { el } = await render();
    await loaded(el);
    const navigate = new GpNavigateEvent('claims', '5');
    document.body.dispatchEvent(navigate);
    expect(navigate.defaultPrevented).to.equal(true);
    expect(el.view).to.equal('list');
    await waitUntil(() => root(el).activeElement?.closest('#claim-5'), 'the claim never got focus');
    expect(part(el, 'claim').getAttribute('part')).to.equal('claim highlighted');
    const other = new GpNavigateEvent('mailbox', 'doc-1');
    document.body.dispatchEvent(other);
    expect(other.defaultPrevented).to.equal(false);
  });

  it('shows the empty and the error state of the list', async () => {
    api.on('GET', '/claims', { items: [], page: 1, pageSize: 20, total: 0 });
    const { el } = await render({ view: 'list' });
    await loaded(el);
    expect(textOf(part(el, 'empty'))).to.equal('Még nem jelentett be kárt.');

    api.on('GET', '/claims', problem(503, 'database_unavailable'));
    const other = await render({ view: 'list' });
    await loaded(other.el);
    expect(textOf(part(other.el, 'error'))).to.equal('A szolgáltatás átmenetileg nem érhető el. Kérjük, próbálja újra néhány perc múlva. Újrapróbálom');
  });

  it('passes axe in both languages on each kind of step', async () => {
    const { el, portal } = await render({ policyId: '12' }, 'en');
    await loaded(el);
    await expect(el).to.be.accessible();
    await next(el);
    await expect(el).to.be.accessible();
    portal.lang = 'hu';
    await elementUpdated(portal);
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('switches to English at runtime without refetching', async () => {
    const { el, portal } = await render({ policyId: '12' });
    await loaded(el);
    await next(el);
    expect(errorOf(el, 'claimType')).to.equal('Válasszon a felkínált lehetőségek közül.');
    portal.lang = 'en';
    await elementUpdated(portal);
    await el.updateComplete;
    expect(part(el, 'base').getAttribute('lang')).to.equal('en');
    expect(textOf(part(el, 'heading'))).to.equal('Report a claim');
    expect(heading(el)).to.equal('Step 2 of 6 What happened?');
    expect(errorOf(el, 'claimType')).to.equal('Choose one of the options.');
    expect(textOf($(el, 'label[for="description"]'))).to.equal('Description of the loss');
    expect([...root(el).querySelectorAll('label.choice')].map(textOf)).to.include('Collision');
    expect(parts(el, 'view-button').map(textOf)).to.deep.equal(['New claim', 'My claims']);
    expect(api.callsTo('GET', '/policies')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('drops everything when the session ends', async () => {
    const { el, portal } = await render({ policyId: '12' });
    await loaded(el);
    await type(el, 'description', 'Titkos részletek a kárról.');
    await portal.logout();
    await elementUpdated(el);
    expect(parts(el, 'logged-out')).to.have.length(1);
    expect(el.model.draft.description).to.equal('');
    expect(el.model.policies).to.equal(undefined);
  });
});
