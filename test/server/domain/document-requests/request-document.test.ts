import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_REQUEST_LIMITS,
  getDocumentRequest,
  listDocumentRequests,
  requestDocument,
  requestableTypes,
  type RequestDocumentArgs,
} from '../../../../server/domain/document-requests/index.ts';
import { pdfText } from '../../documents/pdf-text.ts';
import { auditActions, countQueries, expectNothingWritten, expectRefusal, lastAuditId, select, useSeededDatabase } from '../support.ts';

const db = useSeededDatabase();

describe('requestableTypes', () => {
  it('offers the types that fit the product and the contract’s status', async () => {
    const { person, policies } = db.demo;
    const types = async (policyId: number) => (await requestableTypes(db.ctx(), { customerId: person.id, policyId })).map((t) => t.type);
    expect(await types(policies.kgfb.id)).toEqual(['kotveny', 'dijigazolas', 'kartorteneti_igazolas', 'biztositasi_igazolas']);
    expect(await types(policies.home.id)).toEqual(['kotveny', 'dijigazolas', 'biztositasi_igazolas']);
    // Cancelled: no insurance certificate; the motor one keeps its claims history.
    expect(await types(policies.oldKgfb.id)).toEqual(['kotveny', 'dijigazolas', 'kartorteneti_igazolas']);
    expect(await types(policies.trip.id)).toEqual(['kotveny', 'dijigazolas']);
    const [first] = await requestableTypes(db.ctx(), { customerId: person.id, policyId: policies.kgfb.id });
    expect(first).toEqual({ type: 'kotveny', name: { hu: 'Kötvény', en: 'Policy document' }, remaining: DOCUMENT_REQUEST_LIMITS.perDay });
  });

  it('answers not_found for another customer’s policy or one outside the broker scope', async () => {
    const { person, company, policies, brokers } = db.demo;
    await expectRefusal(requestableTypes(db.ctx(), { customerId: company.id, policyId: policies.kgfb.id }), 'policy_not_found', 'not_found');
    await expectRefusal(
      requestableTypes(db.ctx(), { customerId: person.id, policyId: policies.home.id, brokerId: brokers.first }),
      'policy_not_found',
      'not_found',
    );
  });
});

describe('requestDocument', () => {
  it('generates the document into the mailbox with its notification and marks the request fulfilled', async () => {
    const { person, policies } = db.demo;
    const auditFrom = await lastAuditId(db.sequelize);
    const { request, notificationId } = await requestDocument(db.ctx(), {
      customerId: person.id,
      clientId: 'biztos-pont',
      brokerId: db.demo.brokers.first,
      policyId: policies.oldKgfb.id,
      type: 'kartorteneti_igazolas',
    });
    expect(request).toMatchObject({
      policyId: policies.oldKgfb.id,
      policyNumber: policies.oldKgfb.policyNumber,
      type: 'kartorteneti_igazolas',
      status: 'fulfilled',
      failureReason: null,
    });
    expect(request.documentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.fulfilledAt).not.toBeNull();

    const [row] = await select(db.sequelize, 'select customer_id, policy_id, type, status, document_id, client_id from document_requests where id = $1', [
      request.id,
    ]);
    expect(row).toMatchObject({
      customer_id: person.id,
      policy_id: policies.oldKgfb.id,
      status: 'fulfilled',
      document_id: request.documentId,
      client_id: 'biztos-pont',
    });

    const [document] = await select<{ type: string; source: string; content: Buffer; customer_id: number }>(
      db.sequelize,
      'select type, source, content, customer_id from documents where id = $1',
      [request.documentId],
    );
    expect(document).toMatchObject({ type: 'kartorteneti_igazolas', source: 'request', customer_id: person.id });
    const text = await pdfText(document!.content);
    expect(text).toContain(policies.oldKgfb.policyNumber);
    expect(text).toContain(request.documentId!);

    const [notification] = await select<{ template: string; to_address: string; data: Record<string, unknown> }>(
      db.sequelize,
      'select template, to_address, data from notifications where id = $1',
      [notificationId],
    );
    expect(notification).toMatchObject({
      template: 'document_notification',
      to_address: person.email,
      data: { documentType: 'kartorteneti_igazolas', policyNumber: policies.oldKgfb.policyNumber },
    });

    expect(await auditActions(db.sequelize, person.id, auditFrom)).toEqual(['document.requested', 'document.issued', 'document_request.fulfilled']);
    expect(await getDocumentRequest(db.ctx(), { customerId: person.id, requestId: request.id })).toEqual(request);
  });

  it('issues a premium certificate and a policy copy for a cancelled contract', async () => {
    const { person, policies } = db.demo;
    for (const type of ['dijigazolas', 'kotveny'] as const) {
      const { request } = await requestDocument(db.ctx(), { customerId: person.id, policyId: policies.trip.id, type });
      expect(request.status).toBe('fulfilled');
    }
  });

  it(`refuses more than ${DOCUMENT_REQUEST_LIMITS.perDay} requests of one type for one policy a day`, async () => {
    const { person, policies } = db.demo;
    const args: RequestDocumentArgs = { customerId: person.id, policyId: policies.home.id, type: 'biztositasi_igazolas' };
    for (let i = 0; i < DOCUMENT_REQUEST_LIMITS.perDay; i++) await requestDocument(db.ctx(), args);
    expect(
      (await requestableTypes(db.ctx(), { customerId: person.id, policyId: policies.home.id })).find((t) => t.type === 'biztositasi_igazolas')!.remaining,
    ).toBe(0);
    await expectNothingWritten(db.sequelize, () => expectRefusal(requestDocument(db.ctx(), args), 'too_many_requests', 'conflict'));
    // Another type of the same policy is still allowed.
    expect((await requestDocument(db.ctx(), { ...args, type: 'kotveny' })).request.status).toBe('fulfilled');
    // A day later the window has moved on.
    const tomorrow = new Date(Date.now() + DOCUMENT_REQUEST_LIMITS.windowMs + 60_000);
    expect((await requestDocument(db.ctx({ now: () => tomorrow }), args)).request.status).toBe('fulfilled');
  });

  it('marks the request failed with a reason when the PDF cannot be produced, and does not count it', async () => {
    const { person, policies } = db.demo;
    const failing = { render: async () => Promise.reject(new Error('renderer crashed')) };
    const auditFrom = await lastAuditId(db.sequelize);
    const [{ n: documentsBefore }] = (await select<{ n: string }>(db.sequelize, 'select count(*) as n from documents')) as [{ n: string }];
    const error = await expectRefusal(
      requestDocument(db.ctx(), { customerId: person.id, policyId: policies.casco.id, type: 'dijigazolas' }, { renderer: failing }),
      'document_request_failed',
      'unavailable',
    );
    expect((error as Error & { cause?: Error }).cause?.message).toBe('renderer crashed');
    const [failed] = await select(
      db.sequelize,
      "select status, failure_reason, document_id from document_requests where policy_id = $1 and type = 'dijigazolas'",
      [policies.casco.id],
    );
    expect(failed).toEqual({ status: 'failed', failure_reason: 'generation_failed', document_id: null });
    const [{ n: documentsAfter }] = (await select<{ n: string }>(db.sequelize, 'select count(*) as n from documents')) as [{ n: string }];
    expect(documentsAfter).toBe(documentsBefore);
    expect(await auditActions(db.sequelize, person.id, auditFrom)).toEqual(['document.requested', 'document_request.failed']);
    const remaining = (await requestableTypes(db.ctx(), { customerId: person.id, policyId: policies.casco.id })).find(
      (t) => t.type === 'dijigazolas',
    )!.remaining;
    expect(remaining).toBe(DOCUMENT_REQUEST_LIMITS.perDay);
  });

  const refusals: [string, () => RequestDocumentArgs, string, 'invalid' | 'not_found' | 'conflict'][] = [
    ['an unknown type', () => ({ customerId: db.demo.person.id, policyId: db.demo.policies.kgfb.id, type: 'anything' }), 'invalid_document_type', 'invalid'],
    [
      'a type the insurer sends by itself',
      () => ({ customerId: db.demo.person.id, policyId: db.demo.policies.kgfb.id, type: 'dijbekero' }),
      'document_type_not_requestable',
      'invalid',
    ],
    [
      'a claims history for a home policy',
      () => ({ customerId: db.demo.person.id, policyId: db.demo.policies.home.id, type: 'kartorteneti_igazolas' }),
      'document_type_not_for_product',
      'invalid',
    ],
    [
      'an insurance certificate for a cancelled policy',
      () => ({ customerId: db.demo.person.id, policyId: db.demo.policies.oldKgfb.id, type: 'biztositasi_igazolas' }),
      'policy_not_active',
      'conflict',
    ],
    [
      'another customer’s policy',
      () => ({ customerId: db.demo.company.id, policyId: db.demo.policies.kgfb.id, type: 'kotveny' }),
      'policy_not_found',
      'not_found',
    ],
    [
      'a policy outside the broker scope',
      () => ({ customerId: db.demo.person.id, brokerId: db.demo.brokers.first, policyId: db.demo.policies.home.id, type: 'kotveny' }),
      'policy_not_found',
      'not_found',
    ],
    ['a missing policy', () => ({ customerId: db.demo.person.id, policyId: 424_242, type: 'kotveny' }), 'policy_not_found', 'not_found'],
  ];
  it.each(refusals)('refuses %s, writing nothing', async (_name, args, code, kind) => {
    await expectNothingWritten(db.sequelize, () => expectRefusal(requestDocument(db.ctx(), args()), code, kind));
  });
});

describe('listDocumentRequests and getDocumentRequest', () => {
  it('lists the customer’s requests newest first, in a fixed number of queries', async () => {
    const { person, company } = db.demo;
    const list = await listDocumentRequests(db.ctx(), { customerId: person.id });
    const [row] = await select<{ n: string }>(db.sequelize, 'select count(*) as n from document_requests where customer_id = $1', [person.id]);
    expect(list.total).toBe(Number(row!.n));
    expect(list.total).toBeGreaterThan(5);
    expect(list.items.map((r) => r.requestedAt)).toEqual([...list.items.map((r) => r.requestedAt)].sort().reverse());
    const counts: number[] = [];
    for (const args of [{ customerId: person.id, pageSize: 1 }, { customerId: person.id }, { customerId: company.id }]) {
      counts.push((await countQueries(db.sequelize, () => listDocumentRequests(db.ctx(), args))).queries.length);
    }
    expect(counts).toEqual([2, 2, 2]);
  });

  it('hides one customer’s request from another, and from another broker', async () => {
    const { person, company, brokers } = db.demo;
    const [mine] = (await listDocumentRequests(db.ctx(), { customerId: person.id, brokerId: brokers.first })).items;
    expect(mine).toBeDefined();
    await expectRefusal(getDocumentRequest(db.ctx(), { customerId: company.id, requestId: mine!.id }), 'document_request_not_found', 'not_found');
    await expectRefusal(
      getDocumentRequest(db.ctx(), { customerId: person.id, brokerId: brokers.second, requestId: mine!.id }),
      'document_request_not_found',
      'not_found',
    );
    await expectRefusal(getDocumentRequest(db.ctx(), { customerId: person.id, requestId: 'nope' }), 'document_request_not_found', 'not_found');
    expect((await listDocumentRequests(db.ctx(), { customerId: company.id })).total).toBe(0);
  });
});
