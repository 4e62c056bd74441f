import { PAYMENT_FREQUENCIES, type PaymentMethod } from '../../kernel/products.ts';
import { addDays, addMonths, at, maxDate, minDate } from '../dates.ts';
import type { SeedInvoice, SeedPolicy } from '../model.ts';
import type { Random } from '../random.ts';
import { yesterday, type SeedContext } from './context.ts';

/**
 * The premium notices of a policy over the last ~15 months, plus the next one if it has been
 * issued (30 days before its due date). Past-due notices are paid, except a few recent ones
 * left open (overdue); a non-payment cancellation leaves its last notice open; a notice issued
 * for a period after the cancellation is voided.
 */
export interface InvoiceHints {
  /** Leave the latest past-due notice open (the demo needs an overdue one). */
  overdueLatest?: boolean;
  /** Never leave a past-due notice open. */
  allPaid?: boolean;
}

const NOTICE_DAYS = 30;
const HISTORY_MONTHS = 15;

// How often a recent notice is still unpaid, by how it is paid.
const OVERDUE_RATE: Record<PaymentMethod, number> = { bank_transfer: 0.2, postal_cheque: 0.2, card: 0.08, direct_debit: 0.03 };

export function invoiceNumber(ctx: SeedContext): string {
  ctx.counters.invoice += 1;
  return `DB-${10_000_000 + ctx.counters.invoice}`;
}

export function generateInvoices(ctx: SeedContext, policy: SeedPolicy, hints: InvoiceHints = {}): SeedInvoice[] {
  const r = ctx.rng.fork();
  const last = yesterday(ctx);
  const created = policy.createdAt.slice(0, 10);
  const periods = policy.product === 'travel' ? travelPeriod(policy) : schedule(ctx, policy);
  const invoices: SeedInvoice[] = [];
  for (const period of periods) {
    const issued = policy.product === 'travel' ? created : maxDate(addDays(period.start, -NOTICE_DAYS), created);
    if (issued > last) break;
    const dueDate = policy.product === 'travel' ? (policy.paymentMethod === 'card' ? created : addDays(created, 8)) : period.start;
    invoices.push({
      invoiceNumber: invoiceNumber(ctx),
      policyNumber: policy.policyNumber,
      customerNumber: policy.customerNumber,
      periodStart: period.start,
      periodEnd: period.end,
      amountHuf: period.amount,
      dueDate,
      status: policy.cancelledAt && period.start > policy.cancelledAt ? 'cancelled' : dueDate > last ? 'open' : 'paid',
      paidAt: null,
      createdAt: at(issued, r.int(300, 420)),
    });
  }
  settle(ctx, r, policy, invoices, hints);
  return invoices;
}

interface Period {
  start: string;
  end: string;
  amount: number;
}

function travelPeriod(policy: SeedPolicy): Period[] {
  return [{ start: policy.startDate, end: policy.endDate ?? policy.startDate, amount: policy.annualPremiumHuf }];
}

function schedule(ctx: SeedContext, policy: SeedPolicy): Period[] {
  const step = PAYMENT_FREQUENCIES[policy.paymentFrequency].months;
  const amount = policy.annualPremiumHuf / (12 / step);
  const from = addMonths(ctx.today, -HISTORY_MONTHS);
  const until = addDays(ctx.today, NOTICE_DAYS);
  const periods: Period[] = [];
  for (let i = 0; ; i++) {
    const start = addMonths(policy.startDate, i * step);
    if (start > until) break;
    const end = addDays(addMonths(policy.startDate, (i + 1) * step), -1);
    if (end < from) continue;
    periods.push({ start, end, amount });
    // One notice past the cancellation may already have gone out; it is voided, not dunned.
    if (policy.cancelledAt && start > policy.cancelledAt) break;
  }
  return periods;
}

/** Decides which past-due notices were paid, and when. */
function settle(ctx: SeedContext, r: Random, policy: SeedPolicy, invoices: SeedInvoice[], hints: InvoiceHints): void {
  const last = yesterday(ctx);
  const pastDue = invoices.filter((i) => i.status === 'paid');
  const latest = pastDue[pastDue.length - 1];
  const unpaid = new Set<SeedInvoice>();
  if (policy.cancelReason === 'non_payment' && latest) unpaid.add(latest);
  else if (hints.overdueLatest && latest) unpaid.add(latest);
  else if (
    !hints.allPaid &&
    latest &&
    policy.status === 'active' &&
    latest.dueDate >= addDays(ctx.today, -55) &&
    r.chance(OVERDUE_RATE[policy.paymentMethod])
  ) {
    unpaid.add(latest);
  }
  for (const invoice of pastDue) {
    if (unpaid.has(invoice)) {
      invoice.status = 'open';
      continue;
    }
    const offset = paymentDelay(r, policy.paymentMethod);
    const day = minDate(maxDate(addDays(invoice.dueDate, offset), invoice.createdAt.slice(0, 10)), last);
    invoice.paidAt = at(day, r.int(420, 1200));
  }
}

/** Days from the due date to the payment: transfers and cheques wander, direct debit is exact. */
function paymentDelay(r: Random, method: PaymentMethod): number {
  switch (method) {
    case 'direct_debit':
      return 0;
    case 'card':
      return -r.int(0, 10);
    case 'bank_transfer':
      return r.int(-14, 12);
    case 'postal_cheque':
      return r.int(-10, 20);
  }
}
