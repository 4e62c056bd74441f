import { describe, expect, it } from 'vitest';
import { addDays, addYears } from '../../../../server/kernel/calendar.ts';
import { changePolicy, getPolicy, listPolicies, reviewReasonFor } from '../../../../server/domain/policies/index.ts';
import { renderEmail } from '../../../../server/notifications/templates/index.ts';
import { pdfText } from '../../documents/pdf-text.ts';
import { auditActions, expectNothingWritten, expectRefusal, lastAuditId, select, useSeededDatabase } from '../support.ts';

const db = useSeededDatabase();
const clientId = 'portal';

async function policyRow(id: number) {
  const [row] = await select<{ payment_method: string; payment_frequency: string; correspondence_address: unknown }>(
    db.sequelize,
    'select payment_method, payment_frequency, correspondence_address from policies where id = $1',
    [id],
  );
  return row!;
}

describe('changePolicy: applied at once', () => {
  it('changes the payment method and the correspondence address, confirms them in the mailbox and audits them', async () => {
    const { person, policies } = db.demo;
    const auditFrom = await lastAuditId(db.sequelize);
    const result = await changePolicy(db.ctx(), {
      customerId: person.id,
      clientId,
      actorId: 'account-1',
      policyId: policies.kgfb.id,
      changes: { paymentMethod: 'direct_debit', correspondenceAddress: { postcode: '1055', city: '  Budapest ', addressLine: 'Kossuth Lajos tér  1–3.' } },
    });

    expect(result.changes.map((c) => [c.kind, c.status, c.reviewReason])).toEqual([
      ['payment_method', 'applied', null],
      ['correspondence_address', 'applied', null],
    ]);
    expect(result.changes[0]).toMatchObject({ oldValue: 'bank_transfer', newValue: 'direct_debit' });
    expect(result.changes[1]).toMatchObject({ oldValue: null, newValue: { postcode: '1055', city: 'Budapest', addressLine: 'Kossuth Lajos tér 1–3.' } });
    expect(result.confirmation?.documentId).toMatch(/^[0-9a-f-]{36}$/);

    const row = await policyRow(policies.kgfb.id);
    expect(row.payment_method).toBe('direct_debit');
    expect(row.payment_frequency).toBe('quarterly');
    expect(row.correspondence_address).toEqual({ postcode: '1055', city: 'Budapest', addressLine: 'Kossuth Lajos tér 1–3.' });

    const stored = await select(
      db.sequelize,
      'select kind, status, client_id, customer_id, decided_at from change_requests where policy_id = $1 order by kind',
      [policies.kgfb.id],
    );
    expect(stored).toHaveLength(2);
    expect(stored.every((r) => r.status === 'applied' && r.client_id === clientId && Number(r.customer_id) === person.id && r.decided_at !== null)).toBe(true);

    const [document] = await select<{ type: string; policy_id: number; source: string; content: Buffer }>(
      db.sequelize,
      'select type, policy_id, source, content from documents where id = $1',
      [result.confirmation!.documentId],
    );
    expect(document).toMatchObject({ type: 'modositas_visszaigazolas', policy_id: policies.kgfb.id, source: 'system' });
    const text = await pdfText(document!.content);
    expect(text).toContain(policies.kgfb.policyNumber);
    expect(text).toContain('csoportos beszedési megbízás');
    expect(text).toContain('banki átutalás');
    expect(text).toContain('1055 Budapest');

    const [notification] = await select<{ template: string; to_address: string; data: Record<string, unknown> }>(
      db.sequelize,
      'select template, to_address, data from notifications where id = $1',
      [result.confirmation!.notificationId],
    );
    expect(notification).toMatchObject({
      template: 'document_notification',
      to_address: person.email,
      data: { documentType: 'modositas_visszaigazolas', customerNumber: person.customerNumber },
    });

    expect(await auditActions(db.sequelize, person.id, auditFrom)).toEqual([
      'document.issued',
      'policy.change_requested',
      'policy.change_requested',
      'policy.changed',
    ]);
    const [audit] = await select<{ actor_type: string; actor_id: string; client_id: string; metadata: Record<string, unknown> }>(
      db.sequelize,
      "select actor_type, actor_id, client_id, metadata from audit_events where action = 'policy.changed' and subject_id = $1",
      [String(policies.kgfb.id)],
    );
    expect(audit).toMatchObject({ actor_type: 'customer', actor_id: 'account-1', client_id: clientId });
    // No address in the audit trail: kinds and ids only.
    expect(JSON.stringify(audit!.metadata)).not.toContain('Budapest');

    const detail = await getPolicy(db.ctx(), { customerId: person.id, policyId: policies.kgfb.id });
    expect(detail.effectiveCorrespondenceAddress.city).toBe('Budapest');
    expect(detail.changeRequests).toHaveLength(2);
  });

  it('refuses the same value again as no_change, writing nothing', async () => {
    const { person, policies } = db.demo;
    await expectNothingWritten(db.sequelize, async () => {
      await expectRefusal(
        changePolicy(db.ctx(), { customerId: person.id, policyId: policies.kgfb.id, changes: { paymentMethod: 'direct_debit' } }),
        'no_change',
        'invalid',
      );
      await expectRefusal(
        changePolicy(db.ctx(), {
          customerId: person.id,
          policyId: policies.kgfb.id,
          changes: { correspondenceAddress: { postcode: '1055', city: 'BUDAPEST', addressLine: 'Kossuth Lajos tér 1–3.' } },
        }),
        'no_change',
        'invalid',
      );
      await expectRefusal(changePolicy(db.ctx(), { customerId: person.id, policyId: policies.kgfb.id, changes: {} }), 'no_change', 'invalid');
    });
  });
});

describe('changePolicy: back-office review', () => {
  it('records a frequency change to monthly as pending, without touching the contract or issuing a confirmation', async () => {
    const { person, policies } = db.demo;
    const auditFrom = await lastAuditId(db.sequelize);
    const [{ n: documentsBefore }] = (await select<{ n: string }>(db.sequelize, 'select count(*) as n from documents where customer_id = $1', [person.id])) as [
      { n: string },
    ];
    const result = await changePolicy(db.ctx(), { customerId: person.id, clientId, policyId: policies.kgfb.id, changes: { paymentFrequency: 'monthly' } });
    expect(result.changes).toMatchObject([
      { kind: 'payment_frequency', status: 'pending', reviewReason: 'frequency_to_monthly', oldValue: 'quarterly', newValue: 'monthly', decidedAt: null },
    ]);
    expect(result.confirmation).toBeNull();
    expect((await policyRow(policies.kgfb.id)).payment_frequency).toBe('quarterly');
    const [{ n: documentsAfter }] = (await select<{ n: string }>(db.sequelize, 'select count(*) as n from documents where customer_id = $1', [person.id])) as [
      { n: string },
    ];
    expect(documentsAfter).toBe(documentsBefore);
    expect(await auditActions(db.sequelize, person.id, auditFrom)).toEqual(['policy.change_requested']);

    const list = await listPolicies(db.ctx(), { customerId: person.id, status: 'active' });
    expect(list.items.find((p) => p.id === policies.kgfb.id)!.pendingChanges).toBe(1);

    // A second frequency change while one waits is a conflict; a method change is still fine.
    await expectNothingWritten(db.sequelize, () =>
      expectRefusal(
        changePolicy(db.ctx(), { customerId: person.id, policyId: policies.kgfb.id, changes: { paymentFrequency: 'annual' } }),
        'change_already_pending',
        'conflict',
      ),
    );
    // …but not to one that the pending monthly frequency would not allow.
    await expectNothingWritten(db.sequelize, () =>
      expectRefusal(
        changePolicy(db.ctx(), { customerId: person.id, policyId: policies.kgfb.id, changes: { paymentMethod: 'postal_cheque' } }),
        'payment_terms_not_allowed',
        'invalid',
      ),
    );
    const card = await changePolicy(db.ctx(), { customerId: person.id, policyId: policies.kgfb.id, changes: { paymentMethod: 'card' } });
    expect(card.changes).toMatchObject([{ kind: 'payment_method', status: 'applied' }]);
  });

  it('holds a frequency change within 30 days before the anniversary for review', async () => {
    const { person, policies } = db.demo;
    // The demo home policy's anniversary is 25 days ahead.
    const result = await changePolicy(db.ctx(), { customerId: person.id, policyId: policies.home.id, changes: { paymentFrequency: 'semiannual' } });
    expect(result.changes).toMatchObject([{ kind: 'payment_frequency', status: 'pending', reviewReason: 'near_anniversary' }]);
    expect((await policyRow(policies.home.id)).payment_frequency).toBe('annual');
  });

  it('applies a frequency change far from the anniversary at once', async () => {
    const { company, companyPolicies } = db.demo;
    const active = companyPolicies.filter((p) => p.status === 'active' && p.product === 'kgfb');
    const details = [];
    for (const p of active) details.push(await getPolicy(db.ctx(), { customerId: company.id, policyId: p.id }));
    const quarterly = details.find((d) => d.paymentFrequency === 'quarterly' && d.paymentMethod !== 'postal_cheque')!;
    // 90 days before the first anniversary: far from it.
    const at = new Date(`${addDays(addYears(quarterly.startDate, 1), -90)}T10:00:00Z`);
    const result = await changePolicy(db.ctx({ now: () => at }), { customerId: company.id, policyId: quarterly.id, changes: { paymentFrequency: 'annual' } });
    expect(result.changes).toMatchObject([{ kind: 'payment_frequency', status: 'applied', reviewReason: null, oldValue: 'quarterly', newValue: 'annual' }]);
    expect((await policyRow(quarterly.id)).payment_frequency).toBe('annual');
    expect(result.confirmation).not.toBeNull();
  });

  it('the rule itself', () => {
    const policy = { startDate: '2024-03-01' };
    expect(reviewReasonFor('payment_method', 'card', policy, '2026-02-20')).toBeNull();
    expect(reviewReasonFor('correspondence_address', {}, policy, '2026-02-20')).toBeNull();
    expect(reviewReasonFor('payment_frequency', 'monthly', policy, '2026-09-01')).toBe('frequency_to_monthly');
    expect(reviewReasonFor('payment_frequency', 'annual', policy, '2026-02-20')).toBe('near_anniversary');
    expect(reviewReasonFor('payment_frequency', 'annual', policy, '2026-01-30')).toBe('near_anniversary');
    expect(reviewReasonFor('payment_frequency', 'annual', policy, '2026-01-29')).toBeNull();
    expect(reviewReasonFor('payment_frequency', 'annual', policy, '2026-03-01')).toBeNull();
  });
});

describe('changePolicy: refusals write nothing', () => {
  const refusals: [string, () => Parameters<typeof changePolicy>[1], string, 'invalid' | 'not_found' | 'conflict'][] = [
    [
      'an unknown payment method',
      () => ({ customerId: db.demo.person.id, policyId: db.demo.policies.casco.id, changes: { paymentMethod: 'cash' } }),
      'invalid_payment_method',
      'invalid',
    ],
    [
      'an unknown frequency',
      () => ({ customerId: db.demo.person.id, policyId: db.demo.policies.casco.id, changes: { paymentFrequency: 'weekly' } }),
      'invalid_payment_frequency',
      'invalid',
    ],
    [
      'a field that cannot be changed here',
      () => ({ customerId: db.demo.person.id, policyId: db.demo.policies.casco.id, changes: { annualPremiumHuf: 1 } as never }),
      'unknown_change',
      'invalid',
    ],
    [
      'a postcode below 1000',
      () => ({
        customerId: db.demo.person.id,
        policyId: db.demo.policies.casco.id,
        changes: { correspondenceAddress: { postcode: '0999', city: 'Győr', addressLine: 'Fő utca 1.' } },
      }),
      'invalid_correspondence_address',
      'invalid',
    ],
    [
      'a five-digit postcode',
      () => ({
        customerId: db.demo.person.id,
        policyId: db.demo.policies.casco.id,
        changes: { correspondenceAddress: { postcode: '10555', city: 'Győr', addressLine: 'Fő utca 1.' } },
      }),
      'invalid_correspondence_address',
      'invalid',
    ],
    [
      'control characters in the city',
      () => ({
        customerId: db.demo.person.id,
        policyId: db.demo.policies.casco.id,
        changes: { correspondenceAddress: { postcode: '9021', city: 'Győr\u0000', addressLine: 'Fő utca 1.' } },
      }),
      'invalid_correspondence_address',
      'invalid',
    ],
    [
      'a bidi override in the address line',
      () => ({
        customerId: db.demo.person.id,
        policyId: db.demo.policies.casco.id,
        changes: { correspondenceAddress: { postcode: '9021', city: 'Győr', addressLine: 'Fő utca \u202e1.' } },
      }),
      'invalid_correspondence_address',
      'invalid',
    ],
    [
      'an address line that is too long',
      () => ({
        customerId: db.demo.person.id,
        policyId: db.demo.policies.casco.id,
        changes: { correspondenceAddress: { postcode: '9021', city: 'Győr', addressLine: 'x'.repeat(121) } },
      }),
      'invalid_correspondence_address',
      'invalid',
    ],
    [
      'postal cheque on CASCO',
      () => ({ customerId: db.demo.person.id, policyId: db.demo.policies.casco.id, changes: { paymentMethod: 'postal_cheque' } }),
      'payment_terms_not_allowed',
      'invalid',
    ],
    [
      'bank transfer with monthly instalments',
      () => ({ customerId: db.demo.person.id, policyId: db.demo.policies.casco.id, changes: { paymentMethod: 'bank_transfer' } }),
      'payment_terms_not_allowed',
      'invalid',
    ],
    [
      'a cancelled contract',
      () => ({ customerId: db.demo.person.id, policyId: db.demo.policies.oldKgfb.id, changes: { paymentMethod: 'card' } }),
      'policy_not_active',
      'conflict',
    ],
    [
      'another customer’s contract',
      () => ({ customerId: db.demo.company.id, policyId: db.demo.policies.casco.id, changes: { paymentMethod: 'card' } }),
      'policy_not_found',
      'not_found',
    ],
    ['a missing contract', () => ({ customerId: db.demo.person.id, policyId: 99_999, changes: { paymentMethod: 'card' } }), 'policy_not_found', 'not_found'],
    [
      'a contract outside the broker scope',
      () => ({ customerId: db.demo.person.id, brokerId: db.demo.brokers.first, policyId: db.demo.policies.home.id, changes: { paymentMethod: 'card' } }),
      'policy_not_found',
      'not_found',
    ],
  ];

  it.each(refusals)('%s', async (_name, args, code, kind) => {
    const before = await policyRow(args().policyId);
    await expectNothingWritten(db.sequelize, () => expectRefusal(changePolicy(db.ctx(), args()), code, kind));
    if (kind !== 'not_found' || args().policyId !== 99_999) expect(await policyRow(args().policyId)).toEqual(before);
  });

  it('names every bad address field at once', async () => {
    const refusedFields = async (correspondenceAddress: Record<string, string>) => {
      const error = await expectRefusal(
        changePolicy(db.ctx(), { customerId: db.demo.person.id, policyId: db.demo.policies.casco.id, changes: { correspondenceAddress } }),
        'invalid_correspondence_address',
        'invalid',
      );
      return error.fields.map((f) => [f.field, f.code]);
    };
    expect(await refusedFields({ postcode: 'abc', city: '', addressLine: 'a\nb' })).toEqual([
      ['correspondenceAddress.postcode', 'invalid_postcode'],
      ['correspondenceAddress.city', 'required'],
      ['correspondenceAddress.addressLine', 'control_characters'],
    ]);
    expect(await refusedFields({ postcode: ' ', city: 'Budapest', addressLine: 'Fő utca 1.' })).toEqual([['correspondenceAddress.postcode', 'required']]);
  });

  it('the confirmation e-mail renders from the queued data', async () => {
    const [row] = await select<{ data: Record<string, unknown> }>(
      db.sequelize,
      "select data from notifications where template = 'document_notification' and data->>'documentType' = 'modositas_visszaigazolas' limit 1",
    );
    const email = await renderEmail('document_notification', 'hu', row!.data as never);
    expect(email.subject).toBe('Szerződésmódosítás visszaigazolása');
  });
});
