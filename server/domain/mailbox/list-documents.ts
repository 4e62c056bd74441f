import { preparedStatement, selectPrepared } from '../../db/prepared-statement.ts';
import { isDocumentTypeCode, type DocumentTypeCode } from '../../kernel/document-types.ts';
import { DomainError } from '../../kernel/domain-error.ts';
import { brokerOf, isRowId, type CustomerScope, type DomainContext } from '../../kernel/context.ts';
import { paging, type Page, type PageRequest } from '../../kernel/paging.ts';
import { DOCUMENT_COLUMNS, DOCUMENT_SCOPE, documentViewOf, typeNameOf, type MailboxDocumentView } from './document-view.ts';
import type { LocalizedName } from '../../kernel/products.ts';

/**
 * The customer's mailbox, newest first, one page at a time (two bounded queries: the counts
 * per type, then the page). Filters: document type, contract, unread only. `unreadCount` and
 * `types` are for the whole mailbox the partner may see, whatever the filters.
 */
export interface ListDocumentsArgs extends CustomerScope, PageRequest {
  type?: DocumentTypeCode | string;
  policyId?: number;
  unread?: boolean;
}

export interface DocumentList extends Page<MailboxDocumentView> {
  unreadCount: number;
  /** The document types of the whole mailbox the partner may see, whatever the filters: the type filter's choices. */
  types: MailboxTypeCount[];
}

export interface MailboxTypeCount {
  type: DocumentTypeCode;
  typeName: LocalizedName;
  /** Documents of this type in the whole mailbox. */
  count: number;
}

// Both run on every mailbox view: prepared statements. $1 customer, $2 broker scope or null,
// $3 type, $4 policy id, $5 unread only (each null for "any"); the page adds $6 limit, $7 offset.
const FROM = `documents d left join policies p on p.id = d.policy_id`;
const FILTERS = `($3::text is null or d.type = $3::text) and ($4::int is null or d.policy_id = $4::int)
    and ($5::boolean is not true or d.read_at is null)`;
/**
 * One pass over the customer's documents, grouped by type, gives the counts: per type the
 * documents of the whole mailbox (the type filter's options), the filtered total and the unread
 * count of the whole mailbox (their sums). At most one row per document type.
 */
export const MAILBOX_COUNTS = preparedStatement(
  'mailbox_counts_by_type',
  `select d.type, count(*) as documents, count(*) filter (where ${FILTERS}) as matching, count(*) filter (where d.read_at is null) as unread
     from ${FROM} where ${DOCUMENT_SCOPE} group by d.type`,
);
export const MAILBOX_PAGE = preparedStatement(
  'mailbox_page',
  `select ${DOCUMENT_COLUMNS} from ${FROM} where ${DOCUMENT_SCOPE} and ${FILTERS} order by d.issued_at desc, d.id limit $6 offset $7`,
);

export async function listDocuments(ctx: DomainContext, args: ListDocumentsArgs): Promise<DocumentList> {
  const page = paging(args);
  if (args.type !== undefined && !isDocumentTypeCode(args.type)) {
    throw DomainError.invalid('invalid_document_type', 'Unknown document type.', [{ field: 'type', code: 'unknown', message: 'Not a document type.' }]);
  }
  if (args.policyId !== undefined && !isRowId(args.policyId)) {
    throw DomainError.invalid('invalid_policy_filter', 'policyId is a policy id.', [{ field: 'policyId', code: 'invalid', message: 'A policy id.' }]);
  }
  const empty: DocumentList = { items: [], page: page.page, pageSize: page.pageSize, total: 0, unreadCount: 0, types: [] };
  if (!isRowId(args.customerId)) return empty;

  const bind = [args.customerId, brokerOf(args), args.type ?? null, args.policyId ?? null, args.unread ?? null];
  const counts = await selectPrepared<{ type: DocumentTypeCode; documents: string; matching: string; unread: string }>(ctx.sequelize, MAILBOX_COUNTS, bind);
  const rows = await selectPrepared<Record<string, unknown>>(ctx.sequelize, MAILBOX_PAGE, [...bind, page.limit, page.offset]);
  const sum = (column: 'matching' | 'unread') => counts.reduce((total, row) => total + Number(row[column]), 0);
  const types = counts
    .map((row) => ({ type: row.type, typeName: typeNameOf(row.type), count: Number(row.documents) }))
    .sort((a, b) => (a.type < b.type ? -1 : 1));
  return { ...empty, items: rows.map(documentViewOf), total: sum('matching'), unreadCount: sum('unread'), types };
}
