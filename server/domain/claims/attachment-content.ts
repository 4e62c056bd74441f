import { QueryTypes } from 'sequelize';
import { DomainError } from '../../kernel/domain-error.ts';
import { recordCustomerAudit } from '../policies/audit.ts';
import { isUuid, type CustomerActor, type DomainContext } from '../../kernel/context.ts';
import type { AttachmentContentType } from './attachments.ts';
import { findScopedClaim } from './list-claims.ts';

/**
 * The bytes of one attachment, for the claim's owner only (inside the partner's scope);
 * anyone else gets `attachment_not_found` (or `claim_not_found`), like for a missing file.
 * Each fetch is audited: attachments are personal data (photos, reports).
 */
export interface GetAttachmentArgs extends CustomerActor {
  claimId: number;
  attachmentId: string;
}

export interface AttachmentContent {
  id: string;
  claimId: number;
  filename: string;
  contentType: AttachmentContentType;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
}

export async function getClaimAttachment(ctx: DomainContext, args: GetAttachmentArgs): Promise<AttachmentContent> {
  const claim = await findScopedClaim(ctx, args, args.claimId);
  const notFound = () => DomainError.notFound('attachment_not_found', 'No such attachment.');
  if (!isUuid(args.attachmentId)) throw notFound();
  const [row] = await ctx.sequelize.query<Record<string, unknown>>(
    `select id, claim_id, filename, content_type, size_bytes, sha256, content from claim_attachments where id = $1 and claim_id = $2`,
    { bind: [args.attachmentId, Number(claim.id)], type: QueryTypes.SELECT },
  );
  if (!row) throw notFound();
  await recordCustomerAudit(ctx.sequelize, null, args, [
    { action: 'claim.attachment_downloaded', subjectType: 'claim_attachment', subjectId: String(row.id), metadata: { claimId: Number(row.claim_id) } },
  ]);
  return {
    id: String(row.id),
    claimId: Number(row.claim_id),
    filename: String(row.filename),
    contentType: row.content_type as AttachmentContentType,
    sizeBytes: Number(row.size_bytes),
    sha256: String(row.sha256),
    content: row.content as Buffer,
  };
}
