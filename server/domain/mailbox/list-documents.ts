import { preparedStatement, selectPrepared } from '../../db/prepared-statement.ts';
import { isDocumentTypeCode, type DocumentTypeCode } from '../../kernel/document-types.ts';
import { DomainError } from '../../kernel/domain-error.ts';
import { brokerOf, isRowId, type CustomerScope, type DomainContext } from '../../kernel/context.ts';
import { paging, type Page, type PageRequest } from '../../kernel/paging.ts';
import { DOCUMENT_COLUMNS, DOCUMENT_SCOPE, documentViewOf, typeNameOf, type MailboxDocumentView } from './document-view.ts';
import type { LocalizedName } from '../../kernel/products.ts';

/**
 * The customer's mailbox, newest first, one page at a time (one bounded query: the counts per
 * type and the page). Filters: document type, contract, unread only. `unreadCount` and `types`
 * are for the whole mailbox the partner may see, whatever the filters.
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

// Runs on every mailbox view: a prepared statement. $1 customer, $2 broker scope or null, $3 type,
// $4 policy id, $5 unread only (each null for "any"), $6 limit, $7 offset.
const FROM = `documents d left join policies p on p.id = d.policy_id`;
const FILTERS = `($3::text is null or d.type = $3::text) and ($4::int is null or d.policy_id = $4::int)
    and ($5::boolean is not true or d.read_at is null)`;
/**
 * The counts and the page in one round trip. One pass over the customer's documents, grouped
 * by type, gives per type the documents of the whole mailbox (the type filter's options), the
 * filtered total and the unread count of the whole mailbox (their sums). Every row of the page
 * carries them (one row with no document when the page is empty); `type_counts` comes as text,
 * parsed once, not once per row.
 */
export const MAILBOX_LIST = preparedStatement(
  'mailbox_list',
  `with counts as (
     select d.type, count(*) as documents, count(*) filter (where ${FILTERS}) as matching, count(*) filter (where d.read_at is null) as unread
       from ${FROM} where ${DOCUMENT_SCOPE} group by d.type
   ), totals as (
     select coalesce(sum(matching), 0) as matching_total, coalesce(sum(unread), 0) as unread_total,
            cast(coalesce(json_agg(json_build_array(type, documents)), '[]') as text) as type_counts
       from counts
   ), page as (
     select ${DOCUMENT_COLUMNS} from ${FROM} where ${DOCUMENT_SCOPE} and ${FILTERS} order by d.issued_at desc, d.id limit $6 offset $7
   )
   select totals.matching_total, totals.unread_total, totals.type_counts, page.*
     from totals left join page on true
    order by page.issued_at desc, page.id`,
);

/** A row of `MAILBOX_LIST`: the totals, and a document's columns (null on the row of an empty page). */
export interface MailboxListRow extends Record<string, unknown> {
  matching_total: string;
  unread_total: string;
  type_counts: string;
}

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

  const rows = await selectPrepared<MailboxListRow>(ctx.sequelize, MAILBOX_LIST, [
    args.customerId,
    brokerOf(args),
    args.type ?? null,
    args.policyId ?? null,
    args.unread ?? null,
    page.limit,
    page.offset,
  ]);
  const totals = rows[0]!;
  const types = (JSON.parse(totals.type_counts) as [DocumentTypeCode, number][])
    .map(([type, count]) => ({ type, typeName: typeNameOf(type), count }))
    .sort((a, b) => (a.type < b.type ? -1 : 1));
  return {
    ...empty,
    items: rows.filter((row) => row.id != null).map(documentViewOf),
    total: Number(totals.matching_total),
    unreadCount: Number(totals.unread_total),
    types,
  };
}
