import { describe, it } from '../../mocha.ts';
import { expect } from '@open-wc/testing';
import type { PolicySummary } from '../../../../widgets/api/schemas.ts';
import {
  addFiles,
  budapestNow,
  chooseFiles,
  earliestDate,
  emptyDraft,
  fieldOf,
  fileProblem,
  formDataOf,
  normalisePlate,
  stepOf,
  STEPS,
  validateStep,
} from '../../../../widgets/components/claim-form/claim-rules.ts';
import { parseTypedDate, typedDateOf } from '../../../../widgets/components/claim-form/typed-date.ts';

const MAGIC: Record<string, number[]> = { jpg: [0xff, 0xd8, 0xff], png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], pdf: [0x25, 0x50, 0x44, 0x46, 0x2d] };
/** A file of `size` bytes that starts like its extension says (or like `as`). */
const file = (name: string, size: number, type = '', as = name.split('.').pop()!.toLowerCase().replace('jpeg', 'jpg')) => {
  const bytes = new Uint8Array(size);
  bytes.set((MAGIC[as] ?? []).slice(0, size));
  return new File([bytes], name, { type });
};
const policy = (over: Partial<PolicySummary> = {}) =>
  ({ id: 12, product: 'casco', startDate: '2025-01-01', endDate: null, cancelledAt: null, status: 'active', ...over }) as PolicySummary;
const NOW = new Date('2026-05-10T10:00:00Z'); // 12:00 in Budapest

describe('claim-rules', () => {
  it('has the same six steps for every product, so the counter never changes its total', () => {
    expect(STEPS).to.deep.equal(['policy', 'what', 'when', 'other', 'files', 'review']);
  });

  it('reads a date typed in the page’s format, and ISO on every page', () => {
    for (const typed of ['2027. 01. 15.', '2027.01.15', '2027. 1. 15', '2027-01-15', ' 2027. 01. 15. '])
      expect(parseTypedDate(typed, 'hu'), typed).to.equal('2027-01-15');
    for (const typed of ['15/01/2027', '15.01.2027', '15/1/2027', '2027-01-15']) expect(parseTypedDate(typed, 'en'), typed).to.equal('2027-01-15');
    // A Hungarian page never reads an American date, nor an English page a year-first one with dots.
    for (const typed of ['01/15/2027', '2027. 02. 30.', '2027. 13. 01.', 'tegnap', '']) expect(parseTypedDate(typed, 'hu'), typed).to.equal(null);
    for (const typed of ['01/15/2027', '2027. 01. 15.', '31/04/2027']) expect(parseTypedDate(typed, 'en'), typed).to.equal(null);
    expect(typedDateOf('2027-01-15', 'hu')).to.equal('2027. 01. 15.');
    expect(typedDateOf('2027-01-15', 'en')).to.equal('15/01/2027');
  });

  it('maps the API field names to the draft and its steps', () => {
    expect(fieldOf('occurredAt')).to.equal('date');
    expect(fieldOf('otherParty.plate')).to.equal('opPlate');
    expect(fieldOf('otherParty')).to.equal('opName');
    expect(fieldOf('attachments[3].filename')).to.equal('file-3');
    expect(fieldOf('attachments')).to.equal('files');
    expect(stepOf('file-3')).to.equal('files');
    expect(stepOf('date')).to.equal('when');
    expect(stepOf(fieldOf('contactPreference'))).to.equal('other');
    expect(stepOf(fieldOf('otherPartySituation'))).to.equal('other');
    expect(stepOf('notes')).to.equal('review');
  });

  it('normalises Hungarian plates', () => {
    expect(normalisePlate('abc123')).to.equal('ABC-123');
    expect(normalisePlate('aa bc 123')).to.equal('AA BC-123');
    expect(normalisePlate('AB-12')).to.equal(null);
  });

  it('gives Budapest time and the earliest date a loss may have', () => {
    expect(budapestNow(NOW)).to.deep.equal({ date: '2026-05-10', time: '12:00' });
    expect(budapestNow(new Date('2026-01-01T23:30:00Z')).date).to.equal('2026-01-02');
    expect(earliestDate('2026-05-10', policy())).to.equal('2025-01-01');
    expect(earliestDate('2026-05-10', policy({ startDate: '2020-01-01' }))).to.equal('2024-05-10');
  });

  it('refuses files by their bytes (as the API), emptiness, size, count and total', async () => {
    expect(await fileProblem(file('photo.JPG', 10, 'image/jpeg'))).to.equal(undefined);
    expect(await fileProblem(file('report.pdf', 10))).to.equal(undefined);
    expect(await fileProblem(file('virus.exe', 10))).to.equal('type_not_allowed');
    // A fake PNG: the right name and MIME type, bytes of no image.
    expect(await fileProblem(file('fake.png', 10, 'image/png', 'html'))).to.equal('type_not_allowed');
    expect(await fileProblem(file('photo.png', 10, 'image/png', 'jpg'))).to.equal('extension_mismatch');
    expect(await fileProblem(file('scan', 10, '', 'pdf'))).to.equal(undefined);
    expect(await fileProblem(file('empty.png', 0))).to.equal('empty');
    expect(await fileProblem(file('big.pdf', 10 * 1024 * 1024 + 1))).to.equal('too_large');
    expect((await chooseFiles([], [file('a.jpg', 10), file('b.png', 10, '', 'txt')])).refused).to.deep.equal([{ name: 'b.png', code: 'type_not_allowed' }]);

    const many = Array.from({ length: 11 }, (_, i) => file(`p${i}.png`, 1));
    const added = addFiles([], many);
    expect(added.files).to.have.length(10);
    expect(added.refused).to.deep.equal([{ name: 'p10.png', code: 'too_many' }]);

    const nine = Array.from({ length: 3 }, (_, i) => file(`b${i}.pdf`, 9 * 1024 * 1024));
    expect(addFiles([], nine).refused).to.deep.equal([{ name: 'b2.pdf', code: 'total_too_large' }]);
  });

  it('validates each step with the API’s codes', () => {
    const d = { ...emptyDraft('12'), claimType: 'fire', description: 'short' };
    expect(validateStep('policy', emptyDraft(), undefined, 'hu')).to.deep.equal({ policyId: 'required' });
    expect(validateStep('what', d, policy(), 'hu', NOW)).to.deep.equal({ claimType: 'not_for_product', description: 'too_short' });
    expect(validateStep('what', { ...d, claimType: 'theft', description: 'Ellopták az autót.' }, policy(), 'hu', NOW)).to.deep.equal({});
    // The estimate: optional, whole forints with group separators, at most the API's 1 000 000 000.
    const what = (damage: string) => validateStep('what', { ...d, claimType: 'theft', description: 'Ellopták az autót.', damage }, policy(), 'hu', NOW).damage;
    for (const ok of ['', ' ', '0', '150000', '150 000', '1.250.000', '1\u00a0000\u00a0000\u00a0000']) expect(what(ok), ok).to.equal(undefined);
    for (const bad of ['-5', '12,5', '150e3', 'sok', '0x10', '١٢٣']) expect(what(bad), bad).to.equal('invalid');
    expect(what('1 000 000 001')).to.equal('out_of_range');
    expect(what('99999999999')).to.equal('invalid');
    expect(stepOf(fieldOf('estimatedDamageHuf'))).to.equal('what');

    const when = (date: string, time = '') => validateStep('when', { ...d, date, time, place: 'Budapest' }, policy({ endDate: '2026-04-30' }), 'hu', NOW).date;
    expect(when('2026-05-11')).to.equal('in_future');
    expect(when('2026-05-10', '12:30')).to.equal('in_future');
    expect(when('2024-12-31')).to.equal('before_start');
    expect(when('2026-05-02')).to.equal('not_in_force');
    expect(when('2026-04-30', '08:00')).to.equal(undefined);
    expect(when('2026. 04. 30.', '08:00')).to.equal(undefined);
    expect(when('04/30/2026')).to.equal('invalid_date');
    expect(validateStep('when', { ...d, date: '2020-01-01' }, policy({ startDate: '2019-01-01' }), 'hu', NOW)).to.deep.equal({
      date: 'too_old',
      place: 'required',
    });
  });

  it('asks a collision what is known of the other party, and its details only when known', () => {
    const d = { ...emptyDraft('12'), claimType: 'collision' };
    expect(validateStep('other', d, policy(), 'hu', NOW)).to.deep.equal({ opSituation: 'required' });
    for (const situation of ['unknown', 'hit_and_run', 'no_vehicle'] as const)
      expect(validateStep('other', { ...d, opSituation: situation }, policy(), 'hu', NOW)).to.deep.equal({});
    expect(validateStep('other', { ...d, opSituation: 'known' }, policy(), 'hu', NOW)).to.deep.equal({ opName: 'required', opPlate: 'required' });
    // KGFB: the one who caused the damage has no hit-and-run to report.
    const kgfb = { ...d, claimType: 'collision_liability', opSituation: 'hit_and_run' as const };
    expect(validateStep('other', kgfb, policy({ product: 'kgfb' }), 'hu', NOW)).to.deep.equal({ opSituation: 'required' });
    expect(validateStep('other', { ...kgfb, opSituation: 'no_vehicle' }, policy({ product: 'kgfb' }), 'hu', NOW)).to.deep.equal({});
    // Home and travel: only the contact.
    expect(validateStep('other', emptyDraft('14'), policy({ product: 'home' }), 'hu', NOW)).to.deep.equal({});
    expect(validateStep('other', { ...emptyDraft('14'), contact: 'fax' as never }, policy({ product: 'home' }), 'hu', NOW)).to.deep.equal({
      contact: 'required',
    });
  });

  it('checks another vehicle of a non-collision motor loss when given', () => {
    const d = { ...emptyDraft('12'), claimType: 'collision', opSituation: 'known' as const };
    expect(validateStep('other', { ...d, claimType: 'theft' }, policy(), 'hu', NOW)).to.deep.equal({});
    expect(validateStep('other', { ...d, claimType: 'theft', opPlate: 'XYZ' }, policy(), 'hu', NOW)).to.deep.equal({
      opName: 'required',
      opPlate: 'invalid_format',
    });
    expect(validateStep('other', { ...d, opName: 'Kiss Anna', opPlate: 'abc 123', opInsurer: 'X' }, policy(), 'hu', NOW)).to.deep.equal({
      opInsurer: 'too_short',
    });
  });

  it('builds the multipart form', () => {
    const photo = file('kép.jpg', 3, 'image/jpeg');
    const d = {
      ...emptyDraft('12'),
      claimType: 'collision',
      description: ' Nekem jöttek. ',
      date: '2026-05-01',
      time: '',
      place: 'Budapest',
      opName: 'Kiss Anna',
      opPlate: 'abc123',
      opSituation: 'known' as const,
      files: [photo],
    };
    const form = formDataOf(d, 'casco', 'hu');
    expect(form.get('occurredAt')).to.equal('2026-05-01T00:00');
    expect(formDataOf({ ...d, date: '2026. 05. 01.', time: '07:30' }, 'casco', 'hu').get('occurredAt')).to.equal('2026-05-01T07:30');
    expect(formDataOf({ ...d, date: '01/05/2026' }, 'casco', 'en').get('occurredAt')).to.equal('2026-05-01T00:00');
    expect(form.get('otherPartySituation')).to.equal('known');
    expect(form.get('contactPreference')).to.equal('email');
    // Hit-and-run: the choice goes, no other party (even if something was typed before changing the choice).
    const fled = formDataOf({ ...d, opSituation: 'hit_and_run' }, 'casco', 'hu');
    expect(fled.get('otherPartySituation')).to.equal('hit_and_run');
    expect(fled.has('otherParty')).to.equal(false);
    expect(form.get('description')).to.equal('Nekem jöttek.');
    expect(JSON.parse(form.get('otherParty') as string)).to.deep.equal({ name: 'Kiss Anna', plate: 'ABC-123' });
    expect((form.getAll('attachments') as File[]).map((f) => f.name)).to.deep.equal(['kép.jpg']);
    expect(formDataOf(d, 'home', 'hu').has('otherParty')).to.equal(false);
    expect(formDataOf(d, 'home', 'hu').has('otherPartySituation')).to.equal(false);
    expect(form.has('estimatedDamageHuf')).to.equal(false);
    expect(formDataOf({ ...d, damage: '2 500 000' }, 'casco', 'hu').get('estimatedDamageHuf')).to.equal('2500000');
  });
});
