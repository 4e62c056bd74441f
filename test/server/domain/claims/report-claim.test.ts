import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, budapestDate } from '../../../../server/kernel/calendar.ts';
import {
  ATTACHMENT_LIMITS,
  CLAIM_NUMBER_PATTERN,
  FIRST_STATUS_NOTE,
  getClaim,
  getClaimAttachment,
  listClaims,
  reportClaim,
  type ReportClaimArgs,
} from '../../../../server/domain/claims/index.ts';
import { renderEmail } from '../../../../server/notifications/templates/index.ts';
import { pdfText } from '../../documents/pdf-text.ts';
import { auditActions, countQueries, expectNothingWritten, expectRefusal, lastAuditId, select, useSeededDatabase } from '../support.ts';

const db = useSeededDatabase();

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 fake photo of a cracked windscreen')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR fake png')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');

const daysAgo = (days: number, time = '14:30') => `${addDays(budapestDate(new Date()), -days)}T${time}`;

function glassClaim(overrides: Partial<ReportClaimArgs> = {}): ReportClaimArgs {
  return {
    customerId: db.demo.person.id,
    clientId: 'portal',
    policyId: db.demo.policies.casco.id,
    claimType: 'glass',
    occurredAt: daysAgo(3),
    place: 'Győr, Szent István út 10.',
    description: 'Egy felverődő kő berepesztette a szélvédőt az M1-esen.\nA repedés kb. 20 cm.',
    estimatedDamageHuf: 185_000,
    contactPreference: 'email',
    ...overrides,
  };
}

describe('reportClaim', () => {
  it('registers the claim with a claim number, status history, attachments, acknowledgement, e-mail and audit', async () => {
    const { person, policies } = db.demo;
    const auditFrom = await lastAuditId(db.sequelize);
    const result = await reportClaim(
      db.ctx(),
      glassClaim({
        attachments: [
          { filename: 'szélvédő.JPG', content: JPEG, contentType: 'image/jpeg' },
          { filename: '../../etc/passwd.png', content: PNG },
          { filename: 'C:\\Users\\Erzsi\\rendőrségi\u202e jegyzőkönyv.pdf', content: PDF },
        ],
      }),
    );

    expect(result.claimNumber).toMatch(CLAIM_NUMBER_PATTERN);
    expect(result.claimNumber.slice(4, 8)).toBe(budapestDate(new Date()).slice(0, 4));
    expect(result).toMatchObject({ status: 'received', policyId: policies.casco.id, policyNumber: policies.casco.policyNumber });

    const [claim] = await select(db.sequelize, 'select * from claims where id = $1', [result.id]);
    expect(claim).toMatchObject({
      claim_number: result.claimNumber,
      customer_id: person.id,
      policy_id: policies.casco.id,
      claim_type: 'glass',
      status: 'received',
      contact_preference: 'email',
      estimated_damage_huf: 185_000,
      client_id: 'portal',
      other_party: null,
      acknowledgement_document_id: result.acknowledgementDocumentId,
    });
    expect(claim!.description).toBe('Egy felverődő kő berepesztette a szélvédőt az M1-esen.\nA repedés kb. 20 cm.');

    const history = await select(db.sequelize, 'select status, note from claim_status_history where claim_id = $1', [result.id]);
    expect(history).toEqual([{ status: 'received', note: FIRST_STATUS_NOTE }]);

    const attachments = await select<{ filename: string; content_type: string; size_bytes: number; sha256: string; content: Buffer }>(
      db.sequelize,
      'select filename, content_type, size_bytes, sha256, content from claim_attachments where claim_id = $1 order by filename',
      [result.id],
    );
    expect(attachments.map((a) => [a.filename, a.content_type])).toEqual([
      ['passwd.png', 'image/png'],
      ['rendőrségi jegyzőkönyv.pdf', 'application/pdf'],
      ['szélvédő.jpg', 'image/jpeg'],
    ]);
    for (const a of attachments) expect(createHash('sha256').update(a.content).digest('hex')).toBe(a.sha256);
    expect(result.attachments).toHaveLength(3);

    const [document] = await select<{ type: string; source: string; content: Buffer; policy_id: number }>(
      db.sequelize,
      'select type, source, content, policy_id from documents where id = $1',
      [result.acknowledgementDocumentId],
    );
    expect(document).toMatchObject({ type: 'karbejelentes_visszaigazolas', source: 'system', policy_id: policies.casco.id });
    const text = await pdfText(document!.content);
    expect(text).toContain(`Kárszám: ${result.claimNumber}`);
    expect(text).toContain('Üvegkár');
    expect(text).toContain('185 000 Ft');
    expect(text).toContain('Győr, Szent István út 10.');

    const notifications = await select<{ id: string; template: string; to_address: string; data: Record<string, unknown> }>(
      db.sequelize,
      "select id, template, to_address, data from notifications where customer_id = $1 and data->>'claimNumber' = $2",
      [person.id, result.claimNumber],
    );
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      id: result.notificationId,
      template: 'claim_acknowledgement',
      to_address: person.email,
      data: {
        customerNumber: person.customerNumber,
        claimNumber: result.claimNumber,
        policyNumber: policies.casco.policyNumber,
        documentUrl: `https://portal.example/?view=levelezes&document=${result.acknowledgementDocumentId}`,
      },
    });
    // One e-mail for the report (the acknowledgement's notification), not a second generic one.
    const [generic] = await select<{ n: string }>(
      db.sequelize,
      "select count(*) as n from notifications where data->>'documentType' = 'karbejelentes_visszaigazolas'",
    );
    expect(Number(generic!.n)).toBe(0);
    const email = await renderEmail('claim_acknowledgement', 'hu', notifications[0]!.data as never);
    expect(email.subject).toBe('Kárbejelentés visszaigazolása');
    expect(email.text).toContain(result.claimNumber);

    expect(await auditActions(db.sequelize, person.id, auditFrom)).toEqual(['document.issued', 'claim.reported']);
    const [audit] = await select<{ metadata: Record<string, unknown>; client_id: string }>(
      db.sequelize,
      "select metadata, client_id from audit_events where action = 'claim.reported' and subject_id = $1",
      [String(result.id)],
    );
    expect(audit).toMatchObject({ client_id: 'portal', metadata: { claimNumber: result.claimNumber, attachments: 3 } });
    expect(JSON.stringify(audit!.metadata)).not.toContain('szélvédő');
  });

  it('draws a new number for every claim', async () => {
    const a = await reportClaim(db.ctx(), glassClaim({ claimType: 'vandalism', description: 'Megkarcolták a bal oldali ajtókat éjszaka.' }));
    const b = await reportClaim(db.ctx(), glassClaim({ claimType: 'natural_damage', description: 'Jégeső horpasztotta be a motorháztetőt.' }));
    expect(a.claimNumber).not.toBe(b.claimNumber);
    expect(Number(b.claimNumber.slice(-6))).toBe(Number(a.claimNumber.slice(-6)) + 1);
  });

  it('requires the other vehicle on a motor collision and stores its plate in the canonical form', async () => {
    const { person, policies } = db.demo;
    const base = {
      customerId: person.id,
      policyId: policies.kgfb.id,
      claimType: 'collision_liability',
      occurredAt: daysAgo(10, '08:15'),
      place: 'Győr, Baross Gábor út és Árpád út kereszteződése',
      description: 'Tolatás közben nekimentem a mögöttem álló autónak.',
      contactPreference: 'phone' as const,
    };
    await expectNothingWritten(db.sequelize, () => expectRefusal(reportClaim(db.ctx(), base), 'other_party_required', 'invalid'));
    const result = await reportClaim(db.ctx(), { ...base, otherParty: { name: 'Nagy Péter', plate: 'aa bc 123', insurer: 'Példa Biztosító Zrt.' } });
    const detail = await getClaim(db.ctx(), { customerId: person.id, claimId: result.id });
    expect(detail.otherParty).toEqual({ name: 'Nagy Péter', plate: 'AA BC-123', insurer: 'Példa Biztosító Zrt.' });
    expect(detail.contactPreference).toBe('phone');
    const old = await reportClaim(db.ctx(), { ...base, otherParty: { name: 'Kiss Ádám', plate: 'abc123' } });
    expect((await getClaim(db.ctx(), { customerId: person.id, claimId: old.id })).otherParty).toEqual({ name: 'Kiss Ádám', plate: 'ABC-123' });
  });

  it('tells the other party back in the acknowledgement, PDF and e-mail, as the customer gave it; a loss without one says nothing of it', async () => {
    const { person, policies } = db.demo;
    const acknowledgement = async (result: { acknowledgementDocumentId: string; notificationId: string | null }) => {
      const [document] = await select<{ content: Buffer }>(db.sequelize, 'select content from documents where id = $1', [result.acknowledgementDocumentId]);
      const [notification] = await select<{ data: Record<string, unknown> }>(db.sequelize, 'select data from notifications where id = $1', [
        result.notificationId,
      ]);
      const data = notification!.data as never;
      return { pdf: (await pdfText(document!.content)).replace(/\s+/g, ' '), hu: await renderEmail('claim_acknowledgement', 'hu', data), data };
    };

    const collision = await reportClaim(db.ctx(), {
      customerId: person.id,
      clientId: 'portal',
      policyId: policies.kgfb.id,
      claimType: 'collision_liability',
      occurredAt: daysAgo(2, '17:40'),
      place: 'Győr, Szent István út 10.',
      description: 'Sávváltáskor nekimentem egy mellettem haladó autónak.',
      otherParty: { name: 'Nagy Péter', plate: 'aa bc 123' },
    });
    const told = await acknowledgement(collision);
    // The e-mail (and the outbox row behind it) carries the situation only: the third person's data stay in the PDF, in the portal.
    expect(told.data).toMatchObject({ product: 'kgfb', otherPartySituation: 'known' });
    expect(JSON.stringify(told.data)).not.toMatch(/Nagy Péter|AA BC-123/);
    expect(told.pdf).toContain('A másik fél Bejelentése szerint egy másik járműben okozott kárt. A másik fél Ön által megadott adatai:');
    expect(told.pdf).toContain('Név Nagy Péter Rendszám AA BC-123 Biztosító nem adta meg');
    expect(told.hu.text).toContain('A másik fél Ön által megadott adatait a Levelezésben található visszaigazolás tartalmazza.');
    expect(told.hu.text).not.toContain('Nagy Péter');

    const glass = await acknowledgement(await reportClaim(db.ctx(), glassClaim()));
    expect(glass.data).toMatchObject({ product: 'casco', otherPartySituation: null });
    expect(glass.pdf).not.toContain('A másik fél');
    expect(glass.hu.text).not.toContain('A másik fél');
  });

  it('accepts a loss on a cancelled contract that was in force on the day of the loss', async () => {
    const { person, policies } = db.demo;
    const day = addDays(policies.oldKgfb.cancelledAt!, -20);
    if (day < addYears(budapestDate(new Date()), -2)) return; // the demo cancellation is 14 months ago: inside two years
    const result = await reportClaim(db.ctx(), {
      customerId: person.id,
      policyId: policies.oldKgfb.id,
      claimType: 'collision_liability',
      occurredAt: `${day}T09:00:00+01:00`,
      place: 'Budapest, Váci út 1.',
      description: 'Egy parkolóban koccantam egy másik autóval.',
      otherParty: { name: 'Tóth Béla', plate: 'XYZ-987' },
    });
    expect(result.status).toBe('received');
  });
});

describe('reportClaim: refusals write nothing', () => {
  const big = Buffer.alloc(ATTACHMENT_LIMITS.maxFileBytes + 1, 0);
  JPEG.copy(big);
  const nineMb = () => {
    const b = Buffer.alloc(9 * 1024 * 1024, 0);
    JPEG.copy(b);
    return b;
  };
  const cases: [string, () => ReportClaimArgs, string, 'invalid' | 'not_found'][] = [
    ['a claim type the product does not cover', () => glassClaim({ claimType: 'fire' }), 'claim_type_not_for_product', 'invalid'],
    ['no claim type', () => glassClaim({ claimType: '' }), 'invalid_claim_type', 'invalid'],
    ['a loss in the future', () => glassClaim({ occurredAt: new Date(Date.now() + 3_600_000).toISOString() }), 'occurred_in_future', 'invalid'],
    [
      'a loss more than two years ago',
      () =>
        glassClaim({ policyId: db.demo.policies.home.id, claimType: 'water_leak', occurredAt: `${addDays(addYears(budapestDate(new Date()), -2), -1)}T10:00` }),
      'occurred_too_long_ago',
      'invalid',
    ],
    [
      'a loss before the contract started',
      () => glassClaim({ occurredAt: `${addDays(db.demo.policies.casco.startDate, -1)}T10:00` }),
      'occurred_before_policy_start',
      'invalid',
    ],
    [
      'a loss after the cancellation',
      () =>
        glassClaim({
          policyId: db.demo.policies.oldKgfb.id,
          claimType: 'collision_liability',
          occurredAt: `${addDays(db.demo.policies.oldKgfb.cancelledAt!, 1)}T10:00`,
          otherParty: { name: 'Nagy Péter', plate: 'ABC-123' },
        }),
      'policy_not_in_force_on_date',
      'invalid',
    ],
    ['a date that does not exist', () => glassClaim({ occurredAt: '2026-02-30T10:00' }), 'invalid_occurred_at', 'invalid'],
    ['a date without a time', () => glassClaim({ occurredAt: '2026-02-20' }), 'invalid_occurred_at', 'invalid'],
    ['a place that is too short', () => glassClaim({ place: 'x' }), 'invalid_place', 'invalid'],
    ['a place with a line break', () => glassClaim({ place: 'Győr\nSzent István út' }), 'invalid_place', 'invalid'],
    ['a description that is too long', () => glassClaim({ description: 'a'.repeat(4001) }), 'invalid_description', 'invalid'],
    ['a description with an escape sequence', () => glassClaim({ description: 'Betört az ablak \u001b[31m piros' }), 'invalid_description', 'invalid'],
    ['a negative damage estimate', () => glassClaim({ estimatedDamageHuf: -1 }), 'invalid_estimated_damage', 'invalid'],
    ['a fractional damage estimate', () => glassClaim({ estimatedDamageHuf: 1000.5 }), 'invalid_estimated_damage', 'invalid'],
    ['an absurd damage estimate', () => glassClaim({ estimatedDamageHuf: 5_000_000_000 }), 'invalid_estimated_damage', 'invalid'],
    [
      'a plate in no Hungarian format',
      () => glassClaim({ claimType: 'collision', otherParty: { name: 'Nagy Péter', plate: 'W-12345X' } }),
      'invalid_plate',
      'invalid',
    ],
    [
      'another vehicle on a home claim',
      () => glassClaim({ policyId: db.demo.policies.home.id, claimType: 'water_leak', otherParty: { name: 'Nagy Péter', plate: 'ABC-123' } }),
      'other_party_not_applicable',
      'invalid',
    ],
    ['an unknown contact preference', () => glassClaim({ contactPreference: 'fax' as never }), 'invalid_contact_preference', 'invalid'],
    ['another customer’s contract', () => glassClaim({ customerId: db.demo.company.id }), 'policy_not_found', 'not_found'],
    [
      'a contract outside the broker scope',
      () => glassClaim({ policyId: db.demo.policies.home.id, claimType: 'water_leak', brokerId: db.demo.brokers.first }),
      'policy_not_found',
      'not_found',
    ],
    ['a .jpg whose bytes are a PNG', () => glassClaim({ attachments: [{ filename: 'photo.jpg', content: PNG }] }), 'attachment_type_mismatch', 'invalid'],
    [
      'a .jpg whose bytes are no image',
      () => glassClaim({ attachments: [{ filename: 'photo.jpg', content: Buffer.from('MZ\x90\x00 this is an executable') }] }),
      'attachment_type_not_allowed',
      'invalid',
    ],
    [
      'an HTML page named .png',
      () => glassClaim({ attachments: [{ filename: 'x.png', content: Buffer.from('<html><script>alert(1)</script>') }] }),
      'attachment_type_not_allowed',
      'invalid',
    ],
    ['a JPEG named .exe', () => glassClaim({ attachments: [{ filename: 'photo.exe', content: JPEG }] }), 'attachment_type_mismatch', 'invalid'],
    ['an empty file', () => glassClaim({ attachments: [{ filename: 'photo.jpg', content: Buffer.alloc(0) }] }), 'attachment_empty', 'invalid'],
    ['a file over 10 MB', () => glassClaim({ attachments: [{ filename: 'photo.jpg', content: big }] }), 'attachment_too_large', 'invalid'],
    [
      'more than 10 files',
      () => glassClaim({ attachments: Array.from({ length: 11 }, (_, i) => ({ filename: `p${i}.jpg`, content: JPEG })) }),
      'too_many_attachments',
      'invalid',
    ],
    [
      'more than 25 MB together',
      () => glassClaim({ attachments: [1, 2, 3].map((i) => ({ filename: `p${i}.jpg`, content: nineMb() })) }),
      'attachments_too_large',
      'invalid',
    ],
  ];

  it.each(cases)('%s', async (_name, args, code, kind) => {
    await expectNothingWritten(db.sequelize, () => expectRefusal(reportClaim(db.ctx(), args()), code, kind));
  });

  it('lists every bad field of the form at once', async () => {
    const error = await expectRefusal(
      reportClaim(db.ctx(), glassClaim({ place: '', description: 'short', estimatedDamageHuf: -5 })),
      'invalid_place',
      'invalid',
    );
    expect(error.fields.map((f) => f.field)).toEqual(['place', 'description', 'estimatedDamageHuf']);
  });
});

describe('listClaims, getClaim and attachments', () => {
  it('lists the customer’s claims newest first with their status history', async () => {
    const { person } = db.demo;
    const list = await listClaims(db.ctx(), { customerId: person.id });
    const [row] = await select<{ n: string }>(db.sequelize, 'select count(*) as n from claims where customer_id = $1', [person.id]);
    expect(list.total).toBe(Number(row!.n));
    expect(list.items.length).toBe(Math.min(list.total, 20));
    const reported = list.items[0]!;
    expect(reported.history.map((h) => h.status)).toEqual(['received']);
    expect(list.items.map((c) => c.reportedAt)).toEqual([...list.items.map((c) => c.reportedAt)].sort().reverse());
    // The seeded glass claim has moved on: its history shows every step, oldest first.
    const seeded = list.items.find((c) => c.claimType === 'glass' && c.history.length > 1)!;
    expect(seeded.history[0]!.status).toBe('received');
    expect(seeded.history.at(-1)!.status).toBe(seeded.status);
  });

  it('uses the same number of queries for one claim and for many', async () => {
    const { person, company } = db.demo;
    const lengths: number[] = [];
    const counts: number[] = [];
    for (const args of [{ customerId: person.id, pageSize: 1 }, { customerId: person.id, pageSize: 50 }, { customerId: company.id }, { customerId: 999_999 }]) {
      const { result, queries } = await countQueries(db.sequelize, () => listClaims(db.ctx(), args));
      lengths.push(result.items.length);
      counts.push(queries.length);
    }
    expect(new Set(lengths).size).toBeGreaterThan(2);
    expect(counts.every((n) => n === 3)).toBe(true);
  });

  it('shows a claim to its owner only, within the broker scope', async () => {
    const { person, company, brokers } = db.demo;
    const [claim] = (await listClaims(db.ctx(), { customerId: person.id })).items.filter((c) => c.attachmentCount === 3);
    const detail = await getClaim(db.ctx(), { customerId: person.id, claimId: claim!.id });
    expect(detail.attachments.map((a) => a.filename).sort()).toEqual(['passwd.png', 'rendőrségi jegyzőkönyv.pdf', 'szélvédő.jpg']);
    expect(detail.attachments.every((a) => !('content' in a))).toBe(true);
    expect(detail.acknowledgementDocumentId).toMatch(/^[0-9a-f-]{36}$/);

    await expectRefusal(getClaim(db.ctx(), { customerId: company.id, claimId: claim!.id }), 'claim_not_found', 'not_found');
    await expectRefusal(getClaim(db.ctx(), { customerId: person.id, claimId: 9_999_999 }), 'claim_not_found', 'not_found');
    // CASCO is the first broker's business: visible to it, not to another broker.
    await getClaim(db.ctx(), { customerId: person.id, claimId: claim!.id, brokerId: brokers.first });
    await expectRefusal(getClaim(db.ctx(), { customerId: person.id, claimId: claim!.id, brokerId: brokers.second }), 'claim_not_found', 'not_found');
    expect((await listClaims(db.ctx(), { customerId: person.id, brokerId: brokers.second })).total).toBe(0);

    const jpeg = detail.attachments.find((a) => a.contentType === 'image/jpeg')!;
    const auditFrom = await lastAuditId(db.sequelize);
    const content = await getClaimAttachment(db.ctx(), { customerId: person.id, claimId: claim!.id, attachmentId: jpeg.id });
    expect(content.content.equals(JPEG)).toBe(true);
    expect(content).toMatchObject({ filename: 'szélvédő.jpg', contentType: 'image/jpeg', sizeBytes: JPEG.byteLength });
    expect(await auditActions(db.sequelize, person.id, auditFrom)).toEqual(['claim.attachment_downloaded']);

    await expectNothingWritten(db.sequelize, async () => {
      await expectRefusal(getClaimAttachment(db.ctx(), { customerId: company.id, claimId: claim!.id, attachmentId: jpeg.id }), 'claim_not_found', 'not_found');
      const ofOther = (await listClaims(db.ctx(), { customerId: company.id })).items[0]!;
      await expectRefusal(
        getClaimAttachment(db.ctx(), { customerId: company.id, claimId: ofOther.id, attachmentId: jpeg.id }),
        'attachment_not_found',
        'not_found',
      );
      await expectRefusal(
        getClaimAttachment(db.ctx(), { customerId: person.id, claimId: claim!.id, attachmentId: 'not-a-uuid' }),
        'attachment_not_found',
        'not_found',
      );
    });
  });
});
