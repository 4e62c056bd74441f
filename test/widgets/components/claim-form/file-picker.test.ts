import { afterEach, beforeEach, describe, it } from '../../mocha.ts';
import { elementUpdated, expect, waitUntil } from '@open-wc/testing';
import type GpClaimForm from '../../../../widgets/components/claim-form/claim-form.component.ts';
import { FakeApi, problem } from '../../support/fake-api.ts';
import { part, parts, textOf } from '../../support/render.ts';
import { atWidth, overflowing } from '../../support/viewport.ts';
import { $, chooseIn, claim, daysAgo, errorOf, fakePng, heading, HOME, jpeg, loaded, next, pdf, pickerStatus, policyList, render, type } from './fixtures.ts';

/** Issue 17 point 5: a translated picker with drag and drop, thumbnails, the type check when chosen, and files added to a reported claim. */
async function toFiles(el: GpClaimForm): Promise<void> {
  await loaded(el);
  $<HTMLInputElement>(el, 'input[name="claimType"][value="water_leak"]').click();
  await type(el, 'description', 'Eltört a cső a fürdőszobában.');
  await next(el);
  await type(el, 'date', daysAgo(2));
  await type(el, 'place', 'Győr, Baross út 12.');
  await next(el);
  await next(el);
  expect(heading(el)).to.include('Mellékletek');
}

describe('<gp-claim-form>: the file picker', () => {
  let api: FakeApi;
  const created: string[] = [];
  const revoked: string[] = [];
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  beforeEach(() => {
    api = new FakeApi()
      .on('GET', '/policies', policyList([HOME]))
      .on('GET', '/claims', { items: [claim({}), claim({ id: 6, claimNumber: 'KAR-2026-000006', status: 'closed' })], page: 1, pageSize: 100, total: 2 })
      .install();
    created.length = 0;
    revoked.length = 0;
    URL.createObjectURL = (blob) => {
      const url = original.create(blob);
      created.push(url);
      return url;
    };
    URL.revokeObjectURL = (url) => {
      revoked.push(url);
      original.revoke(url);
    };
  });
  afterEach(async () => {
    api.restore();
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
    await atWidth(800);
  });

  it('is a button in the page’s language around a hidden, labelled file input, with a drop zone; no bare "Choose Files"', async () => {
    const { el, portal } = await render({ policyId: '14' });
    await toFiles(el);
    const input = part<HTMLInputElement>(el, 'file-input');
    expect(input.classList.contains('visually-hidden')).to.equal(true);
    expect(textOf(part(el, 'choose-button'))).to.equal('Fájlok kiválasztása');
    expect(part(el, 'choose-button').getAttribute('for')).to.equal(input.id);
    expect(textOf(part(el, 'drop-zone'))).to.include('vagy húzza ide őket');
    expect(input.getAttribute('aria-describedby')).to.equal('files-hint files-error');
    await expect(el).to.be.accessible();
    // The keyboard reaches the input; its label (the button) shows the focus.
    input.focus();
    expect(el.shadowRoot!.activeElement).to.equal(input);
    portal.lang = 'en';
    await elementUpdated(portal);
    await el.updateComplete;
    expect(textOf(part(el, 'choose-button'))).to.equal('Choose files');
    expect(textOf(part(el, 'drop-zone'))).to.include('or drop them here');
    await expect(el).to.be.accessible();
  });

  it('refuses a fake PNG the moment it is chosen, naming the file, and announces what was added', async () => {
    const { el } = await render({ policyId: '14' });
    await toFiles(el);
    const input = part<HTMLInputElement>(el, 'file-input');
    await chooseIn(el, input, [jpeg('csotores.jpg'), fakePng('serules.png'), pdf('szamla.pdf')]);
    expect(parts(el, 'file').map((f) => textOf(f.querySelector('.file-name')))).to.deep.equal(['csotores.jpg', 'szamla.pdf']);
    expect(errorOf(el, 'files')).to.equal('serules.png: Csak JPEG vagy PNG fotót, illetve PDF fájlt csatolhat.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(pickerStatus(input)).to.equal('Hozzáadva: csotores.jpg, szamla.pdf. serules.png: Csak JPEG vagy PNG fotót, illetve PDF fájlt csatolhat.');
    // Nothing was sent: the check is the widget's own, before any upload.
    expect(api.callsTo('POST', '/claims')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows thumbnails of chosen images from object URLs, and revokes each URL when its file is removed', async () => {
    const { el } = await render({ policyId: '14' });
    await toFiles(el);
    await chooseIn(el, part<HTMLInputElement>(el, 'file-input'), [jpeg('elso.jpg'), pdf('jegyzokonyv.pdf'), jpeg('masodik.jpg')]);
    const thumbs = parts(el, 'thumbnail');
    expect(thumbs.map((t) => t.localName)).to.deep.equal(['img', 'span', 'img']);
    const [first, , second] = thumbs as HTMLImageElement[];
    expect(first!.src).to.match(/^blob:/);
    expect(first!.alt).to.equal('');
    expect(created).to.deep.equal([first!.src, second!.src]);
    parts<HTMLButtonElement>(el, 'remove-button')[0]!.click();
    await elementUpdated(el);
    await el.updateComplete;
    expect(revoked).to.deep.equal([first!.src]);
    expect(pickerStatus(part<HTMLInputElement>(el, 'file-input'))).to.equal('Eltávolítva: elso.jpg.');
    el.remove();
    expect(revoked).to.deep.equal([first!.src, second!.src]);
  });

  it('takes files dropped on the zone, with the same checks', async () => {
    const { el } = await render({ policyId: '14' });
    await toFiles(el);
    const zone = part(el, 'drop-zone');
    const transfer = new DataTransfer();
    transfer.items.add(jpeg('ledobott.jpg'));
    transfer.items.add(fakePng('hamis.png'));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    expect(zone.classList.contains('dragging')).to.equal(true);
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await waitUntil(() => parts(el, 'file').length === 1, 'the dropped file never arrived');
    expect(zone.classList.contains('dragging')).to.equal(false);
    expect(textOf(part(el, 'file'))).to.include('ledobott.jpg');
    expect(errorOf(el, 'files')).to.equal('hamis.png: Csak JPEG vagy PNG fotót, illetve PDF fájlt csatolhat.');
  });

  it('fits 320 px with chosen files', async () => {
    const { el } = await render({ policyId: '14' });
    await toFiles(el);
    await chooseIn(el, part<HTMLInputElement>(el, 'file-input'), [jpeg('egy-nagyon-hosszu-nevu-fenykep-a-karrol-2026.jpg'), pdf()]);
    await atWidth(320);
    expect(overflowing(el)).to.deep.equal([]);
  });
});

describe('<gp-claim-form>: files added to a reported claim', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = new FakeApi()
      .on('GET', '/policies', policyList([HOME]))
      .on('GET', '/claims', { items: [claim({}), claim({ id: 6, claimNumber: 'KAR-2026-000006', status: 'closed' })], page: 1, pageSize: 100, total: 2 })
      .on('POST', '/claims/:id/attachments', () => ({
        status: 201,
        json: {
          attachments: [
            {
              id: '0d6f1c52-5b1a-4d7e-8f0e-2b7f5c1a9e01',
              filename: 'arajanlat.pdf',
              contentType: 'application/pdf',
              sizeBytes: 12,
              sha256: 'x',
              uploadedAt: '2026-05-10T10:00:00Z',
            },
          ],
        },
      }))
      .install();
  });
  afterEach(async () => {
    api.restore();
    await atWidth(800);
  });

  async function openAdding(lang: 'hu' | 'en' = 'hu') {
    const { el, portal } = await render({ view: 'list' }, lang);
    await loaded(el);
    const [open, closed] = parts(el, 'claim');
    expect(closed!.querySelector('[part~="add-files-button"]'), 'a closed claim takes no files').to.equal(null);
    const button = open!.querySelector<HTMLButtonElement>('[part~="add-files-button"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await elementUpdated(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    return { el, portal, button, input: $<HTMLInputElement>(el, '#add-files-5') };
  }

  it('uploads files to an open claim from the list, announces it and counts them', async () => {
    const { el, button, input } = await openAdding();
    expect(textOf(button)).to.equal('Fájlok pótlása: KAR-2026-000005');
    expect(textOf(parts(el, 'claim')[0]!)).to.include('Mellékletek1');
    await expect(el).to.be.accessible();
    await chooseIn(el, input, [pdf('arajanlat.pdf'), fakePng('rossz.png')]);
    expect(textOf(part(el, 'add-files'))).to.include('rossz.png: Csak JPEG vagy PNG fotót, illetve PDF fájlt csatolhat.');
    part(el, 'upload-button').click();
    await waitUntil(() => textOf(part(el, 'list-status')), 'the upload was never announced');
    expect(textOf(part(el, 'list-status'))).to.equal('A KAR-2026-000005 számú kárügyhöz 1 fájlt csatoltunk.');
    const [call] = api.callsTo('POST', '/claims/5/attachments');
    expect((call!.body as FormData).getAll('attachments').map((f) => (f as File).name)).to.deep.equal(['arajanlat.pdf']);
    expect(call!.headers.get('X-GP-Request')).to.equal('1');
    expect(parts(el, 'add-files')).to.have.length(0);
    expect(textOf(parts(el, 'claim')[0]!)).to.include('Mellékletek2');
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('asks for a file before sending, and tells a closed claim’s refusal in the page’s language', async () => {
    api.on('POST', '/claims/:id/attachments', problem(409, 'claim_closed'));
    const { el, input } = await openAdding('en');
    part(el, 'upload-button').click();
    await elementUpdated(el);
    expect(textOf($(el, '#add-files-5-error'))).to.equal('Choose at least one file.');
    expect(api.callsTo('POST', '/claims/5/attachments')).to.have.length(0);
    await chooseIn(el, input, [jpeg('late.jpg')]);
    part(el, 'upload-button').click();
    await waitUntil(() => textOf($(el, '#add-files-5-error')).includes('closed'), 'the refusal never showed');
    expect(textOf($(el, '#add-files-5-error'))).to.equal('This claim is closed, so no more files can be added to it.');
    expect(parts(el, 'file')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('offers no upload on a rejected, paid or closed claim and says why, in the page’s language', async () => {
    const closed = (['rejected', 'paid', 'closed'] as const).map((status, i) => claim({ id: 6 + i, claimNumber: `KAR-2026-00000${6 + i}`, status }));
    api.on('GET', '/claims', { items: [claim({}), ...closed], page: 1, pageSize: 100, total: 4 });
    const why = {
      hu: ['A kárigényt elutasítottuk', 'A kárt kifizettük', 'Ez a kárügy lezárult'],
      en: ['We have rejected this claim', 'We have paid this claim', 'This claim is closed'],
    };
    for (const lang of ['hu', 'en'] as const) {
      const { el } = await render({ view: 'list' }, lang);
      await loaded(el);
      const offers = parts(el, 'claim').map((item) => ({
        upload: !!item.querySelector('[part~="add-files-button"]'),
        why: textOf(item.querySelector('[part~="no-more-files"]')).split(',')[0],
      }));
      expect(offers).to.deep.equal([{ upload: true, why: '' }, ...why[lang].map((text) => ({ upload: false, why: text }))]);
      await expect(el).to.be.accessible();
    }
  });

  it('fits 320 px with the picker open on a claim', async () => {
    const { el, input } = await openAdding();
    await chooseIn(el, input, [jpeg('egy-nagyon-hosszu-nevu-fenykep-a-karrol-2026.jpg')]);
    await atWidth(320);
    expect(overflowing(el)).to.deep.equal([]);
  });
});
