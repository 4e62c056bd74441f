import { randomUUID } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import { insertRows } from '../../db/insert-rows.ts';
import { deliverDocument } from '../../documents/delivery/deliver-document.ts';
import { loadDocumentInput } from '../../documents/delivery/document-input.ts';
import { isDocumentIssueError } from '../../documents/delivery/errors.ts';
import type { DocumentRenderer } from '../../documents/delivery/render-pool.ts';
import { issueDocument } from '../../documents/issue.ts';
import { DOCUMENT_TYPES, appliesToProduct, isDocumentTypeCode, type DocumentTypeCode } from '../../kernel/document-types.ts';
import { DomainError } from '../../kernel/domain-error.ts';
import { recordCustomerAudit } from '../policies/audit.ts';
import { nowOf, type CustomerActor, type DomainContext } from '../../kernel/context.ts';
import { findScopedPolicy } from '../policies/policy-access.ts';
import { recentRequestCounts } from './requestable-types.ts';
import { REQUEST_COLUMNS, requestViewOf, type DocumentRequestView } from './request-view.ts';
import { DOCUMENT_REQUEST_LIMITS, isRequestable, needsActivePolicy } from './rules.ts';

/**
 * A customer asks for a document of a contract (dokumentum igénylése). The request is
 * recorded (`pending`) under the policy's row lock, after the throttle check; then the PDF is
 * rendered outside any transaction; then one transaction delivers it into the mailbox with its
 * notification and audit event and marks the request `fulfilled`. When rendering or delivery
 * fails, the request is marked `failed` with the reason's code and the call answers
 * `document_request_failed` (unavailable): the customer may try again.
 *
 * Refusals (nothing is written): `invalid_document_type`, `document_type_not_requestable`,
 * `document_type_not_for_product` (invalid); `policy_not_found`; `policy_not_active`,
 * `too_many_requests` (conflict).
 */
export interface RequestDocumentArgs extends CustomerActor {
  policyId: number;
  type: DocumentTypeCode | string;
}

export interface RequestDocumentResult {
  request: DocumentRequestView;
  /** The notification e-mail queued with the document; null when the customer has no e-mail. */
  notificationId: string | null;
}

export interface RequestDocumentOptions {
  /** Renders the PDF (a worker pool in production); this thread by default. */
  renderer?: Pick<DocumentRenderer, 'render'>;
}

async function requestById(sequelize: Sequelize, id: string): Promise<DocumentRequestView> {
  const [row] = await sequelize.query<Record<string, unknown>>(
    `select ${REQUEST_COLUMNS} from document_requests r left join policies p on p.id = r.policy_id where r.id = $1`,
    { bind: [id], type: QueryTypes.SELECT },
  );
  return requestViewOf(row!);
}

export async function requestDocument(ctx: DomainContext, args: RequestDocumentArgs, options: RequestDocumentOptions = {}): Promise<RequestDocumentResult> {
  const { sequelize } = ctx;
  if (!isDocumentTypeCode(args.type)) {
    throw DomainError.invalid('invalid_document_type', 'Unknown document type.', [{ field: 'type', code: 'unknown', message: 'Not a document type.' }]);
  }
  const type: DocumentTypeCode = args.type;
  if (!isRequestable(type)) {
    throw DomainError.invalid('document_type_not_requestable', `${DOCUMENT_TYPES[type].name.en} is sent by the insurer, not requested.`, [
      { field: 'type', code: 'not_requestable', message: 'This document cannot be requested.' },
    ]);
  }
  const { policy, customer } = await findScopedPolicy(sequelize, args, args.policyId);
  if (!appliesToProduct(type, policy.product)) {
    throw DomainError.invalid('document_type_not_for_product', `${DOCUMENT_TYPES[type].name.en} is not issued for this product.`, [
      { field: 'type', code: 'not_for_product', message: 'Not issued for this product.' },
    ]);
  }
  if (needsActivePolicy(type) && policy.status !== 'active') {
    throw DomainError.conflict('policy_not_active', `${DOCUMENT_TYPES[type].name.en} is issued for an active contract only.`);
  }

  const now = nowOf(ctx);
  const requestedAt = now.toISOString();
  const requestId = await sequelize.transaction(async (transaction) => {
    await findScopedPolicy(sequelize, args, policy.id, { transaction, lock: true });
    const counts = await recentRequestCounts(sequelize, policy.id, now, transaction, type);
    if ((counts.get(type) ?? 0) >= DOCUMENT_REQUEST_LIMITS.perDay) {
      throw DomainError.conflict('too_many_requests', `At most ${DOCUMENT_REQUEST_LIMITS.perDay} requests of one document type per contract a day.`);
    }
    const [row] = await insertRows(
      sequelize,
      transaction,
      'document_requests',
      ['customer_id', 'policy_id', 'type', 'status', 'client_id', 'created_at'],
      [[customer.id, policy.id, type, 'pending', args.clientId ?? null, requestedAt]],
      { returning: ['id'] },
    );
    const id = String(row!.id);
    await recordCustomerAudit(sequelize, transaction, args, [
      { action: 'document.requested', subjectType: 'document_request', subjectId: id, metadata: { type, policyId: policy.id } },
    ]);
    return id;
  });

  let notificationId: string | null = null;
  try {
    const documentId = randomUUID();
    const { input } = await loadDocumentInput(
      sequelize,
      type,
      { customer: { id: customer.id }, policy: { id: policy.id } },
      { documentId, issuedAt: requestedAt },
    );
    const [document] = options.renderer ? await options.renderer.render([input]) : [await issueDocument(input)];
    await sequelize.transaction(async (transaction) => {
      const delivered = await deliverDocument(
        { sequelize, publicUrl: ctx.publicUrl, actorId: 'domain:document-request' },
        { customerId: customer.id, policyId: policy.id, document: document!, source: 'request', documentId },
        transaction,
      );
      notificationId = delivered.notificationId;
      await sequelize.query(`update document_requests set status = 'fulfilled', document_id = $2, fulfilled_at = $3 where id = $1`, {
        bind: [requestId, delivered.documentId, nowOf(ctx).toISOString()],
        type: QueryTypes.UPDATE,
        transaction,
      });
      await recordCustomerAudit(sequelize, transaction, args, [
        { action: 'document_request.fulfilled', subjectType: 'document_request', subjectId: requestId, metadata: { type, documentId: delivered.documentId } },
      ]);
    });
  } catch (error) {
    const reason = isDocumentIssueError(error) ? error.code : 'generation_failed';
    await sequelize.transaction(async (transaction) => {
      await sequelize.query(`update document_requests set status = 'failed', failure_reason = $2 where id = $1 and status = 'pending'`, {
        bind: [requestId, reason],
        type: QueryTypes.UPDATE,
        transaction,
      });
      await recordCustomerAudit(sequelize, transaction, args, [
        { action: 'document_request.failed', subjectType: 'document_request', subjectId: requestId, metadata: { type, reason } },
      ]);
    });
    const failure = new DomainError(
      'document_request_failed',
      'unavailable',
      'The document could not be produced; the request is recorded as failed. Please try again later.',
    );
    throw Object.assign(failure, { cause: error });
  }
  return { request: await requestById(sequelize, requestId), notificationId };
}
