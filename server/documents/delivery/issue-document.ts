import { randomUUID } from 'node:crypto';
import { issueDocument } from '../issue.ts';
import type { DocumentTypeCode } from '../../kernel/document-types.ts';
import type { DeliverySource } from './audit.ts';
import { deliverDocument, type DeliveryContext, type DeliveryResult } from './deliver-document.ts';
import { loadDocumentInput, type IssueTarget } from './document-input.ts';

/**
 * Issues one template document for a customer's policy: reads its data, renders the PDF with a
 * pre-generated id (printed in the footer and carried by the e-mail's link), then delivers it.
 * Rendering happens before the transaction opens, so the transaction stays short.
 */
export interface IssueDocumentArgs extends IssueTarget {
  type: DocumentTypeCode;
  source: DeliverySource;
  /** Fixes the issue time (tests); now by default. */
  issuedAt?: string;
}

export interface IssueDocumentResult extends DeliveryResult {
  type: DocumentTypeCode;
  title: string;
  customerNumber: string;
  policyNumber: string | null;
  sha256: string;
  sizeBytes: number;
}

export async function issueTemplateDocument(ctx: DeliveryContext, args: IssueDocumentArgs): Promise<IssueDocumentResult> {
  const documentId = randomUUID();
  const issuedAt = args.issuedAt ?? new Date().toISOString();
  const { input, customer, policy } = await loadDocumentInput(ctx.sequelize, args.type, args, { documentId, issuedAt });
  const document = await issueDocument(input);
  const result = await deliverDocument(ctx, { customerId: customer.id, policyId: policy?.id ?? null, document, source: args.source, documentId });
  return {
    ...result,
    type: args.type,
    title: document.title,
    customerNumber: customer.customerNumber,
    policyNumber: policy?.policyNumber ?? null,
    sha256: document.sha256,
    sizeBytes: document.sizeBytes,
  };
}
