import { QueryTypes } from 'sequelize';
import { insertRows } from '../../db/insert-rows.ts';
import { DomainError } from '../../kernel/domain-error.ts';
import { Problems } from '../../kernel/problems.ts';
import { nowOf, type CustomerActor, type DomainContext } from '../../kernel/context.ts';
import { recordCustomerAudit } from '../policies/audit.ts';
import { ATTACHMENT_LIMITS, validateAttachments, type AttachmentInput } from './attachments.ts';
import { attachmentMetaOf, isClaimClosed, type ClaimAttachmentMeta } from './claim-views.ts';
import { findScopedClaim } from './list-claims.ts';

/**
 * Adds files to a claim already reported (a repair estimate, a police report, more photos):
 * for the claim's own customer only, inside the partner's scope (anyone else gets
 * `claim_not_found`), with the report's checks and limits per upload (the bytes decide the
 * type; 10 files, 10 MB each, 25 MB together) and at most `maxFilesPerClaim` on one claim. A
 * closed claim (rejected, paid or closed: `isClaimClosed`) takes nothing (`claim_closed`, 409). One transaction writes the files, touches
 * the claim's `updated_at` (the handler sees something new) and the audit event; a refusal
 * writes nothing.
 */
export interface AddAttachmentsArgs extends CustomerActor {
  claimId: number;
  attachments: AttachmentInput[];
}

const claimClosed = () => DomainError.conflict('claim_closed', 'The claim is closed: it takes no more files.');

export async function addClaimAttachments(ctx: DomainContext, args: AddAttachmentsArgs): Promise<ClaimAttachmentMeta[]> {
  const { sequelize } = ctx;
  const claim = await findScopedClaim(ctx, args, args.claimId);
  const claimId = Number(claim.id);
  if (isClaimClosed(claim.status)) throw claimClosed();

  const existing = await sequelize.query<{ filename: string }>('select filename from claim_attachments where claim_id = $1', {
    bind: [claimId],
    type: QueryTypes.SELECT,
  });
  const problems = new Problems();
  if (!Array.isArray(args.attachments) || args.attachments.length === 0) {
    problems.add('attachments_required', 'attachments', 'required', 'Choose at least one file.');
  }
  const files = validateAttachments(
    args.attachments,
    problems,
    existing.map((row) => row.filename),
  );
  problems.throwIfAny('The attachments are not valid.');

  const now = nowOf(ctx).toISOString();
  return sequelize.transaction(async (transaction) => {
    // The claim's row is the lock: a status change or a second upload waits for this one.
    const [locked] = await sequelize.query<{ status: string; files: string | number }>(
      `select status, (select count(*) from claim_attachments a where a.claim_id = c.id) as files from claims c where c.id = $1 for update`,
      { bind: [claimId], type: QueryTypes.SELECT, transaction },
    );
    if (!locked || isClaimClosed(locked.status)) throw claimClosed();
    if (Number(locked.files) + files.length > ATTACHMENT_LIMITS.maxFilesPerClaim) {
      const room = Math.max(0, ATTACHMENT_LIMITS.maxFilesPerClaim - Number(locked.files));
      throw DomainError.invalid('too_many_attachments', `A claim holds at most ${ATTACHMENT_LIMITS.maxFilesPerClaim} files.`, [
        { field: 'attachments', code: 'too_many', message: `${room} more files fit on this claim.` },
      ]);
    }
    const rows = await insertRows(
      sequelize,
      transaction,
      'claim_attachments',
      ['claim_id', 'filename', 'content_type', 'size_bytes', 'sha256', 'content', 'created_at'],
      files.map((a) => [claimId, a.filename, a.contentType, a.sizeBytes, a.sha256, a.content, now]),
      { returning: ['id', 'claim_id', 'filename', 'content_type', 'size_bytes', 'sha256', 'created_at'], maxBatchBytes: 8 * 1024 * 1024 },
    );
    await sequelize.query('update claims set updated_at = $2 where id = $1', { bind: [claimId, now], transaction });
    await recordCustomerAudit(sequelize, transaction, args, [
      {
        action: 'claim.attachments_added',
        subjectType: 'claim',
        subjectId: claimId,
        metadata: {
          attachments: files.length,
          attachmentBytes: files.reduce((sum, a) => sum + a.sizeBytes, 0),
          attachmentIds: rows.map((row) => String(row.id)),
        },
      },
    ]);
    return rows.map(attachmentMetaOf);
  });
}
