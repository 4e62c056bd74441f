import { describe, it } from '../../mocha.ts';
import { expect } from '@open-wc/testing';
import type { PolicySummary } from '../../../../widgets/api/schemas.ts';
import {
  addFiles,
  budapestNow,
  earliestDate,
  emptyDraft,
  fieldOf,
  fileProblem,
  formDataOf,
  normalisePlate,
  stepOf,
  stepsFor,
  validateStep,
} from '../../../../widgets/components/claim-form/claim-rules.ts';

const file = (name: string, size: number, type = '') => new File([new Uint8Array(size)], name, { type });
const policy = (over: Partial<PolicySummary> = {}) =>
  ({ id: 12, product: 'casco', startDate: '2025-01-01', endDate: null, cancelledAt: null, status: 'active', ...over }) as PolicySummary;
const NOW = new Date('2026-05-10T10:00:00Z'); // 12:00 in Budapest

describe('claim-rules', () => {
  it('has the other-party step for motor products only', () => {
    expect(stepsFor('kgfb')).to.deep.equal(['policy', 'what', 'when', 'other', 'files', 'review']);
    expect(stepsFor('casco')).to.include('other');
    expect(stepsFor('home')).to.deep.equal(['policy', 'what', 'when', 'files', 'review']);
    expect(stepsFor(undefined)).not.to.include('other');
  });

  it('maps the API field names to the draft and its steps', () => {
    expect(fieldOf('occurredAt')).to.equal('date');
    expect(fieldOf('otherParty.plate')).to.equal('opPlate');
    expect(fieldOf('otherParty')).to.equal('opName');
    expect(fieldOf('attachments[3].filename')).to.equal('file-3');
    expect(fieldOf('attachments')).to.equal('files');
    expect(stepOf('file-3')).to.equal('files');
    expect(stepOf('date')).to.equal('when');
    expect(stepOf('contactPreference')).to.equal('review');
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

  it('refuses files by type, emptiness, size, count and total', () => {
    expect(fileProblem(file('photo.JPG', 10, 'image/jpeg'))).to.equal(undefined);
    expect(fileProblem(file('report.pdf', 10))).to.equal(undefined);
    expect(fileProblem(file('virus.exe', 10))).to.equal('type_not_allowed');
    expect(fileProblem(file('fake.png', 10, 'text/html'))).to.equal('type_not_allowed');
    expect(fileProblem(file('empty.png', 0))).to.equal('empty');
    expect(fileProblem(file('big.pdf', 10 * 1024 * 1024 + 1))).to.equal('too_large');

    const many = Array.from({ length: 11 }, (_, i) => file(`p${i}.png`, 1));
    const added = addFiles([], many);
    expect(added.files).to.have.length(10);
    expect(added.refused).to.deep.equal([{ name: 'p10.png', code: 'too_many' }]);

    const nine = Array.from({ length: 3 }, (_, i) => file(`b${i}.pdf`, 9 * 1024 * 1024));
    expect(addFiles([], nine).refused).to.deep.equal([{ name: 'b2.pdf', code: 'total_too_large' }]);
  });

  it('validates each step with the API’s codes', () => {
    const d = { ...emptyDraft('12'), claimType: 'fire', description: 'short' };
    expect(validateStep('policy', emptyDraft(), undefined)).to.deep.equal({ policyId: 'required' });
    expect(validateStep('what', d, policy(), NOW)).to.deep.equal({ claimType: 'not_for_product', description: 'too_short' });
    expect(validateStep('what', { ...d, claimType: 'theft', description: 'Ellopták az autót.' }, policy(), NOW)).to.deep.equal({});
    // The estimate: optional, whole forints with group separators, at most the API's 1 000 000 000.
    const what = (damage: string) => validateStep('what', { ...d, claimType: 'theft', description: 'Ellopták az autót.', damage }, policy(), NOW).damage;
    for (const ok of ['', ' ', '0', '150000', '150 000', '1.250.000', '1\u00a0000\u00a0000\u00a0000']) expect(what(ok), ok).to.equal(undefined);
    for (const bad of ['-5', '12,5', '150e3', 'sok', '0x10', '١٢٣']) expect(what(bad), bad).to.equal('invalid');
    expect(what('1 000 000 001')).to.equal('out_of_range');
    expect(what('99999999999')).to.equal('invalid');
    expect(stepOf(fieldOf('estimatedDamageHuf'))).to.equal('what');

    const when = (date: string, time = '') => validateStep('when', { ...d, date, time, place: 'Budapest' }, policy({ endDate: '2026-04-30' }), NOW).date;
    expect(when('2026-05-11')).to.equal('in_future');
    expect(when('2026-05-10', '12:30')).to.equal('in_future');
    expect(when('2024-12-31')).to.equal('before_start');
    expect(when('2026-05-02')).to.equal('not_in_force');
    expect(when('2026-04-30', '08:00')).to.equal(undefined);
    expect(validateStep('when', { ...d, date: '2020-01-01' }, policy({ startDate: '2019-01-01' }), NOW)).to.deep.equal({ date: 'too_old', place: 'required' });
  });

  it('requires the other vehicle for collisions, and checks it when given', () => {
    const d = { ...emptyDraft('12'), claimType: 'collision' };
    expect(validateStep('other', d, policy(), NOW)).to.deep.equal({ opName: 'required', opPlate: 'required' });
    expect(validateStep('other', { ...d, claimType: 'theft' }, policy(), NOW)).to.deep.equal({});
    expect(validateStep('other', { ...d, claimType: 'theft', opPlate: 'XYZ' }, policy(), NOW)).to.deep.equal({ opName: 'required', opPlate: 'invalid_format' });
    expect(validateStep('other', { ...d, opName: 'Kiss Anna', opPlate: 'abc 123', opInsurer: 'X' }, policy(), NOW)).to.deep.equal({ opInsurer: 'too_short' });
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
      files: [photo],
    };
    const form = formDataOf(d, 'casco');
    expect(form.get('occurredAt')).to.equal('2026-05-01T00:00');
    expect(form.get('description')).to.equal('Nekem jöttek.');
    expect(JSON.parse(form.get('otherParty') as string)).to.deep.equal({ name: 'Kiss Anna', plate: 'ABC-123' });
    expect((form.getAll('attachments') as File[]).map((f) => f.name)).to.deep.equal(['kép.jpg']);
    expect(formDataOf(d, 'home').has('otherParty')).to.equal(false);
    expect(form.has('estimatedDamageHuf')).to.equal(false);
    expect(formDataOf({ ...d, damage: '2 500 000' }, 'casco').get('estimatedDamageHuf')).to.equal('2500000');
  });
});
