import { preparedStatement, selectPrepared } from '../../db/prepared-statement.ts';
import { budapestDate } from '../../kernel/calendar.ts';
import { DomainError } from '../../kernel/domain-error.ts';
import { brokerOf, isRowId, nowOf, type CustomerScope, type DomainContext } from '../../kernel/context.ts';
import { paging, type Page, type PageRequest } from '../../kernel/paging.ts';
import { POLICY_COLUMNS, scopedPolicyOf } from './policy-access.ts';
import { policySummary, type PolicyStatus, type PolicySummary } from './policy-views.ts';

/**
 * The customer's contracts, live and cancelled (élő / törölt), live first, newest first.
 * One query whatever the page holds (`POLICY_LIST`): the counts per status beside the page,
 * each policy with its outstanding premium and pending changes.
 */
export type PolicyStatusFilter = PolicyStatus | 'all';

export interface ListPoliciesArgs extends CustomerScope, PageRequest {
  status?: PolicyStatusFilter;
}

export interface PolicyList extends Page<PolicySummary> {
  status: PolicyStatusFilter;
  /** Per status, whatever the filter (the tabs' numbers). */
  counts: Record<PolicyStatus, number>;
}

const STATUS_FILTERS: readonly PolicyStatusFilter[] = ['active', 'cancelled', 'all'];

/**
 * One statement per contract list view (prepared): the counts per status (the tabs' numbers,
 * whatever the filter) beside one page of policies, each with its outstanding premium and pending
 * changes. A page past the end still answers one row, with the counts and no policy.
 * $1 customer, $2 broker scope or null, $3 status or null, $4 today (Budapest), $5 limit, $6 offset.
 */
export const POLICY_LIST = preparedStatement(
  'policy_list',
  `with counts as (
     select count(*) filter (where status = 'active') as active_count, count(*) filter (where status = 'cancelled') as cancelled_count
       from policies where customer_id = $1 and ($2::int is null or broker_id = $2::int)
   ), page as (
     select ${POLICY_COLUMNS}, o.outstanding_huf, o.open_invoices, o.overdue_invoices, r.pending_changes,
            case p.status when 'active' then 0 else 1 end as status_order
       from policies p
       left join brokers b on b.id = p.broker_id
       cross join lateral (
         select coalesce(sum(i.amount_huf), 0) as outstanding_huf, count(*) as open_invoices,
                count(*) filter (where i.due_date < $4::date) as overdue_invoices
           from invoices i where i.policy_id = p.id and i.status = 'open') o
       cross join lateral (
         select count(*) as pending_changes from change_requests cr where cr.policy_id = p.id and cr.status = 'pending') r
      where p.customer_id = $1 and ($2::int is null or p.broker_id = $2::int) and ($3::text is null or p.status = $3::text)
      order by status_order, p.start_date desc, p.id desc
      limit $5 offset $6
   )
   select counts.active_count, counts.cancelled_count, page.*
     from counts left join page on true
    order by page.status_order, page.start_date desc, page.p_id desc`,
);

export async function listPolicies(ctx: DomainContext, args: ListPoliciesArgs): Promise<PolicyList> {
  const status = args.status ?? 'all';
  if (!STATUS_FILTERS.includes(status)) {
    throw DomainError.invalid('invalid_status_filter', 'The status filter is active, cancelled or all.', [
      { field: 'status', code: 'not_allowed', message: 'One of active, cancelled, all.' },
    ]);
  }
  const page = paging(args);
  const counts: Record<PolicyStatus, number> = { active: 0, cancelled: 0 };
  if (!isRowId(args.customerId)) return { items: [], page: page.page, pageSize: page.pageSize, total: 0, status, counts };

  const { sequelize } = ctx;
  const broker = brokerOf(args);
  const statusBind = status === 'all' ? null : status;
  const rows = await selectPrepared<Record<string, unknown>>(sequelize, POLICY_LIST, [
    args.customerId,
    broker,
    statusBind,
    budapestDate(nowOf(ctx)),
    page.limit,
    page.offset,
  ]);
  counts.active = Number(rows[0]?.active_count ?? 0);
  counts.cancelled = Number(rows[0]?.cancelled_count ?? 0);

  const items = rows
    .filter((row) => row.p_id != null)
    .map((row) =>
      policySummary(scopedPolicyOf(row), {
        outstandingHuf: Number(row.outstanding_huf),
        openInvoices: Number(row.open_invoices),
        overdueInvoices: Number(row.overdue_invoices),
        pendingChanges: Number(row.pending_changes),
      }),
    );
  const total = status === 'all' ? counts.active + counts.cancelled : counts[status];
  return { items, page: page.page, pageSize: page.pageSize, total, status, counts };
}
