import { createHash } from 'node:crypto';
import type { Transaction } from 'sequelize';
import type { IssuedDocument } from '../issue.ts';
import { DOCUMENT_TYPES, type DocumentTypeCode } from '../../kernel/document-types.ts';
import type { DeliverySource } from './audit.ts';
import { deliverDocument, type DeliveryContext, type DeliveryResult } from './deliver-document.ts';
import { resolveTarget, type IssueTarget } from './document-input.ts';
import { budapestDate } from '../../kernel/calendar.ts';
import { DocumentIssueError } from './errors.ts';

/**
 * A PDF that operations prepared elsewhere (e.g. an event document whose service is not built
 * yet), delivered exactly like a rendered one: mailbox + notification + audit, one transaction.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const MAGIC = Buffer.from('%PDF-', 'latin1');
const EOF_MARKER = Buffer.from('%%EOF', 'latin1');

/** Refuses anything that is not a whole PDF file of an acceptable size. */
export function assertPdf(content: Uint8Array, maxBytes = MAX_UPLOAD_BYTES): void {
  if (content.byteLength > maxBytes) {
    throw new DocumentIssueError(
      'file_too_large',
      `The file is ${content.byteLength} bytes; the limit is ${maxBytes} bytes (${Math.round(maxBytes / 1024 / 1024)} MB).`,
    );
  }
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (bytes.byteLength === 0) throw new DocumentIssueError('not_a_pdf', 'The file is empty.');
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new DocumentIssueError('not_a_pdf', 'The file is not a PDF (it does not start with "%PDF-").');
  // A PDF ends with %%EOF (readers look in the last 1 KB): its absence means a truncated copy.
  if (bytes.subarray(Math.max(0, bytes.byteLength - 1024)).lastIndexOf(EOF_MARKER) < 0) {
    throw new DocumentIssueError('not_a_pdf', 'The file is not a complete PDF (no "%%EOF" at its end): it may be truncated.');
  }
}

/** The mailbox title and download name of an uploaded PDF, from its type and policy. */
export function uploadedDocumentNames(type: DocumentTypeCode, policyNumber: string | null, issuedAt: string): { title: string; filename: string } {
  const name = DOCUMENT_TYPES[type].name.hu;
  const reference = policyNumber ? policyNumber.replace(/[^A-Za-z0-9-]+/g, '-') : null;
  return {
    title: policyNumber ? `${name} – ${policyNumber}` : name,
    filename: `${[type.replace(/_/g, '-'), reference, budapestDate(issuedAt)].filter(Boolean).join('-')}.pdf`,
  };
}

export interface DeliverUploadedArgs extends IssueTarget {
  type: DocumentTypeCode;
  content: Uint8Array;
  source: DeliverySource;
  issuedAt?: string;
}

export interface UploadedDeliveryResult extends DeliveryResult {
  customerNumber: string;
  policyNumber: string | null;
  title: string;
  sha256: string;
  sizeBytes: number;
}

export async function deliverUploadedDocument(
  ctx: DeliveryContext,
  args: DeliverUploadedArgs,
  transaction?: Transaction | null,
): Promise<UploadedDeliveryResult> {
  assertPdf(args.content);
  const content = Buffer.from(args.content.buffer, args.content.byteOffset, args.content.byteLength);
  const issuedAt = args.issuedAt ?? new Date().toISOString();
  const work = async (t: Transaction): Promise<UploadedDeliveryResult> => {
    const { customer, policy } = await resolveTarget(ctx.sequelize, args, t);
    const names = uploadedDocumentNames(args.type, policy?.policyNumber ?? null, issuedAt);
    const document: IssuedDocument = {
      type: args.type,
      ...names,
      contentType: 'application/pdf',
      content,
      sizeBytes: content.byteLength,
      sha256: createHash('sha256').update(content).digest('hex'),
      issuedAt,
    };
    const result = await deliverDocument(ctx, { customerId: customer.id, policyId: policy?.id ?? null, document, source: args.source }, t);
    return {
      ...result,
      customerNumber: customer.customerNumber,
      policyNumber: policy?.policyNumber ?? null,
      title: names.title,
      sha256: document.sha256,
      sizeBytes: document.sizeBytes,
    };
  };
  return transaction ? work(transaction) : ctx.sequelize.transaction(work);
}
