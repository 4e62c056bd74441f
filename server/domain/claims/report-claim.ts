import { randomUUID } from 'node:crypto';
import type { DocumentRenderer } from '../../documents/delivery/render-pool.ts';
import { insertRows } from '../../db/insert-rows.ts';
import { deliverDocument } from '../../documents/delivery/deliver-document.ts';
import { documentParty, documentPolicy } from '../../documents/delivery/document-input.ts';
import { issueDocument } from '../../documents/issue.ts';
import type { ClaimAcknowledgementInput } from '../../documents/pdf/input.ts';
import type { ReportedOtherParty } from '../../kernel/other-party.ts';
import { portalLinks } from '../../notifications/links.ts';
import { recordCustomerAudit } from '../policies/audit.ts';
import { nowOf, type CustomerActor, type DomainContext } from '../../kernel/context.ts';
import { findScopedPolicy } from '../policies/policy-access.ts';
import type { ClaimAttachmentMeta, ClaimStatus } from './claim-views.ts';
import { attachmentMetaOf } from './claim-views.ts';
import { checkAgainstPolicy, parseClaimReport, type ClaimReportInput, type ParsedClaimReport } from './claim-input.ts';
import { nextClaimNumber } from './claim-number.ts';
import { CLAIM_COLUMNS } from './claim-columns.ts';

/**
 * Reports a claim (kárbejelentés) on one of the customer's contracts. After the checks
 * (./claim-input.ts; the contract must be the customer's, inside the partner's scope, and in
 * force on the day of the loss), a claim number is drawn and the acknowledgement PDF
 * (Kárbejelentés visszaigazolása) is rendered; then ONE transaction writes the claim with
 * status `received` and its first status-history row, the attachments, the acknowledgement in
 * the mailbox, the `claim_acknowledgement` e-mail (the document's notification: one e-mail,
 * not two) and the audit events. A refusal writes nothing.
 */
export interface ReportClaimArgs extends CustomerActor, ClaimReportInput {}

export interface ReportedClaim {
  id: number;
  claimNumber: string;
  policyId: number;
  policyNumber: string;
  status: ClaimStatus;
  reportedAt: string;
  attachments: ClaimAttachmentMeta[];
  acknowledgementDocumentId: string;
  /** The queued e-mail; null when the customer has no e-mail address on file. */
  notificationId: string | null;
}

export interface ReportClaimOptions {
  /** Renders the acknowledgement (a worker pool in production); this thread by default. */
  renderer?: Pick<DocumentRenderer, 'render'>;
}

export const FIRST_STATUS_NOTE = 'Kárbejelentés beérkezett az Ügyfélportálon.';

export async function reportClaim(ctx: DomainContext, args: ReportClaimArgs, options: ReportClaimOptions = {}): Promise<ReportedClaim> {
  const { sequelize } = ctx;
  const now = nowOf(ctx);
  const report = parseClaimReport(args, now);
  const { policy, customer } = await findScopedPolicy(sequelize, args, args.policyId);
  checkAgainstPolicy(report, policy, customer, args.otherParty);

  const claimNumber = await nextClaimNumber(sequelize, now);
  const reportedAt = now.toISOString();
  const documentId = randomUUID();
  const reportedOtherParty = reportedOtherPartyOf(report);
  const input: ClaimAcknowledgementInput = {
    type: 'karbejelentes_visszaigazolas',
    documentId,
    issuedAt: reportedAt,
    customer: documentParty(customer),
    policy: documentPolicy(policy),
    claim: {
      claimNumber,
      claimType: report.claimType,
      occurredAt: report.occurredAt.toISOString(),
      reportedAt,
      place: report.place,
      description: report.description,
      estimatedDamageHuf: report.estimatedDamageHuf,
      otherParty: reportedOtherParty,
    },
  };
  const [document] = options.renderer ? await options.renderer.render([input]) : [await issueDocument(input)];

  return sequelize.transaction(async (transaction) => {
    // The acknowledgement document goes into the mailbox, announced by the claim e-mail (one e-mail, not two).
    const delivered = await deliverDocument(
      { sequelize, publicUrl: ctx.publicUrl, actorId: 'domain:claim-report' },
      {
        customerId: customer.id,
        policyId: policy.id,
        document: document!,
        source: 'system',
        documentId,
        announce: (recipient, doc) => ({
          customerId: recipient.id,
          to: recipient.email,
          template: 'claim_acknowledgement',
          language: recipient.language,
          data: {
            customerNumber: recipient.customerNumber,
            claimNumber,
            policyNumber: policy.policyNumber,
            product: policy.product,
            reportedAt,
            otherPartySituation: reportedOtherParty?.situation ?? null,
            documentUrl: portalLinks(ctx.publicUrl).document(doc.id),
          },
        }),
      },
      transaction,
    );

    const [claimRow] = await insertRows(
      sequelize,
      transaction,
      'claims',
      [...CLAIM_COLUMNS, 'acknowledgement_document_id', 'created_at', 'updated_at'],
      [
        [
          claimNumber,
          policy.id,
          customer.id,
          report.claimType,
          report.occurredAt.toISOString(),
          report.place,
          report.description,
          report.estimatedDamageHuf,
          report.otherParty ? JSON.stringify(report.otherParty) : null,
          report.otherPartySituation,
          report.contactPreference,
          'received',
          args.clientId ?? null,
          documentId,
          reportedAt,
          reportedAt,
        ],
      ],
      { casts: { other_party: 'jsonb' }, returning: ['id'] },
    );
    const claimId = Number(claimRow!.id);

    await insertRows(
      sequelize,
      transaction,
      'claim_status_history',
      ['claim_id', 'status', 'note', 'created_at'],
      [[claimId, 'received', FIRST_STATUS_NOTE, reportedAt]],
    );

    const attachmentRows = await insertRows(
      sequelize,
      transaction,
      'claim_attachments',
      ['claim_id', 'filename', 'content_type', 'size_bytes', 'sha256', 'content', 'created_at'],
      report.attachments.map((a) => [claimId, a.filename, a.contentType, a.sizeBytes, a.sha256, a.content, reportedAt]),
      { returning: ['id', 'claim_id', 'filename', 'content_type', 'size_bytes', 'sha256', 'created_at'], maxBatchBytes: 8 * 1024 * 1024 },
    );

    const notificationId = delivered.notificationId;

    await recordCustomerAudit(sequelize, transaction, args, [
      {
        action: 'claim.reported',
        subjectType: 'claim',
        subjectId: claimId,
        metadata: {
          claimNumber,
          policyId: policy.id,
          claimType: report.claimType,
          attachments: report.attachments.length,
          attachmentBytes: report.attachments.reduce((sum, a) => sum + a.sizeBytes, 0),
          documentId,
        },
      },
    ]);

    return {
      id: claimId,
      claimNumber,
      policyId: policy.id,
      policyNumber: policy.policyNumber,
      status: 'received' as const,
      reportedAt,
      attachments: attachmentRows.map(attachmentMetaOf),
      acknowledgementDocumentId: documentId,
      notificationId,
    };
  });
}

/** What the acknowledgement tells back of the other party: the customer's answer, and a known party's details as typed. */
function reportedOtherPartyOf({ otherParty, otherPartySituation }: ParsedClaimReport): ReportedOtherParty | null {
  if (otherParty) return { situation: 'known', ...otherParty };
  return otherPartySituation && otherPartySituation !== 'known' ? { situation: otherPartySituation } : null;
}
