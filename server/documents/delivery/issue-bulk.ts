import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Transaction } from 'sequelize';
import { enqueueNotifications, messageIdDomain, type OutboxMessage } from '../../notifications/outbox.ts';
import { PRODUCTS, type ProductCode } from '../../kernel/products.ts';
import type { IssuedDocument } from '../issue.ts';
import type { DocumentInput } from '../pdf/input.ts';
import { DOCUMENT_TYPES, appliesToProduct, type DocumentTypeCode } from '../../kernel/document-types.ts';
import { AUDIT_COLUMNS, documentIssuedAuditRow, type DeliverySource } from './audit.ts';
import { budapestDate } from '../../kernel/calendar.ts';
import { DOCUMENT_COLUMNS, documentRow, type DeliveryContext } from './deliver-document.ts';
import { buildDocumentInput, isTemplateDocumentType, loadDocumentFacts, type TemplateDocumentType } from './document-input.ts';
import { DocumentIssueError, type DocumentIssueErrorCode } from './errors.ts';
import { insertRows } from '../../db/insert-rows.ts';
import { documentNotificationMessage, hasEmail } from './notification.ts';
import { activePolicyIds, policiesById, policiesIssuedSince, type CustomerRecord, type PolicyRecord } from './records.ts';
import { createDocumentRenderer, type DocumentRenderer } from './render-pool.ts';

/**
 * Issues one document type to every ACTIVE policy of a product (e.g. the annual premium notices),
 * one per policy, with the same delivery rule as a single document: each batch's documents,
 * notifications and audit events are written in one transaction (multi-row INSERTs), so a
 * crash loses at most the batch in flight and never leaves a document without its e-mail.
 *
 * The pipeline keeps the database and the CPU busy at once: while batch k renders (in worker
 * threads), batch k-1 is written. Database work itself stays strictly sequential (the embedded
 * PGlite has a single connection). A re-run the same day skips the policies already served, so
 * an interrupted run can simply be started again.
 */
export type BulkSkipReason = DocumentIssueErrorCode | 'already_issued_today';

export interface BulkProgress {
  done: number;
  total: number;
  issued: number;
  skipped: number;
}

export interface IssueBulkOptions {
  type: DocumentTypeCode;
  product: ProductCode;
  source?: DeliverySource;
  /** Policies per transaction. */
  batchSize?: number;
  /** Render worker threads; by default one per core (up to 4) for runs of 200+ documents, else none. */
  renderWorkers?: number;
  /** A renderer to use instead (left open); `renderWorkers` is then ignored. */
  renderer?: DocumentRenderer;
  /** Skip policies that already got this type (issued, not seeded) since this instant; null never skips. Default: since Budapest midnight. */
  skipIssuedSince?: Date | null;
  /** The run's issue time (every document's "Kelt"); now by default. */
  issuedAt?: string;
  onProgress?: (done: number, total: number, progress: BulkProgress) => void;
}

export interface IssueBulkResult {
  runId: string;
  type: DocumentTypeCode;
  product: ProductCode;
  /** Active policies of the product when the run started. */
  total: number;
  issued: number;
  notificationsQueued: number;
  /** Issued, but no e-mail queued: the customer has no e-mail address. */
  withoutEmail: number;
  skipped: Partial<Record<BulkSkipReason, number>>;
  renderWorkers: number;
  durationMs: number;
  documentsPerSecond: number;
}

interface Planned {
  documentId: string;
  customer: CustomerRecord;
  policy: PolicyRecord;
  input: DocumentInput;
}

interface Batch {
  size: number;
  planned: Planned[];
  skipped: BulkSkipReason[];
}

/** Refuses a run that could issue nothing (before any policy is read). */
export function assertBulkIssuable(type: DocumentTypeCode, product: ProductCode): asserts type is TemplateDocumentType {
  const name = DOCUMENT_TYPES[type].name.hu;
  if (!isTemplateDocumentType(type)) {
    throw new DocumentIssueError('type_not_issuable', `"${type}" (${name}) is issued by the service that owns its event, not in bulk from a template.`);
  }
  if (!appliesToProduct(type, product)) {
    throw new DocumentIssueError('type_not_for_product', `"${type}" (${name}) is not issued for ${PRODUCTS[product].shortName.en} policies.`);
  }
}

/** The instant the Budapest calendar day `date` begins. */
export function startOfBudapestDay(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  for (const hours of [2, 1]) {
    const instant = new Date(utcMidnight - hours * 3_600_000);
    if (budapestDate(instant) === date) return instant;
  }
  return new Date(utcMidnight);
}

const MAX_STATEMENT_BYTES = 8_000_000;

export async function issueBulk(ctx: DeliveryContext, options: IssueBulkOptions): Promise<IssueBulkResult> {
  const { sequelize } = ctx;
  const { type, product } = options;
  assertBulkIssuable(type, product);
  const started = performance.now();
  const runId = randomUUID();
  const source = options.source ?? 'system';
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 100, 1000));
  const issuedAt = options.issuedAt ?? new Date().toISOString();
  const skipSince = options.skipIssuedSince === undefined ? startOfBudapestDay(budapestDate(issuedAt)) : options.skipIssuedSince;
  const domain = messageIdDomain(ctx.publicUrl);

  const ids = await activePolicyIds(sequelize, product);
  const total = ids.length;
  const workers = options.renderer?.workers ?? options.renderWorkers ?? (total >= 200 ? Math.min(availableParallelism(), 4) : 0);
  const result: IssueBulkResult = {
    runId,
    type,
    product,
    total,
    issued: 0,
    notificationsQueued: 0,
    withoutEmail: 0,
    skipped: {},
    renderWorkers: workers,
    durationMs: 0,
    documentsPerSecond: 0,
  };
  let done = 0;
  const report = () => {
    const skipped = Object.values(result.skipped).reduce((sum, n) => sum + (n ?? 0), 0);
    options.onProgress?.(done, total, { done, total, issued: result.issued, skipped });
  };
  report();

  /** Reads a batch's rows (a few queries for the whole batch) and builds each input in memory. */
  const plan = async (chunk: number[]): Promise<Batch> => {
    const batch: Batch = { size: chunk.length, planned: [], skipped: [] };
    const already = skipSince ? await policiesIssuedSince(sequelize, type, chunk, skipSince) : new Set<number>();
    const wanted = chunk.filter((id) => !already.has(id));
    for (let i = wanted.length; i < chunk.length; i++) batch.skipped.push('already_issued_today');
    const loaded = await policiesById(sequelize, wanted);
    for (let i = loaded.length; i < wanted.length; i++) batch.skipped.push('policy_not_found');
    const targets = loaded.filter((t) => {
      // Cancelled since the run started: not this run's business any more.
      if (t.policy.status === 'active') return true;
      batch.skipped.push('policy_not_active');
      return false;
    });
    const facts = await loadDocumentFacts(
      sequelize,
      type,
      targets.map((t) => t.policy.id),
      issuedAt,
    );
    for (const target of targets) {
      const documentId = randomUUID();
      try {
        const input = buildDocumentInput(type, target, facts.get(target.policy.id) ?? { invoices: [], claims: [] }, { documentId, issuedAt });
        batch.planned.push({ documentId, customer: target.customer, policy: target.policy, input });
      } catch (error) {
        if (!(error instanceof DocumentIssueError)) throw error;
        batch.skipped.push(error.code);
      }
    }
    return batch;
  };

  /** Writes a rendered batch: documents, notifications and audit events, one transaction. */
  const write = async (batch: Batch, documents: IssuedDocument[]): Promise<void> => {
    let queued = 0;
    await sequelize.transaction(async (transaction: Transaction) => {
      const rows = batch.planned.map((p, i) => documentRow(p.documentId, p.customer.id, p.policy.id, documents[i]!, source));
      // Keep each statement's payload moderate (PDFs travel as bytea parameters).
      for (let from = 0, bytes = 0, i = 0; i < rows.length; i++) {
        bytes += documents[i]!.sizeBytes;
        if (bytes >= MAX_STATEMENT_BYTES || i === rows.length - 1) {
          await insertRows(sequelize, transaction, 'documents', DOCUMENT_COLUMNS, rows.slice(from, i + 1));
          from = i + 1;
          bytes = 0;
        }
      }
      const notifications: OutboxMessage[] = [];
      const audits: unknown[][] = [];
      batch.planned.forEach((p, i) => {
        const document = documents[i]!;
        let notified = false;
        if (hasEmail(p.customer)) {
          const message = documentNotificationMessage(ctx.publicUrl, p.customer, {
            id: p.documentId,
            type,
            policyNumber: p.policy.policyNumber,
            issuedAt: document.issuedAt,
          });
          notifications.push(message);
          notified = true;
        }
        audits.push(
          documentIssuedAuditRow({
            documentId: p.documentId,
            customerId: p.customer.id,
            policyId: p.policy.id,
            type,
            source,
            actorId: ctx.actorId ?? null,
            sha256: document.sha256,
            sizeBytes: document.sizeBytes,
            notification: notified ? 'queued' : 'no_email_address',
            bulkRunId: runId,
          }),
        );
      });
      await enqueueNotifications(sequelize, transaction, notifications, domain);
      await insertRows(sequelize, transaction, 'audit_events', AUDIT_COLUMNS, audits, { casts: { metadata: 'jsonb' } });
      queued = notifications.length;
    });
    result.issued += batch.planned.length;
    result.notificationsQueued += queued;
    result.withoutEmail += batch.planned.length - queued;
    for (const reason of batch.skipped) result.skipped[reason] = (result.skipped[reason] ?? 0) + 1;
    done += batch.size;
    report();
  };

  const renderer = options.renderer ?? createDocumentRenderer({ workers });
  try {
    let rendered: { batch: Batch; documents: IssuedDocument[] } | null = null;
    for (let from = 0; from < ids.length; from += batchSize) {
      const batch = await plan(ids.slice(from, from + batchSize));
      const rendering = renderer.render(batch.planned.map((p) => p.input));
      rendering.catch(() => {}); // awaited below; don't let a failed write leave it unhandled
      if (rendered) await write(rendered.batch, rendered.documents);
      rendered = { batch, documents: await rendering };
    }
    if (rendered) await write(rendered.batch, rendered.documents);
  } finally {
    if (!options.renderer) await renderer.close();
  }

  result.durationMs = Math.round(performance.now() - started);
  result.documentsPerSecond = result.durationMs > 0 ? Math.round((result.issued / result.durationMs) * 1000 * 10) / 10 : 0;
  return result;
}
