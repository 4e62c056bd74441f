import { createHash, randomUUID } from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import { enqueueNotification, messageIdDomain, type OutboxMessage } from '../../notifications/outbox.ts';
import type { IssuedDocument } from '../issue.ts';
import { DOCUMENT_TYPES, appliesToProduct } from '../../kernel/document-types.ts';
import { documentIssuedAuditRow, AUDIT_COLUMNS, type DeliverySource } from './audit.ts';
import { DocumentIssueError } from './errors.ts';
import { insertRows } from '../../db/insert-rows.ts';
import { documentNotificationMessage, hasEmail, type NotificationRecipient } from './notification.ts';
import { findCustomer, findPolicy } from './records.ts';

/**
 * The insurer's delivery rule: a document goes only into the portal mailbox (Levelezés), and in
 * the SAME transaction an e-mail notification is queued in the outbox (subject: the document
 * type; body: the customer number and a link). Either the document, its notification and its
 * audit event all exist, or none does. The outbox worker of the running portal sends the e-mail.
 */
export interface DeliveryContext {
  sequelize: Sequelize;
  /** The portal's public origin: the e-mail's links and Message-ID domain. */
  publicUrl: URL;
  /** Who is issuing (an operator's login, a service name), for the audit trail. */
  actorId?: string | null;
}

export interface DeliverDocumentArgs {
  customerId: number;
  policyId?: number | null;
  /** The rendered (or uploaded) PDF with its digest and names. */
  document: IssuedDocument;
  source: DeliverySource;
  /** The id printed in the PDF's footer, when it was rendered with one; a new one otherwise. */
  documentId?: string;
  /**
   * The e-mail that announces the document. By default the document notification (subject:
   * the type); flows with an e-mail of their own (payment receipt, claim acknowledgement) pass
   * theirs, so the customer gets one e-mail that links to the document, not two.
   */
  announce?: (recipient: NotificationRecipient & { email: string }, document: AnnouncedDocument) => OutboxMessage;
}

export interface AnnouncedDocument {
  id: string;
  type: IssuedDocument['type'];
  policyNumber: string | null;
  issuedAt: string;
}

export interface DeliveryResult {
  documentId: string;
  /** The queued notification; null when none was queued (see `notificationSkipped`). */
  notificationId: string | null;
  /** Why no e-mail was queued: the customer has no e-mail address on file. */
  notificationSkipped: 'no_email_address' | null;
  issuedAt: string;
}

export const DOCUMENT_COLUMNS = [
  'id',
  'customer_id',
  'policy_id',
  'type',
  'title',
  'filename',
  'content_type',
  'content',
  'size_bytes',
  'sha256',
  'source',
  'issued_at',
] as const;

export function documentRow(documentId: string, customerId: number, policyId: number | null, document: IssuedDocument, source: DeliverySource): unknown[] {
  return [
    documentId,
    customerId,
    policyId,
    document.type,
    document.title,
    document.filename,
    document.contentType,
    document.content,
    document.sizeBytes,
    document.sha256,
    source,
    document.issuedAt,
  ];
}

/** Delivers one document; joins `transaction` when given (the caller commits), else runs its own. */
export async function deliverDocument(ctx: DeliveryContext, args: DeliverDocumentArgs, transaction?: Transaction | null): Promise<DeliveryResult> {
  const { sequelize } = ctx;
  const { document } = args;
  const digest = createHash('sha256').update(document.content).digest('hex');
  if (digest !== document.sha256 || document.content.byteLength !== document.sizeBytes) {
    throw new Error('deliverDocument: the digest or size does not match the content');
  }
  const documentId = args.documentId ?? randomUUID();
  const policyId = args.policyId ?? null;

  const work = async (t: Transaction): Promise<DeliveryResult> => {
    const customer = await findCustomer(sequelize, { id: args.customerId }, t);
    if (!customer) throw new DocumentIssueError('customer_not_found', `No customer id ${args.customerId}.`);
    let policyNumber: string | null = null;
    if (policyId !== null) {
      const found = await findPolicy(sequelize, { id: policyId }, t);
      if (!found) throw new DocumentIssueError('policy_not_found', `No policy id ${policyId}.`);
      if (found.policy.customerId !== customer.id) {
        throw new DocumentIssueError('policy_not_of_customer', `Policy ${found.policy.policyNumber} does not belong to customer ${customer.customerNumber}.`);
      }
      if (!appliesToProduct(document.type, found.policy.product)) {
        throw new DocumentIssueError('type_not_for_product', `"${document.type}" is not issued for ${found.policy.product} policies.`);
      }
      policyNumber = found.policy.policyNumber;
    } else if (DOCUMENT_TYPES[document.type].scope === 'policy') {
      throw new DocumentIssueError(
        'type_needs_policy',
        `"${document.type}" (${DOCUMENT_TYPES[document.type].name.hu}) is issued for a policy: name the policy.`,
      );
    }

    await insertRows(sequelize, t, 'documents', DOCUMENT_COLUMNS, [documentRow(documentId, customer.id, policyId, document, args.source)]);

    const announced: AnnouncedDocument = { id: documentId, type: document.type, policyNumber, issuedAt: document.issuedAt };
    const message = args.announce ?? ((recipient, doc) => documentNotificationMessage(ctx.publicUrl, recipient, doc));
    const notificationId = hasEmail(customer) ? await enqueueNotification(sequelize, t, message(customer, announced), messageIdDomain(ctx.publicUrl)) : null;

    const audit = documentIssuedAuditRow({
      documentId,
      customerId: customer.id,
      policyId,
      type: document.type,
      source: args.source,
      actorId: ctx.actorId ?? null,
      sha256: document.sha256,
      sizeBytes: document.sizeBytes,
      notification: notificationId ? 'queued' : 'no_email_address',
    });
    await insertRows(sequelize, t, 'audit_events', AUDIT_COLUMNS, [audit], { casts: { metadata: 'jsonb' } });

    return { documentId, notificationId, notificationSkipped: notificationId ? null : 'no_email_address', issuedAt: document.issuedAt };
  };

  return transaction ? work(transaction) : sequelize.transaction(work);
}
