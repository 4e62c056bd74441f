import { QueryTypes } from 'sequelize';
import { DomainError } from '../../kernel/domain-error.ts';
import { brokerOf, isRowId, isUuid, type CustomerScope, type DomainContext } from '../../kernel/context.ts';
import { paging, type Page, type PageRequest } from '../../kernel/paging.ts';
import { REQUEST_COLUMNS, requestViewOf, type DocumentRequestView } from './request-view.ts';

/**
 * The customer's document requests, newest first (two queries), and one request. Requests on
 * contracts outside the partner's broker scope, another customer's or missing ones all answer
 * `document_request_not_found`.
 */
export interface ListDocumentRequestsArgs extends CustomerScope, PageRequest {
  policyId?: number;
}

export interface GetDocumentRequestArgs extends CustomerScope {
  requestId: string;
}

const SCOPE = `r.customer_id = $1 and ($2::int is null or p.broker_id = $2::int)`;

export async function listDocumentRequests(ctx: DomainContext, args: ListDocumentRequestsArgs): Promise<Page<DocumentRequestView>> {
  const page = paging(args);
  if (args.policyId !== undefined && !isRowId(args.policyId)) {
    throw DomainError.invalid('invalid_policy_filter', 'policyId is a policy id.', [{ field: 'policyId', code: 'invalid', message: 'A policy id.' }]);
  }
  if (!isRowId(args.customerId)) return { items: [], page: page.page, pageSize: page.pageSize, total: 0 };
  const bind = [args.customerId, brokerOf(args), args.policyId ?? null];
  const filter = `${SCOPE} and ($3::int is null or r.policy_id = $3::int)`;
  const [countRow] = await ctx.sequelize.query<{ n: string | number }>(
    `select count(*) as n from document_requests r left join policies p on p.id = r.policy_id where ${filter}`,
    { bind, type: QueryTypes.SELECT },
  );
  const rows = await ctx.sequelize.query<Record<string, unknown>>(
    `select ${REQUEST_COLUMNS} from document_requests r left join policies p on p.id = r.policy_id where ${filter}
      order by r.created_at desc, r.id limit $4 offset $5`,
    { bind: [...bind, page.limit, page.offset], type: QueryTypes.SELECT },
  );
  return { items: rows.map(requestViewOf), page: page.page, pageSize: page.pageSize, total: Number(countRow?.n ?? 0) };
}

export async function getDocumentRequest(ctx: DomainContext, args: GetDocumentRequestArgs): Promise<DocumentRequestView> {
  const notFound = () => DomainError.notFound('document_request_not_found', 'No such document request.');
  if (!isUuid(args.requestId) || !isRowId(args.customerId)) throw notFound();
  const [row] = await ctx.sequelize.query<Record<string, unknown>>(
    `select ${REQUEST_COLUMNS} from document_requests r left join policies p on p.id = r.policy_id where ${SCOPE} and r.id = $3`,
    { bind: [args.customerId, brokerOf(args), args.requestId], type: QueryTypes.SELECT },
  );
  if (!row) throw notFound();
  return requestViewOf(row);
}
