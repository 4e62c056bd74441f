import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { isoDateOf, isoTimestampOf } from '../../kernel/calendar.ts';
import { customerOf, type CustomerRecord, type PolicyRecord } from '../../documents/delivery/records.ts';
import { DomainError } from '../../kernel/domain-error.ts';
import type { InsuredObject, PostalAddress } from '../../kernel/insured-object.ts';
import type { PaymentFrequency, PaymentMethod, ProductCode } from '../../kernel/products.ts';
import { brokerOf, isRowId, type CustomerScope } from '../../kernel/context.ts';

/**
 * One policy of the acting customer, within the partner's broker scope. A policy of another
 * customer, of another broker, or one that does not exist all answer the same `not_found`
 * (`policy_not_found`): the caller cannot tell them apart.
 */
export interface ScopedPolicy extends PolicyRecord {
  brokerId: number | null;
  cancelReason: string | null;
  /** Where letters about this contract go; null: the customer's own address. */
  correspondenceAddress: PostalAddress | null;
  createdAt: string;
  updatedAt: string;
}

export interface ScopedCustomer extends CustomerRecord {
  phone: string | null;
  /** Where the customer's letters go when a contract names no address of its own; null: the home address. */
  correspondenceAddress: PostalAddress | null;
}

export interface ScopedPolicyWithCustomer {
  policy: ScopedPolicy;
  customer: ScopedCustomer;
}

type Row = Record<string, unknown>;

export const POLICY_COLUMNS = `p.id as p_id, p.customer_id, p.policy_number, p.product, p.status, p.start_date, p.end_date,
  p.cancelled_at, p.cancel_reason, p.annual_premium_huf, p.payment_frequency, p.payment_method, p.insured_object,
  p.correspondence_address, p.broker_id, b.name as broker_name, p.created_at as p_created_at, p.updated_at as p_updated_at`;

const CUSTOMER_COLUMNS = `c.id as c_id, c.customer_number, c.kind, c.name, c.birth_date, c.tax_number, c.postcode, c.city,
  c.address_line, c.correspondence_address as c_correspondence_address, c.email, c.phone, c.language, exists (select 1 from accounts a where a.customer_id = c.id) as has_account`;

function jsonOf<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function scopedPolicyOf(row: Row): ScopedPolicy {
  return {
    id: Number(row.p_id),
    customerId: Number(row.customer_id),
    policyNumber: String(row.policy_number),
    product: row.product as ProductCode,
    status: row.status as ScopedPolicy['status'],
    startDate: isoDateOf(row.start_date),
    endDate: row.end_date == null ? null : isoDateOf(row.end_date),
    cancelledAt: row.cancelled_at == null ? null : isoDateOf(row.cancelled_at),
    cancelReason: row.cancel_reason == null ? null : String(row.cancel_reason),
    annualPremiumHuf: Number(row.annual_premium_huf),
    paymentFrequency: row.payment_frequency as PaymentFrequency,
    paymentMethod: row.payment_method as PaymentMethod,
    insuredObject: jsonOf<InsuredObject>(row.insured_object),
    correspondenceAddress: row.correspondence_address == null ? null : jsonOf<PostalAddress>(row.correspondence_address),
    brokerId: row.broker_id == null ? null : Number(row.broker_id),
    brokerName: row.broker_name == null ? null : String(row.broker_name),
    createdAt: isoTimestampOf(row.p_created_at),
    updatedAt: isoTimestampOf(row.p_updated_at),
  };
}

function scopedCustomerOf(row: Row): ScopedCustomer {
  return {
    ...customerOf(row),
    phone: typeof row.phone === 'string' && row.phone.trim() ? row.phone.trim() : null,
    correspondenceAddress: row.c_correspondence_address == null ? null : jsonOf<PostalAddress>(row.c_correspondence_address),
  };
}

export function policyNotFound(): DomainError {
  return DomainError.notFound('policy_not_found', 'No such policy.');
}

/**
 * The policy with its holder, or `policy_not_found`. With `lock`, the policy row is locked
 * until the transaction ends (changes and throttled requests serialise on it).
 */
export async function findScopedPolicy(
  sequelize: Sequelize,
  scope: CustomerScope,
  policyId: unknown,
  options: { transaction?: Transaction | null; lock?: boolean } = {},
): Promise<ScopedPolicyWithCustomer> {
  if (!isRowId(policyId) || !isRowId(scope.customerId)) throw policyNotFound();
  const rows = await sequelize.query<Row>(
    `select ${POLICY_COLUMNS}, ${CUSTOMER_COLUMNS}
       from policies p
       join customers c on c.id = p.customer_id
       left join brokers b on b.id = p.broker_id
      where p.id = $1 and p.customer_id = $2 and ($3::int is null or p.broker_id = $3::int)
      ${options.lock ? 'for update of p' : ''}`,
    { bind: [policyId, scope.customerId, brokerOf(scope)], type: QueryTypes.SELECT, transaction: options.transaction ?? null },
  );
  const row = rows[0];
  if (!row) throw policyNotFound();
  return { policy: scopedPolicyOf(row), customer: scopedCustomerOf(row) };
}
