import { readFile, stat } from 'node:fs/promises';
import type { Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { ProgressBar, type ProgressStream } from '../progress-bar.ts';
import { withDatabase } from '../with-database.ts';
import { operator } from '../operator.ts';
import { loadConfig } from '../../config/config.ts';
import { PRODUCTS, PRODUCT_CODES, isProductCode, type ProductCode } from '../../kernel/products.ts';
import { DOCUMENT_TYPES, DOCUMENT_TYPE_CODES, isDocumentTypeCode, type DocumentTypeCode } from '../../kernel/document-types.ts';
import { MAX_UPLOAD_BYTES, deliverUploadedDocument } from '../../documents/delivery/deliver-uploaded-document.ts';
import type { DeliveryContext, DeliveryResult } from '../../documents/delivery/deliver-document.ts';
import { TEMPLATE_DOCUMENT_TYPES } from '../../documents/delivery/document-input.ts';
import { DocumentIssueError } from '../../documents/delivery/errors.ts';
import { issueBulk, type BulkSkipReason } from '../../documents/delivery/issue-bulk.ts';
import { issueTemplateDocument } from '../../documents/delivery/issue-document.ts';

/**
 * `portal document issue …` and `portal document issue-bulk …`: operations puts documents into
 * customers' mailboxes. The command only writes the database (document + queued e-mail, one
 * transaction); the running portal's outbox worker sends the e-mails. Output names documents,
 * policies and customer numbers, never a customer's name, e-mail or address.
 */
const USAGE = `Usage:
  portal document issue --customer <customer number> --type <type> [--policy <policy number>]
  portal document issue --customer <customer number> --type <type> [--policy <policy number>] --file <pdf>
  portal document issue-bulk --type <type> --product <${PRODUCT_CODES.join('|')}> [--again]

issue       puts one document into a customer's mailbox (Levelezés) and queues the e-mail
            notification. Without --file the PDF is generated from the template of <type>
            (for a policy: --policy); with --file a prepared PDF (max ${MAX_UPLOAD_BYTES / 1024 / 1024} MB) is delivered.
issue-bulk  issues <type> for every active policy of <product> (e.g. the annual premium
            notices: --type dijbekero). Policies that already got <type> today are skipped
            (an interrupted run can be started again); --again issues them once more.

Types from templates: ${TEMPLATE_DOCUMENT_TYPES.join(', ')}
Only with --file:     ${DOCUMENT_TYPE_CODES.filter((t) => !(TEMPLATE_DOCUMENT_TYPES as readonly string[]).includes(t)).join(', ')}

The e-mails are queued in the database; the running portal sends them.`;

export type DocumentCommandRequest =
  | { action: 'issue'; customerNumber: string; type: DocumentTypeCode; policyNumber: string | null; file: string | null }
  | { action: 'issue-bulk'; type: DocumentTypeCode; product: ProductCode; again: boolean };

type Values = Record<string, string | boolean | undefined>;

const usageError = (message: string) => new CliError(`${message}\n\n${USAGE}`, 2);

function text(values: Values, name: string): string | null {
  const value = values[name];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function documentType(values: Values): DocumentTypeCode {
  const type = text(values, 'type');
  if (!type) throw usageError('Missing --type.');
  if (!isDocumentTypeCode(type)) throw usageError(`Unknown document type "${type}". Known types: ${DOCUMENT_TYPE_CODES.join(', ')}.`);
  return type;
}

/** Checks the arguments before anything touches the database. */
export function parseDocumentArgs(values: Values, positionals: string[]): DocumentCommandRequest {
  const [action, ...extra] = positionals;
  if (!action) throw usageError('Missing the action: issue or issue-bulk.');
  if (extra.length) throw usageError(`Unexpected argument "${extra[0]}".`);
  const allowed = action === 'issue' ? ['customer', 'type', 'policy', 'file'] : action === 'issue-bulk' ? ['type', 'product', 'again'] : null;
  if (!allowed) throw usageError(`Unknown action "${action}": use issue or issue-bulk.`);
  const stray = Object.keys(values).find((key) => key !== 'help' && values[key] !== undefined && !allowed.includes(key));
  if (stray) throw usageError(`--${stray} does not apply to "document ${action}".`);

  if (action === 'issue') {
    const customerNumber = text(values, 'customer');
    if (!customerNumber) throw usageError('Missing --customer <customer number>.');
    if (!/^\d{8}$/.test(customerNumber)) throw usageError(`"${customerNumber}" is not a customer number (8 digits).`);
    return { action: 'issue', customerNumber, type: documentType(values), policyNumber: text(values, 'policy'), file: text(values, 'file') };
  }
  const product = text(values, 'product');
  if (!product) throw usageError('Missing --product.');
  if (!isProductCode(product)) throw usageError(`Unknown product "${product}". Products: ${PRODUCT_CODES.join(', ')}.`);
  return { action: 'issue-bulk', type: documentType(values), product, again: values.again === true };
}

export interface DocumentCommandEnvironment extends DeliveryContext {
  stdout: { write(chunk: string): unknown };
  /** Progress goes here (a terminal gets a live bar). */
  stderr: ProgressStream;
}

/** Runs a parsed request against an open database (the command's body; tests call it directly). */
export async function runDocumentCommand(request: DocumentCommandRequest, env: DocumentCommandEnvironment): Promise<void> {
  try {
    if (request.action === 'issue') await issue(request, env);
    else await issueInBulk(request, env);
  } catch (error) {
    if (error instanceof DocumentIssueError) throw new CliError(`Not issued (${error.code}): ${error.message}`);
    throw error;
  }
}

async function readPdf(path: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliError(`--file ${path} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot read --file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  // Refuse a huge file before reading it into memory.
  if (size > MAX_UPLOAD_BYTES) throw new DocumentIssueError('file_too_large', `The file is ${size} bytes; the limit is ${MAX_UPLOAD_BYTES} bytes.`);
  return readFile(path);
}

function emailLine(result: DeliveryResult): string {
  return result.notificationId
    ? `  e-mail     queued (notification ${result.notificationId}); the running portal sends it.\n`
    : '  e-mail     NOT queued: the customer has no e-mail address on file.\n';
}

async function issue(request: Extract<DocumentCommandRequest, { action: 'issue' }>, env: DocumentCommandEnvironment): Promise<void> {
  const target = { customer: { customerNumber: request.customerNumber }, policy: request.policyNumber ? { policyNumber: request.policyNumber } : null };
  const name = DOCUMENT_TYPES[request.type].name.hu;
  const result = request.file
    ? await deliverUploadedDocument(env, { ...target, type: request.type, content: await readPdf(request.file), source: 'operations' })
    : await issueTemplateDocument(env, { ...target, type: request.type, source: 'operations' });
  const scope = result.policyNumber ? ` for policy ${result.policyNumber}` : '';
  env.stdout.write(
    `Issued ${name} (${request.type})${scope} into the mailbox of customer ${result.customerNumber}${request.file ? ' (uploaded PDF)' : ''}.\n` +
      `  document   ${result.documentId}\n` +
      `  sha256     ${result.sha256} (${result.sizeBytes} bytes)\n` +
      emailLine(result),
  );
}

const SKIP_REASONS: Partial<Record<BulkSkipReason, string>> = {
  nothing_to_bill: 'no open invoice',
  no_anniversary: 'the policy ends before its next anniversary',
  already_issued_today: '--again issues them once more',
  policy_not_active: 'cancelled since the run started',
  policy_not_found: 'policy gone since the run started',
};

async function issueInBulk(request: Extract<DocumentCommandRequest, { action: 'issue-bulk' }>, env: DocumentCommandEnvironment): Promise<void> {
  const name = DOCUMENT_TYPES[request.type].name.hu;
  // Progress counts policies (issued or skipped); the summary gives the documents/s.
  const bar = new ProgressBar({ label: name, unit: 'policies/s', stream: env.stderr });
  env.stdout.write(`Issuing ${name} (${request.type}) for every active ${PRODUCTS[request.product].shortName.en} policy…\n`);
  let result;
  try {
    result = await issueBulk(env, {
      type: request.type,
      product: request.product,
      source: 'operations',
      skipIssuedSince: request.again ? null : undefined,
      onProgress: (done, total) => bar.update(done, total),
    });
  } finally {
    bar.finish();
  }
  const seconds = (result.durationMs / 1000).toFixed(1);
  const lines = [
    `Done in ${seconds} s: ${result.issued} of ${result.total} active policies got a document (${result.documentsPerSecond} documents/s).`,
    `  e-mails    ${result.notificationsQueued} queued; the running portal sends them.`,
  ];
  if (result.withoutEmail) lines.push(`  no e-mail  ${result.withoutEmail} (the customer has no e-mail address on file; the document is in the mailbox)`);
  const skipped = Object.entries(result.skipped) as [BulkSkipReason, number][];
  if (skipped.length) {
    lines.push(`  skipped    ${skipped.reduce((sum, [, n]) => sum + n, 0)}:`);
    for (const [reason, count] of skipped) lines.push(`    ${String(count).padStart(7)}  ${reason}${SKIP_REASONS[reason] ? ` (${SKIP_REASONS[reason]})` : ''}`);
  }
  lines.push(`  run id     ${result.runId} (in the audit events' metadata)`);
  env.stdout.write(`${lines.join('\n')}\n`);
}

export const documentCommand: Command = {
  summary: "issue documents into customers' mailboxes (one, or in bulk)",
  usage: USAGE,
  options: {
    customer: { type: 'string' },
    type: { type: 'string' },
    policy: { type: 'string' },
    file: { type: 'string' },
    product: { type: 'string' },
    again: { type: 'boolean' },
  },
  async run(values, positionals) {
    const request = parseDocumentArgs(values, positionals);
    const config = loadConfig();
    await withDatabase(({ sequelize }) =>
      runDocumentCommand(request, { sequelize, publicUrl: config.publicUrl, actorId: operator(), stdout: process.stdout, stderr: process.stderr }),
    );
  },
};
