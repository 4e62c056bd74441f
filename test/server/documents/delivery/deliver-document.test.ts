import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../../support/database.ts';
import { issueDocument } from '../../../../server/documents/issue.ts';
import { deliverDocument, type DeliveryContext } from '../../../../server/documents/delivery/deliver-document.ts';
import { deliverUploadedDocument, MAX_UPLOAD_BYTES } from '../../../../server/documents/delivery/deliver-uploaded-document.ts';
import { loadDocumentInput } from '../../../../server/documents/delivery/document-input.ts';
import { DocumentIssueError } from '../../../../server/documents/delivery/errors.ts';
import { issueTemplateDocument } from '../../../../server/documents/delivery/issue-document.ts';
import { startMailSink, type MailSink } from '../../../../server/notifications/dev-mail-sink.ts';
import { createNotificationSender, createTransport } from '../../../../server/notifications/mailer.ts';
import { OutboxWorker } from '../../../../server/notifications/outbox-worker.ts';
import { portalLinks } from '../../../../server/notifications/links.ts';
import { silentLogger } from '../../../../common/http/logger.ts';
import { pdfText } from '../pdf-text.ts';
import {
  count,
  createAccount,
  createBroker,
  createClaim,
  createCustomer,
  createInvoice,
  createPolicy,
  minimalPdf,
  type TestCustomer,
  type TestPolicy,
} from './fixtures.ts';

const db = useTestDatabase();
const publicUrl = new URL('https://portal.example');
const ctx = (): DeliveryContext => ({ sequelize: db.sequelize, publicUrl, actorId: 'test:operator' });

let sink: MailSink;
let customer: TestCustomer;
let kgfb: TestPolicy;
let openInvoice: string;

beforeAll(async () => {
  sink = await startMailSink({ keep: 1000 });
  const brokerId = await createBroker(db.sequelize);
  customer = await createCustomer(db.sequelize, { name: 'Kovács Ödön' });
  kgfb = await createPolicy(db.sequelize, customer.id, { product: 'kgfb', brokerId });
  openInvoice = await createInvoice(db.sequelize, kgfb, { amountHuf: 31_350, dueDate: '2026-12-01' });
});
afterAll(async () => {
  await sink.close();
});

async function documentsOf(customerId: number) {
  return db.sequelize.query<{
    id: string;
    type: string;
    sha256: string;
    content: Buffer;
    size_bytes: number;
    title: string;
    filename: string;
    source: string;
    issued_at: Date;
    policy_id: number | null;
  }>('select id, type, sha256, content, size_bytes, title, filename, source, issued_at, policy_id from documents where customer_id = $1 order by created_at', {
    bind: [customerId],
    type: QueryTypes.SELECT,
  });
}

const notificationsOf = (customerId: number) => count(db.sequelize, 'select 1 from notifications where customer_id = $1', [customerId]);

async function drainInto(): Promise<void> {
  const transport = createTransport({ smtpUrl: `smtp://127.0.0.1:${sink.port}` });
  try {
    await new OutboxWorker({ sequelize: db.sequelize, send: createNotificationSender(transport), logger: silentLogger }).drain();
  } finally {
    transport.close();
  }
}

async function messageIdOf(notificationId: string): Promise<string> {
  const [row] = await db.sequelize.query<{ message_id: string; status: string }>('select message_id, status from notifications where id = $1', {
    bind: [notificationId],
    type: QueryTypes.SELECT,
  });
  expect(row?.status).toBe('sent');
  return row!.message_id;
}

describe('deliverDocument', () => {
  it('stores the PDF with its SHA-256 and queues the notification and the audit event in the same transaction', async () => {
    const result = await issueTemplateDocument(ctx(), {
      customer: { customerNumber: customer.customerNumber },
      policy: { policyNumber: kgfb.policyNumber },
      type: 'dijbekero',
      source: 'operations',
    });
    expect(result.notificationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.notificationSkipped).toBeNull();

    const [row] = (await documentsOf(customer.id)).filter((d) => d.id === result.documentId);
    expect(row).toMatchObject({ type: 'dijbekero', source: 'operations', policy_id: kgfb.id, title: `Díjbekérő – ${kgfb.policyNumber}` });
    expect(row!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(row!.size_bytes).toBe(row!.content.byteLength);
    expect(createHash('sha256').update(row!.content).digest('hex')).toBe(row!.sha256);
    expect(row!.sha256).toBe(result.sha256);
    expect(row!.issued_at.toISOString()).toBe(result.issuedAt);

    // The footer and the e-mail's deep link carry the same, pre-generated id.
    const text = await pdfText(row!.content);
    expect(text).toContain(result.documentId);
    expect(text).toContain(openInvoice);
    expect(text).toContain('31 350 Ft');

    const [notification] = await db.sequelize.query<{
      to_address: string;
      template: string;
      language: string;
      data: Record<string, unknown>;
      message_id: string;
    }>('select to_address, template, language, data, message_id from notifications where id = $1', { bind: [result.notificationId], type: QueryTypes.SELECT });
    expect(notification).toMatchObject({ to_address: customer.email, template: 'document_notification', language: 'hu' });
    expect(notification!.data).toEqual({
      customerNumber: customer.customerNumber,
      documentType: 'dijbekero',
      policyNumber: kgfb.policyNumber,
      issuedAt: result.issuedAt,
      hasAccount: false,
      loginUrl: `https://portal.example/?view=levelezes&document=${result.documentId}`,
      registerUrl: portalLinks(publicUrl).register(),
    });
    expect(notification!.message_id).toBe(`<${result.notificationId}@portal.example>`);

    const [audit] = await db.sequelize.query<{
      actor_type: string;
      actor_id: string;
      customer_id: number;
      action: string;
      subject_type: string;
      metadata: Record<string, unknown>;
    }>('select actor_type, actor_id, customer_id, action, subject_type, metadata from audit_events where subject_id = $1', {
      bind: [result.documentId],
      type: QueryTypes.SELECT,
    });
    expect(audit).toMatchObject({
      actor_type: 'operator',
      actor_id: 'test:operator',
      customer_id: customer.id,
      action: 'document.issued',
      subject_type: 'document',
    });
    expect(audit!.metadata).toMatchObject({ type: 'dijbekero', source: 'operations', sha256: row!.sha256, notification: 'queued' });
    const metadata = JSON.stringify(audit!.metadata);
    for (const personal of [customer.name, customer.email!, 'Győr', 'Széchenyi']) expect(metadata).not.toContain(personal);
  });

  it('writes neither the document nor the notification when the transaction fails after the insert', async () => {
    const other = await createCustomer(db.sequelize, { email: 'fails@example.hu' });
    const policy = await createPolicy(db.sequelize, other.id);
    const documentId = randomUUID();
    const { input } = await loadDocumentInput(
      db.sequelize,
      'kotveny',
      { customer: { id: other.id }, policy: { id: policy.id } },
      { documentId, issuedAt: new Date().toISOString() },
    );
    const document = await issueDocument(input);

    // 1. The caller's transaction fails after deliverDocument wrote everything.
    await expect(
      db.sequelize.transaction(async (transaction) => {
        await deliverDocument(ctx(), { customerId: other.id, policyId: policy.id, document, source: 'system', documentId }, transaction);
        const inside = await db.sequelize.query('select id from documents where id = $1', { bind: [documentId], type: QueryTypes.SELECT, transaction });
        expect(inside).toHaveLength(1); // written, then the transaction fails
        throw new Error('boom after the insert');
      }),
    ).rejects.toThrow('boom after the insert');
    expect(await count(db.sequelize, 'select 1 from documents where id = $1', [documentId])).toBe(0);
    expect(await notificationsOf(other.id)).toBe(0);

    // 2. The database refuses the notification (after the document row went in): deliverDocument's own transaction rolls back.
    await db.sequelize.query(`
      create function refuse_test_mail() returns trigger language plpgsql as $$
      begin raise exception 'mail server on fire'; end $$;
      create trigger refuse_test_mail before insert on notifications for each row when (new.to_address = 'fails@example.hu')
        execute function refuse_test_mail();`);
    try {
      await expect(deliverDocument(ctx(), { customerId: other.id, policyId: policy.id, document, source: 'system', documentId })).rejects.toThrow(
        /mail server on fire/,
      );
    } finally {
      await db.sequelize.query('drop trigger refuse_test_mail on notifications; drop function refuse_test_mail();');
    }
    expect(await count(db.sequelize, 'select 1 from documents where customer_id = $1', [other.id])).toBe(0);
    expect(await count(db.sequelize, 'select 1 from audit_events where subject_id = $1', [documentId])).toBe(0);

    // 3. A customer that does not exist: refused, nothing written.
    await expect(deliverDocument(ctx(), { customerId: 999_999, policyId: null, document, source: 'system' })).rejects.toMatchObject({
      code: 'customer_not_found',
    });
    expect(await count(db.sequelize, 'select 1 from documents where customer_id = 999999')).toBe(0);

    // And with the trigger gone the same delivery succeeds.
    const ok = await deliverDocument(ctx(), { customerId: other.id, policyId: policy.id, document, source: 'system', documentId });
    expect(ok.documentId).toBe(documentId);
    expect(await notificationsOf(other.id)).toBe(1);
  });

  it('keeps an issued document immutable: content, digest and type cannot change, the read mark can', async () => {
    const result = await issueTemplateDocument(ctx(), { customer: { id: customer.id }, policy: { id: kgfb.id }, type: 'kotveny', source: 'system' });
    await expect(db.sequelize.query(`update documents set content = '\\x255044462d'::bytea where id = $1`, { bind: [result.documentId] })).rejects.toThrow(
      /immutable/,
    );
    await expect(db.sequelize.query(`update documents set sha256 = repeat('0', 64) where id = $1`, { bind: [result.documentId] })).rejects.toThrow(/immutable/);
    await expect(db.sequelize.query(`update documents set type = 'dijbekero' where id = $1`, { bind: [result.documentId] })).rejects.toThrow(/immutable/);
    await db.sequelize.query('update documents set read_at = now() where id = $1', { bind: [result.documentId] });
    const [row] = (await documentsOf(customer.id)).filter((d) => d.id === result.documentId);
    expect(createHash('sha256').update(row!.content).digest('hex')).toBe(result.sha256);
  });

  it('issues into the mailbox without an e-mail when the customer has no address, and says so', async () => {
    const silent = await createCustomer(db.sequelize, { email: null });
    const policy = await createPolicy(db.sequelize, silent.id, { product: 'home' });
    const result = await issueTemplateDocument(ctx(), {
      customer: { id: silent.id },
      policy: { id: policy.id },
      type: 'biztositasi_igazolas',
      source: 'operations',
    });
    expect(result).toMatchObject({ notificationId: null, notificationSkipped: 'no_email_address' });
    expect(await documentsOf(silent.id)).toHaveLength(1);
    expect(await notificationsOf(silent.id)).toBe(0);
    const [audit] = await db.sequelize.query<{ metadata: { notification: string } }>('select metadata from audit_events where subject_id = $1', {
      bind: [result.documentId],
      type: QueryTypes.SELECT,
    });
    expect(audit!.metadata.notification).toBe('no_email_address');
  });

  it('refuses what cannot be issued with a stable code, and stores nothing', async () => {
    const c = await createCustomer(db.sequelize);
    const home = await createPolicy(db.sequelize, c.id, { product: 'home' });
    const cancelled = await createPolicy(db.sequelize, c.id, { product: 'kgfb', status: 'cancelled' });
    const stranger = await createCustomer(db.sequelize);
    const attempt = (type: Parameters<typeof issueTemplateDocument>[1]['type'], policy: { id: number } | { policyNumber: string } | null, who = c) =>
      issueTemplateDocument(ctx(), { customer: { customerNumber: who.customerNumber }, policy, type, source: 'operations' });

    // Thunks, run one at a time (the embedded database has a single connection).
    const cases: [() => Promise<unknown>, string][] = [
      [() => attempt('dijbekero', { id: home.id }), 'nothing_to_bill'],
      [() => attempt('kartorteneti_igazolas', { id: home.id }), 'type_not_for_product'],
      [() => attempt('biztositasi_igazolas', { id: cancelled.id }), 'policy_not_active'],
      [() => attempt('befizetes_igazolas', null), 'type_not_issuable'],
      [() => attempt('karbejelentes_visszaigazolas', { id: home.id }), 'type_not_issuable'],
      [() => attempt('kotveny', null), 'type_needs_policy'],
      [() => attempt('kotveny', { policyNumber: '999999999' }), 'policy_not_found'],
      [() => attempt('kotveny', { id: home.id }, stranger), 'policy_not_of_customer'],
      [
        () => issueTemplateDocument(ctx(), { customer: { customerNumber: '00000001' }, policy: null, type: 'kotveny', source: 'operations' }),
        'customer_not_found',
      ],
    ];
    for (const [run, code] of cases) {
      const error = await run().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, code).toBeInstanceOf(DocumentIssueError);
      expect((error as DocumentIssueError).code).toBe(code);
    }
    expect(await documentsOf(c.id)).toHaveLength(0);
    expect(await documentsOf(stranger.id)).toHaveLength(0);
    expect(await notificationsOf(c.id)).toBe(0);
  });

  it('builds each template from the database: certificate window, claims history, indexed renewal premium', async () => {
    const c = await createCustomer(db.sequelize);
    const policy = await createPolicy(db.sequelize, c.id, { product: 'kgfb', startDate: '2023-02-15', annualPremiumHuf: 125_400 });
    const issuedAt = '2026-11-24T09:30:00.000Z';
    const recent = await createInvoice(db.sequelize, policy, { status: 'paid', dueDate: '2026-09-01', paidAt: '2026-08-28T10:00:00Z' });
    await createInvoice(db.sequelize, policy, { status: 'paid', dueDate: '2025-09-01', paidAt: '2025-08-28T10:00:00Z' }); // older than 12 months
    const first = await createInvoice(db.sequelize, policy, { status: 'open', dueDate: '2026-12-01' });
    const second = await createInvoice(db.sequelize, policy, { status: 'open', dueDate: '2026-12-15' });
    const claim = await createClaim(db.sequelize, policy);
    const meta = { documentId: randomUUID(), issuedAt };
    const target = { customer: { id: c.id }, policy: { id: policy.id } };

    const certificate = (await loadDocumentInput(db.sequelize, 'dijigazolas', target, meta)).input;
    expect(certificate).toMatchObject({ periodFrom: '2025-11-25', periodTo: '2026-11-24' });
    expect(certificate.type === 'dijigazolas' && certificate.payments.map((p) => p.invoiceNumber)).toEqual([recent]);

    const notice = (await loadDocumentInput(db.sequelize, 'dijbekero', target, meta)).input;
    expect(notice.type === 'dijbekero' && notice.invoices.map((i) => i.invoiceNumber)).toEqual([first, second]);
    expect(notice).toMatchObject({ paymentReference: policy.policyNumber }); // several invoices: the policy number matches the transfer

    const history = (await loadDocumentInput(db.sequelize, 'kartorteneti_igazolas', target, meta)).input;
    expect(history).toMatchObject({ periodFrom: '2023-02-15', periodTo: '2026-11-24' });
    expect(history.type === 'kartorteneti_igazolas' && history.claims.map((x) => x.claimNumber)).toEqual([claim]);

    const renewal = (await loadDocumentInput(db.sequelize, 'evfordulos_ertesito', target, meta)).input;
    // 125 400 × 1.07 = 134 178 → 134 200 Ft; the next 15 February after 24 November 2026.
    expect(renewal).toMatchObject({ anniversaryDate: '2027-02-15', newAnnualPremiumHuf: 134_200 });

    const travel = await createPolicy(db.sequelize, c.id, { product: 'travel', startDate: '2026-12-20', endDate: '2026-12-27' });
    await expect(loadDocumentInput(db.sequelize, 'evfordulos_ertesito', { ...target, policy: { id: travel.id } }, meta)).rejects.toMatchObject({
      code: 'no_anniversary',
    });
  });
});

describe('deliverUploadedDocument', () => {
  it('refuses a file that is not a PDF, an empty one, a truncated one and a too large one, storing nothing', async () => {
    const c = await createCustomer(db.sequelize);
    const policy = await createPolicy(db.sequelize, c.id);
    const upload = (content: Uint8Array) =>
      deliverUploadedDocument(ctx(), { customer: { id: c.id }, policy: { id: policy.id }, type: 'modositas_visszaigazolas', content, source: 'operations' });
    const oversized = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x20);
    minimalPdf().copy(oversized);
    const cases: [Uint8Array, string][] = [
      [Buffer.from('<html><body>not a pdf</body></html>'), 'not_a_pdf'],
      [Buffer.from('PK\x03\x04 a zip file', 'latin1'), 'not_a_pdf'],
      [Buffer.alloc(0), 'not_a_pdf'],
      [minimalPdf().subarray(0, 40), 'not_a_pdf'],
      [oversized, 'file_too_large'],
    ];
    for (const [content, code] of cases) await expect(upload(content)).rejects.toMatchObject({ name: 'DocumentIssueError', code });
    expect(await documentsOf(c.id)).toHaveLength(0);
    expect(await notificationsOf(c.id)).toBe(0);
  });

  it('delivers a prepared PDF like a rendered one: digest, names from the type and policy, notification', async () => {
    const c = await createCustomer(db.sequelize);
    const policy = await createPolicy(db.sequelize, c.id);
    const pdf = minimalPdf();
    const result = await deliverUploadedDocument(ctx(), {
      customer: { customerNumber: c.customerNumber },
      policy: { policyNumber: policy.policyNumber },
      type: 'modositas_visszaigazolas',
      content: pdf,
      source: 'operations',
      issuedAt: '2026-11-24T09:30:00.000Z',
    });
    const [row] = await documentsOf(c.id);
    expect(row).toMatchObject({
      id: result.documentId,
      type: 'modositas_visszaigazolas',
      title: `Szerződésmódosítás visszaigazolása – ${policy.policyNumber}`,
      filename: `modositas-visszaigazolas-${policy.policyNumber}-2026-11-24.pdf`,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      size_bytes: pdf.byteLength,
    });
    expect(row!.content.equals(pdf)).toBe(true);
    expect(result.notificationId).not.toBeNull();

    // A customer-scope type needs no policy; a policy-scope one does.
    const receipt = await deliverUploadedDocument(ctx(), {
      customer: { id: c.id },
      type: 'befizetes_igazolas',
      content: pdf,
      source: 'operations',
      issuedAt: '2026-11-24T09:30:00.000Z',
    });
    expect((await documentsOf(c.id)).find((d) => d.id === receipt.documentId)).toMatchObject({
      title: 'Befizetés igazolása',
      filename: 'befizetes-igazolas-2026-11-24.pdf',
      policy_id: null,
    });
    await expect(deliverUploadedDocument(ctx(), { customer: { id: c.id }, type: 'kotveny', content: pdf, source: 'operations' })).rejects.toMatchObject({
      code: 'type_needs_policy',
    });
  });
});

describe('the notification e-mail, sent through a real SMTP server', () => {
  it('has the document type as its subject, shows the customer number and links to the document and the registration', async () => {
    const hu = await issueTemplateDocument(ctx(), { customer: { id: customer.id }, policy: { id: kgfb.id }, type: 'dijbekero', source: 'operations' });
    const english = await createCustomer(db.sequelize, { language: 'en' });
    const policy = await createPolicy(db.sequelize, english.id, { product: 'casco' });
    const en = await issueTemplateDocument(ctx(), { customer: { id: english.id }, policy: { id: policy.id }, type: 'kotveny', source: 'system' });

    await drainInto();
    const byId = (id: string) => sink.messages().filter((m) => m.messageId === id);

    const [mail] = byId(await messageIdOf(hu.notificationId!));
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe('Díjbekérő');
    expect(mail!.envelopeTo).toEqual([customer.email]);
    expect(mail!.text).toContain(customer.customerNumber);
    expect(mail!.html).toContain(customer.customerNumber);
    const login = `https://portal.example/?view=levelezes&document=${hu.documentId}`;
    expect(mail!.text).toContain(login);
    expect(mail!.html).toContain(login.replace(/&/g, '&amp;'));
    const register = `${portalLinks(publicUrl).register()}?customer=${customer.customerNumber}`;
    expect(mail!.text).toContain(register);
    expect(mail!.html).toContain(register);
    // Only the customer number: no name, no address, no attachment.
    expect(mail!.text).not.toContain(customer.name);
    expect(mail!.html).not.toContain(customer.name);
    expect(mail!.raw.toString('latin1')).not.toMatch(/Content-Disposition: attachment/i);

    const [englishMail] = byId(await messageIdOf(en.notificationId!));
    expect(englishMail!.subject).toBe('Policy document');
    expect(englishMail!.text).toContain(english.customerNumber);
    expect(englishMail!.text).toContain(`document=${en.documentId}`);
  });

  it('offers a customer with a portal account the log-in, and one without the registration', async () => {
    const withAccount = await createCustomer(db.sequelize);
    await createAccount(db.sequelize, withAccount);
    const withoutAccount = await createCustomer(db.sequelize);
    const issue = async (holder: TestCustomer) => {
      const policy = await createPolicy(db.sequelize, holder.id, { product: 'kgfb' });
      return issueTemplateDocument(ctx(), { customer: { id: holder.id }, policy: { id: policy.id }, type: 'kotveny', source: 'system' });
    };
    const member = await issue(withAccount);
    const newcomer = await issue(withoutAccount);

    await drainInto();
    const mailOf = async (notificationId: string) => {
      const messageId = await messageIdOf(notificationId);
      return sink.messages().find((m) => m.messageId === messageId)!;
    };
    const memberMail = await mailOf(member.notificationId!);
    const newcomerMail = await mailOf(newcomer.notificationId!);

    // The account holder: the document's log-in link, nothing about registering.
    expect(memberMail.html).toContain(`document=${member.documentId}`);
    expect(memberMail.html).toMatch(/>\s*Bejelentkezés és a dokumentum megtekintése\s*</);
    for (const part of [memberMail.html, memberMail.text]) {
      expect(part).not.toContain('regisztracio');
      expect(part).not.toMatch(/regisztr/i);
    }

    // The customer without one: registration first (with the customer number filled in), the log-in only as a fallback.
    const register = `${portalLinks(publicUrl).register()}?customer=${withoutAccount.customerNumber}`;
    expect(newcomerMail.html).toContain(`href="${register}"`);
    expect(newcomerMail.text).toContain(register);
    expect(newcomerMail.html).toContain('A dokumentumot regisztráció után nyithatja meg');
    expect(newcomerMail.html).not.toContain('Bejelentkezés és a dokumentum megtekintése');
    expect(newcomerMail.text).toContain(`document=${newcomer.documentId}`);
  });
});
