import { QueryTypes } from 'sequelize';
import { preparedStatement, selectPrepared } from '../../db/prepared-statement.ts';
import { DomainError } from '../../kernel/domain-error.ts';
import { brokerOf, isRowId, type CustomerScope, type DomainContext } from '../../kernel/context.ts';
import { paging, type Page, type PageRequest } from '../../kernel/paging.ts';
import {
  ATTACHMENT_META_COLUMNS,
  CLAIM_COLUMNS,
  HISTORY_COLUMNS,
  attachmentMetaOf,
  claimDetailOf,
  claimSummaryOf,
  historyEntryOf,
  type ClaimDetail,
  type ClaimStatusEntry,
  type ClaimSummary,
} from './claim-views.ts';

/**
 * The customer's claims (Káraim), newest first, each with its status history; and one claim
 * with its description, other party and attachments' metadata. A claim on a policy outside
 * the partner's broker scope, another customer's or a missing one all answer
 * `claim_not_found`. Bounded: a list is three queries (count, page, histories of the page),
 * a detail three (claim, history, attachments), whatever they hold.
 */
export interface ListClaimsArgs extends CustomerScope, PageRequest {
  /** Only the claims of this policy. */
  policyId?: number;
}

export interface GetClaimArgs extends CustomerScope {
  claimId: number;
}

type Row = Record<string, unknown>;

/** A customer's claims, within a broker partner's scope: `$1` customer id, `$2` broker id or null. */
export const CLAIM_SCOPE = `c.customer_id = $1 and ($2::int is null or p.broker_id = $2::int)`;

export function claimNotFound(): DomainError {
  return DomainError.notFound('claim_not_found', 'No such claim.');
}

function groupHistory(rows: Row[]): Map<number, ClaimStatusEntry[]> {
  const byClaim = new Map<number, ClaimStatusEntry[]>();
  for (const row of rows) {
    const id = Number(row.claim_id);
    const list = byClaim.get(id) ?? [];
    list.push(historyEntryOf(row));
    byClaim.set(id, list);
  }
  return byClaim;
}

// The claims list runs on every view of the claim form: prepared statements. $1 customer,
// $2 broker scope or null, $3 policy or null; the page adds $4 limit, $5 offset.
const LIST_FILTER = `${CLAIM_SCOPE} and ($3::int is null or c.policy_id = $3::int)`;
const CLAIM_COUNT = preparedStatement('claim_count', `select count(*) as n from claims c join policies p on p.id = c.policy_id where ${LIST_FILTER}`);
const CLAIM_PAGE = preparedStatement(
  'claim_page',
  `select ${CLAIM_COLUMNS} from claims c join policies p on p.id = c.policy_id where ${LIST_FILTER}
    order by c.created_at desc, c.id desc limit $4 offset $5`,
);
/** $1 the claims' ids. */
const CLAIM_HISTORIES = preparedStatement(
  'claim_histories',
  `select ${HISTORY_COLUMNS} from claim_status_history h where h.claim_id = any($1::int[]) order by h.claim_id, h.created_at, h.id`,
);

export async function listClaims(ctx: DomainContext, args: ListClaimsArgs): Promise<Page<ClaimSummary>> {
  const page = paging(args);
  if (args.policyId !== undefined && !isRowId(args.policyId)) {
    throw DomainError.invalid('invalid_policy_filter', 'policyId is a policy id.', [{ field: 'policyId', code: 'invalid', message: 'A policy id.' }]);
  }
  if (!isRowId(args.customerId)) return { items: [], page: page.page, pageSize: page.pageSize, total: 0 };
  const { sequelize } = ctx;
  const bind = [args.customerId, brokerOf(args), args.policyId ?? null];

  const [countRow] = await selectPrepared<{ n: string | number }>(sequelize, CLAIM_COUNT, bind);
  const rows = await selectPrepared<Row>(sequelize, CLAIM_PAGE, [...bind, page.limit, page.offset]);
  const historyRows = await selectPrepared<Row>(sequelize, CLAIM_HISTORIES, [rows.map((r) => Number(r.id))]);
  const history = groupHistory(historyRows);
  return {
    items: rows.map((row) => claimSummaryOf(row, history.get(Number(row.id)) ?? [])),
    page: page.page,
    pageSize: page.pageSize,
    total: Number(countRow?.n ?? 0),
  };
}

/** The claim row inside the scope, or `claim_not_found`. */
export async function findScopedClaim(ctx: DomainContext, scope: CustomerScope, claimId: unknown): Promise<Row> {
  if (!isRowId(claimId) || !isRowId(scope.customerId)) throw claimNotFound();
  const [row] = await ctx.sequelize.query<Row>(
    `select ${CLAIM_COLUMNS} from claims c join policies p on p.id = c.policy_id where ${CLAIM_SCOPE} and c.id = $3`,
    {
      bind: [scope.customerId, brokerOf(scope), claimId],
      type: QueryTypes.SELECT,
    },
  );
  if (!row) throw claimNotFound();
  return row;
}

export async function getClaim(ctx: DomainContext, args: GetClaimArgs): Promise<ClaimDetail> {
  const row = await findScopedClaim(ctx, args, args.claimId);
  const id = Number(row.id);
  const historyRows = await ctx.sequelize.query<Row>(
    `select ${HISTORY_COLUMNS} from claim_status_history h where h.claim_id = $1 order by h.created_at, h.id`,
    { bind: [id], type: QueryTypes.SELECT },
  );
  const attachmentRows = await ctx.sequelize.query<Row>(
    `select ${ATTACHMENT_META_COLUMNS} from claim_attachments a where a.claim_id = $1 order by a.created_at, a.filename, a.id`,
    { bind: [id], type: QueryTypes.SELECT },
  );
  return claimDetailOf(row, historyRows.map(historyEntryOf), attachmentRows.map(attachmentMetaOf));
}
