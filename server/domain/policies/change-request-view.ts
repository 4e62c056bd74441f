import type { PostalAddress } from '../../kernel/insured-object.ts';
import type { PaymentFrequency, PaymentMethod } from '../../kernel/products.ts';

/** A contract data change as the portal shows it (`change_requests`). */
export type ChangeKind = 'payment_method' | 'payment_frequency' | 'correspondence_address';
export type ChangeStatus = 'applied' | 'pending' | 'rejected';

export type ChangeValue = PaymentMethod | PaymentFrequency | PostalAddress | null;

export interface ChangeRequestView {
  id: string;
  policyId: number;
  kind: ChangeKind;
  oldValue: ChangeValue;
  newValue: ChangeValue;
  status: ChangeStatus;
  /** Why it waits (or waited) for back-office review; null when it applied at once. */
  reviewReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export const CHANGE_REQUEST_COLUMNS = 'cr.id, cr.policy_id, cr.kind, cr.old_value, cr.new_value, cr.status, cr.review_reason, cr.created_at, cr.decided_at';

function jsonOf(value: unknown): ChangeValue {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' && (value.startsWith('{') || value.startsWith('"')) ? JSON.parse(value) : value) as ChangeValue;
}

const iso = (value: unknown) => (value instanceof Date ? value : new Date(String(value))).toISOString();

export function changeRequestOf(row: Record<string, unknown>): ChangeRequestView {
  return {
    id: String(row.id),
    policyId: Number(row.policy_id),
    kind: row.kind as ChangeKind,
    oldValue: jsonOf(row.old_value),
    newValue: jsonOf(row.new_value),
    status: row.status as ChangeStatus,
    reviewReason: row.review_reason == null ? null : String(row.review_reason),
    createdAt: iso(row.created_at),
    decidedAt: row.decided_at == null ? null : iso(row.decided_at),
  };
}
