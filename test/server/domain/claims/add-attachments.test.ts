import { describe, expect, it } from 'vitest';
import { addDays, budapestDate } from '../../../../server/kernel/calendar.ts';
import { ATTACHMENT_LIMITS, addClaimAttachments, getClaim, reportClaim } from '../../../../server/domain/claims/index.ts';
import { expectNothingWritten, expectRefusal, select, useSeededDatabase } from '../support.ts';

/** Issue 17 point 5: files can be added to a claim already reported, with the report's checks. */
const db = useSeededDatabase();

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 a photo of the repaired bumper')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');
const FAKE_PNG = Buffer.from('<html><script>alert(1)</script></html>');

async function newClaim(): Promise<number> {
  const claim = await reportClaim(db.ctx(), {
    customerId: db.demo.person.id,
    clientId: 'portal',
    policyId: db.demo.policies.home.id,
    claimType: 'water_leak',
    occurredAt: `${addDays(budapestDate(new Date()), -3)}T18:00`,
    place: 'Győr, Baross Gábor út 12.',
    description: 'A mosógép tömlője kilyukadt, beázott az alsó szomszéd.',
    attachments: [{ filename: 'viz.jpg', content: JPEG }],
  });
  return claim.id;
}

const add = (claimId: number, attachments: { filename: string; content: Buffer }[], over: { customerId?: number; brokerId?: number } = {}) =>
  addClaimAttachments(db.ctx(), { customerId: db.demo.person.id, clientId: 'portal', actorId: 'acct-1', claimId, attachments, ...over });

describe('addClaimAttachments', () => {
  it('adds files to the customer’s open claim, names them apart from the ones it has, and audits ids only', async () => {
    const claimId = await newClaim();
    const added = await add(claimId, [
      { filename: 'viz.jpg', content: JPEG },
      { filename: 'szerelő számlája.pdf', content: PDF },
    ]);
    expect(added.map((a) => [a.filename, a.contentType, a.sizeBytes])).toEqual([
      ['viz (2).jpg', 'image/jpeg', JPEG.byteLength],
      ['szerelő számlája.pdf', 'application/pdf', PDF.byteLength],
    ]);
    const detail = await getClaim(db.ctx(), { customerId: db.demo.person.id, claimId });
    expect(detail.attachments.map((a) => a.filename).sort()).toEqual(['szerelő számlája.pdf', 'viz (2).jpg', 'viz.jpg']);
    expect(detail.attachmentCount).toBe(3);
    expect(detail.updatedAt > detail.reportedAt).toBe(true);

    const [audit] = await select<{ metadata: Record<string, unknown>; client_id: string; actor_id: string }>(
      db.sequelize,
      "select metadata, client_id, actor_id from audit_events where action = 'claim.attachments_added' and subject_id = $1",
      [String(claimId)],
    );
    expect(audit).toMatchObject({ client_id: 'portal', actor_id: 'acct-1', metadata: { attachments: 2, attachmentIds: added.map((a) => a.id) } });
    expect(JSON.stringify(audit!.metadata)).not.toContain('számla');
  });

  it('refuses a fake PNG with the report’s code, naming its place in the upload, and writes nothing', async () => {
    const claimId = await newClaim();
    let refusal: { fields: { field: string; code: string }[] } | undefined;
    await expectNothingWritten(db.sequelize, async () => {
      refusal = await expectRefusal(
        add(claimId, [
          { filename: 'jo.jpg', content: JPEG },
          { filename: 'hamis.png', content: FAKE_PNG },
        ]),
        'attachment_type_not_allowed',
        'invalid',
      );
    });
    expect(refusal!.fields).toEqual([expect.objectContaining({ field: 'attachments[1]', code: 'type_not_allowed' })]);
  });

  it('refuses an empty upload and more than ten files at once', async () => {
    const claimId = await newClaim();
    await expectNothingWritten(db.sequelize, () => expectRefusal(add(claimId, []), 'attachments_required', 'invalid'));
    const eleven = Array.from({ length: 11 }, (_, i) => ({ filename: `kep-${i}.jpg`, content: JPEG }));
    await expectNothingWritten(db.sequelize, () => expectRefusal(add(claimId, eleven), 'too_many_attachments', 'invalid'));
  });

  it(`holds at most ${ATTACHMENT_LIMITS.maxFilesPerClaim} files on one claim`, async () => {
    const claimId = await newClaim();
    const ten = (from: number) => Array.from({ length: 10 }, (_, i) => ({ filename: `kep-${from + i}.jpg`, content: JPEG }));
    await add(claimId, ten(0));
    await add(claimId, ten(10).slice(0, 9)); // 1 + 10 + 9 = 20
    await add(claimId, ten(20)); // 30
    await expectNothingWritten(db.sequelize, () => expectRefusal(add(claimId, ten(30).slice(0, 1)), 'too_many_attachments', 'invalid'));
  });

  for (const status of ['rejected', 'paid', 'closed']) {
    it(`refuses a ${status} claim with claim_closed (409) and writes nothing`, async () => {
      const claimId = await newClaim();
      await db.sequelize.query('update claims set status = $2 where id = $1', { bind: [claimId, status] });
      await expectNothingWritten(db.sequelize, () => expectRefusal(add(claimId, [{ filename: 'kesei.jpg', content: JPEG }]), 'claim_closed', 'conflict'));
    });
  }

  it('still takes files while the claim is being decided (received, in review, approved)', async () => {
    const claimId = await newClaim();
    for (const status of ['in_review', 'approved']) {
      await db.sequelize.query('update claims set status = $2 where id = $1', { bind: [claimId, status] });
      expect(await add(claimId, [{ filename: `${status}.pdf`, content: PDF }])).toHaveLength(1);
    }
  });

  it('answers claim_not_found for another customer and outside the broker scope, as for a missing claim', async () => {
    const claimId = await newClaim();
    const file = [{ filename: 'idegen.jpg', content: JPEG }];
    await expectNothingWritten(db.sequelize, async () => {
      await expectRefusal(add(claimId, file, { customerId: db.demo.company.id }), 'claim_not_found', 'not_found');
      // The home policy is direct: a broker partner does not see it.
      await expectRefusal(add(claimId, file, { brokerId: db.demo.brokers.first }), 'claim_not_found', 'not_found');
      await expectRefusal(add(2_000_000_000, file), 'claim_not_found', 'not_found');
    });
  });
});
