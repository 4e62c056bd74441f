import { QueryTypes } from 'sequelize';
import type { DocumentTypeCode } from '../../kernel/document-types.ts';
import { DomainError } from '../../kernel/domain-error.ts';
import { brokerOf, isRowId, isUuid, nowOf, type CustomerActor, type DomainContext } from '../../kernel/context.ts';
import { DOCUMENT_SCOPE } from './document-view.ts';
import { recordMailboxAudit } from './mailbox-audit.ts';

/**
 * The customer opens (views inline) or downloads one document of their mailbox. In one
 * transaction: the first opening marks it read, and every opening writes an audit event
 * (`document.opened` / `document.downloaded`; subject the document, no personal data).
 * Another customer's document, one outside the partner's broker scope or a missing one all
 * answer `document_not_found`, and nothing is written.
 */
export interface OpenDocumentArgs extends CustomerActor {
  documentId: string;
  disposition: 'inline' | 'attachment';
}

export interface OpenedDocument {
  id: string;
  type: DocumentTypeCode;
  filename: string;
  contentType: string;
  content: Buffer;
  sha256: string;
  /** True when this opening marked it read. */
  firstRead: boolean;
}

export async function openDocument(ctx: DomainContext, args: OpenDocumentArgs): Promise<OpenedDocument> {
  const notFound = () => DomainError.notFound('document_not_found', 'No such document.');
  if (!isUuid(args.documentId) || !isRowId(args.customerId)) throw notFound();
  const { sequelize } = ctx;
  return sequelize.transaction(async (transaction) => {
    const [row] = await sequelize.query<Record<string, unknown>>(
      `select d.id, d.type, d.filename, d.content_type, d.content, d.sha256, d.read_at
         from documents d left join policies p on p.id = d.policy_id
        where ${DOCUMENT_SCOPE} and d.id = $3`,
      { bind: [args.customerId, brokerOf(args), args.documentId], type: QueryTypes.SELECT, transaction },
    );
    if (!row) throw notFound();
    const firstRead = row.read_at == null;
    if (firstRead) {
      await sequelize.query(`update documents set read_at = $2 where id = $1 and read_at is null`, {
        bind: [args.documentId, nowOf(ctx).toISOString()],
        type: QueryTypes.UPDATE,
        transaction,
      });
    }
    const type = row.type as DocumentTypeCode;
    await recordMailboxAudit(sequelize, transaction, args, {
      action: args.disposition === 'attachment' ? 'document.downloaded' : 'document.opened',
      subjectType: 'document',
      subjectId: args.documentId,
      metadata: { type, firstRead },
    });
    const content = row.content;
    return {
      id: String(row.id),
      type,
      filename: String(row.filename),
      contentType: String(row.content_type ?? 'application/pdf'),
      content: Buffer.isBuffer(content) ? content : Buffer.from(content as Uint8Array),
      sha256: String(row.sha256),
      firstRead,
    };
  });
}
