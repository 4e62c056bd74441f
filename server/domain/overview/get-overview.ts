import { preparedStatement, selectPrepared } from '../../db/prepared-statement.ts';
import { addDays, budapestDate, isoDateOf, isoTimestampOf, nextAnniversary } from '../../kernel/calendar.ts';
import { brokerOf, isRowId, nowOf, type CustomerScope, type DomainContext } from '../../kernel/context.ts';
import type { ProductCode } from '../../kernel/products.ts';
import { CLAIM_SCOPE } from '../claims/list-claims.ts';
import { listDocuments } from '../mailbox/list-documents.ts';
import { outstandingTotal, type InvoiceScope, type OutstandingTotal } from '../payments/invoices.ts';

/**
 * The overview (`<gp-overview>`, the standalone page's landing view): what needs the customer's
 * attention across every area, in a fixed number of queries, within the partner's scope.
 *
 * `actionCount` is what a partner may badge its own navigation with: the open invoices (each can
 * be paid) plus the unread documents (each should be read). Open claims and renewals are shown
 * but wait on the insurer or the calendar, not on the customer.
 */
export interface Overview {
  premium: OutstandingTotal & {
    /** The earliest open invoice that is not yet overdue: what falls due next. */
    nextDue: { invoiceId: number; policyNumber: string; dueDate: string; amountHuf: number } | null;
  };
  documents: { unreadCount: number; latestUnread: { id: string; title: string; issuedAt: string } | null };
  claims: { openCount: number; open: OpenClaim[] };
  renewals: Renewal[];
  /** The broker who intermediates the contracts a broker partner shows; null on the insurer's own portal. */
  broker: BrokerContact | null;
  actionCount: number;
}

export type OpenClaimStatus = 'received' | 'in_review' | 'approved';

export interface OpenClaim {
  id: number;
  claimNumber: string;
  policyNumber: string;
  product: ProductCode;
  status: OpenClaimStatus;
  /** What the claim waits for, by its status: an adjuster to take it, the assessment, the payout. */
  waitingFor: 'assignment' | 'assessment' | 'payout';
  reportedAt: string;
}

export interface Renewal {
  policyId: number;
  policyNumber: string;
  product: ProductCode;
  /** `anniversary`: the insurance year turns (the premium may change); `expiry`: the contract ends. */
  kind: 'anniversary' | 'expiry';
  date: string;
  daysLeft: number;
}

export interface BrokerContact {
  name: string;
  phone: string | null;
  email: string | null;
  website: string | null;
}

/** Renewals this many days ahead are shown. */
export const RENEWAL_WINDOW_DAYS = 60;
/** At most this many open claims are listed (the count covers all). */
export const OPEN_CLAIMS_SHOWN = 5;

const WAITING_FOR: Record<OpenClaimStatus, OpenClaim['waitingFor']> = { received: 'assignment', in_review: 'assessment', approved: 'payout' };
const OPEN = `c.status in ('received', 'in_review', 'approved')`;

// $1 customer, $2 broker scope or null.
const OPEN_CLAIMS = preparedStatement(
  'overview_open_claims',
  `select c.id, c.claim_number, p.policy_number, p.product, c.status, c.created_at, count(*) over () as total
     from claims c join policies p on p.id = c.policy_id
    where ${CLAIM_SCOPE} and ${OPEN} order by c.created_at desc, c.id desc limit ${OPEN_CLAIMS_SHOWN}`,
);
const ACTIVE_POLICIES = preparedStatement(
  'overview_active_policies',
  `select p.id, p.policy_number, p.product, p.start_date, p.end_date from policies p
    where p.customer_id = $1 and ($2::int is null or p.broker_id = $2::int) and p.status = 'active' order by p.id`,
);
// $1 the next due date's earliest bound (today), $2 customer, $3 allowed policy ids or null.
const NEXT_DUE = preparedStatement(
  'overview_next_due',
  `select i.id, p.policy_number, i.due_date, i.amount_huf from invoices i join policies p on p.id = i.policy_id
    where i.customer_id = $2 and i.status = 'open' and i.due_date >= $1::date and ($3::int[] is null or i.policy_id = any($3::int[]))
    order by i.due_date, i.id limit 1`,
);
const BROKER = preparedStatement('overview_broker', `select name, phone, email, website from brokers where id = $1`);

export async function getOverview(ctx: DomainContext, scope: CustomerScope, invoiceScope: InvoiceScope): Promise<Overview> {
  const today = budapestDate(nowOf(ctx));
  const empty: Overview = {
    premium: { totalHuf: 0, count: 0, overdueHuf: 0, overdueCount: 0, nextDue: null },
    documents: { unreadCount: 0, latestUnread: null },
    claims: { openCount: 0, open: [] },
    renewals: [],
    broker: null,
    actionCount: 0,
  };
  if (!isRowId(scope.customerId)) return empty;
  const broker = brokerOf(scope);
  const invoiceCtx = { sequelize: ctx.sequelize, now: ctx.now };
  const [outstanding, [next], unread, claimRows, policies, [brokerRow]] = await Promise.all([
    outstandingTotal(invoiceCtx, scope.customerId, invoiceScope),
    selectPrepared<Record<string, unknown>>(ctx.sequelize, NEXT_DUE, [today, scope.customerId, invoiceScope.allowedPolicyIds ?? null]),
    listDocuments(ctx, { ...scope, unread: true, pageSize: 1 }),
    selectPrepared<Record<string, unknown>>(ctx.sequelize, OPEN_CLAIMS, [scope.customerId, broker]),
    selectPrepared<Record<string, unknown>>(ctx.sequelize, ACTIVE_POLICIES, [scope.customerId, broker]),
    broker === null ? Promise.resolve([]) : selectPrepared<Record<string, unknown>>(ctx.sequelize, BROKER, [broker]),
  ]);
  const latest = unread.items[0];
  return {
    premium: {
      ...outstanding,
      nextDue: next
        ? { invoiceId: Number(next.id), policyNumber: String(next.policy_number), dueDate: isoDateOf(next.due_date), amountHuf: Number(next.amount_huf) }
        : null,
    },
    documents: { unreadCount: unread.unreadCount, latestUnread: latest ? { id: latest.id, title: latest.title, issuedAt: latest.issuedAt } : null },
    claims: { openCount: Number(claimRows[0]?.total ?? 0), open: claimRows.map(openClaimOf) },
    renewals: policies.flatMap((row) => renewalOf(row, today)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.policyId - b.policyId)),
    broker: brokerRow
      ? { name: String(brokerRow.name), phone: textOrNull(brokerRow.phone), email: textOrNull(brokerRow.email), website: textOrNull(brokerRow.website) }
      : null,
    actionCount: outstanding.count + unread.unreadCount,
  };
}

function openClaimOf(row: Record<string, unknown>): OpenClaim {
  const status = row.status as OpenClaimStatus;
  return {
    id: Number(row.id),
    claimNumber: String(row.claim_number),
    policyNumber: String(row.policy_number),
    product: row.product as ProductCode,
    status,
    waitingFor: WAITING_FOR[status],
    reportedAt: isoTimestampOf(row.created_at),
  };
}

/** A contract's next turning point within the window: its end if it has one, else its anniversary. */
function renewalOf(row: Record<string, unknown>, today: string): Renewal[] {
  const end = row.end_date == null ? null : isoDateOf(row.end_date);
  const kind = end === null ? 'anniversary' : 'expiry';
  const date = end ?? nextAnniversary(isoDateOf(row.start_date), today);
  if (date < today || date > addDays(today, RENEWAL_WINDOW_DAYS)) return [];
  const daysLeft = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return [{ policyId: Number(row.id), policyNumber: String(row.policy_number), product: row.product as ProductCode, kind, date, daysLeft }];
}

const textOrNull = (value: unknown): string | null => (value == null || value === '' ? null : String(value));
