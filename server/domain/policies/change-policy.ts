import { randomUUID } from 'node:crypto';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { insertRows } from '../../db/insert-rows.ts';
import { budapestDate } from '../../kernel/calendar.ts';
import { deliverDocument } from '../../documents/delivery/deliver-document.ts';
import { documentParty, documentPolicy } from '../../documents/delivery/document-input.ts';
import type { CustomerRecord } from '../../documents/delivery/records.ts';
import { issueDocument, type IssuedDocument } from '../../documents/issue.ts';
import type { ChangeConfirmationInput } from '../../documents/pdf/input.ts';
import { DomainError } from '../../kernel/domain-error.ts';
import type { PostalAddress } from '../../kernel/insured-object.ts';
import { PAYMENT_FREQUENCIES, PAYMENT_METHODS, isAllowedPaymentTerms, type PaymentFrequency, type PaymentMethod } from '../../kernel/products.ts';
import { recordCustomerAudit, type CustomerAuditEvent } from './audit.ts';
import { CHANGE_REQUEST_COLUMNS, changeRequestOf, type ChangeKind, type ChangeRequestView, type ChangeValue } from './change-request-view.ts';
import { reviewReasonFor, type ReviewReason } from './change-rules.ts';
import { nowOf, type CustomerActor, type DomainContext } from '../../kernel/context.ts';
import { parsePostalAddress, sameAddress } from './correspondence-address.ts';
import { findScopedPolicy, type ScopedPolicy } from './policy-access.ts';
import { formatAddress } from './policy-views.ts';
import { Problems } from '../../kernel/problems.ts';

/**
 * Modifies contract data (szerződéses adatok módosítása): payment method, payment frequency,
 * correspondence address, on an active contract, within the product's payment rules. Each
 * changed field is one `change_requests` row, applied at once or pending review by the rule in
 * ./change-rules.ts. Changes applied at once update the policy and are confirmed by a
 * Szerződésmódosítás visszaigazolása in the mailbox with its e-mail notification; the PDF is
 * rendered before the transaction, and the request rows, the policy update, the document, the
 * notification and the audit events are written in one transaction.
 *
 * Refusals (nothing is written): `invalid_payment_method`, `invalid_payment_frequency`,
 * `invalid_correspondence_address`, `unknown_change` (invalid); `policy_not_found`;
 * `policy_not_active` (conflict); `no_change` (invalid: every given value is the current one);
 * `change_already_pending` (conflict); `payment_terms_not_allowed` (invalid);
 * `policy_changed_concurrently` (conflict: the contract changed while this one was prepared).
 */
export interface PolicyChangeInput {
  paymentMethod?: PaymentMethod | string;
  paymentFrequency?: PaymentFrequency | string;
  correspondenceAddress?: PostalAddress | { postcode?: unknown; city?: unknown; addressLine?: unknown };
}

export interface ChangePolicyArgs extends CustomerActor {
  policyId: number;
  changes: PolicyChangeInput;
}

export interface ChangePolicyResult {
  policyId: number;
  changes: ChangeRequestView[];
  /** The mailbox confirmation of the changes applied at once; null when every change waits for review. */
  confirmation: { documentId: string; notificationId: string | null } | null;
}

interface Wanted {
  paymentMethod?: PaymentMethod;
  paymentFrequency?: PaymentFrequency;
  correspondenceAddress?: PostalAddress;
}

interface PlannedChange {
  kind: ChangeKind;
  oldValue: ChangeValue;
  newValue: ChangeValue;
  reviewReason: ReviewReason | null;
}

const FIELDS = ['paymentMethod', 'paymentFrequency', 'correspondenceAddress'] as const;

const LABELS: Record<ChangeKind, string> = {
  payment_method: 'Díjfizetés módja',
  payment_frequency: 'Díjfizetés gyakorisága',
  correspondence_address: 'Levelezési cím',
};

/** The shape of the input, before the contract is looked at. */
export function parsePolicyChanges(input: unknown): Wanted {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw DomainError.invalid('no_change', 'Name at least one change.');
  }
  const raw = input as Record<string, unknown>;
  const unknown = Object.keys(raw).filter((k) => !(FIELDS as readonly string[]).includes(k) && raw[k] !== undefined);
  if (unknown.length) {
    throw DomainError.invalid(
      'unknown_change',
      'Only the payment method, the payment frequency and the correspondence address can be changed here.',
      unknown.map((field) => ({ field, code: 'not_changeable', message: 'This field cannot be changed here.' })),
    );
  }
  const problems = new Problems();
  const wanted: Wanted = {};
  if (raw.paymentMethod !== undefined) {
    if (typeof raw.paymentMethod === 'string' && Object.hasOwn(PAYMENT_METHODS, raw.paymentMethod)) wanted.paymentMethod = raw.paymentMethod as PaymentMethod;
    else problems.add('invalid_payment_method', 'paymentMethod', 'not_allowed', `One of ${Object.keys(PAYMENT_METHODS).join(', ')}.`);
  }
  if (raw.paymentFrequency !== undefined) {
    if (typeof raw.paymentFrequency === 'string' && Object.hasOwn(PAYMENT_FREQUENCIES, raw.paymentFrequency)) {
      wanted.paymentFrequency = raw.paymentFrequency as PaymentFrequency;
    } else problems.add('invalid_payment_frequency', 'paymentFrequency', 'not_allowed', `One of ${Object.keys(PAYMENT_FREQUENCIES).join(', ')}.`);
  }
  if (raw.correspondenceAddress !== undefined) {
    const address = parsePostalAddress(raw.correspondenceAddress, problems, 'invalid_correspondence_address', 'correspondenceAddress');
    if (address) wanted.correspondenceAddress = address;
  }
  problems.throwIfAny('The requested contract change is not valid.');
  if (Object.keys(wanted).length === 0) throw DomainError.invalid('no_change', 'Name at least one change.');
  return wanted;
}

function customerAddress(customer: CustomerRecord): PostalAddress {
  return { postcode: customer.postcode, city: customer.city, addressLine: customer.addressLine };
}

/** The requested values that differ from the contract's. */
function diff(policy: ScopedPolicy, customer: CustomerRecord, wanted: Wanted): Omit<PlannedChange, 'reviewReason'>[] {
  const out: Omit<PlannedChange, 'reviewReason'>[] = [];
  if (wanted.paymentMethod !== undefined && wanted.paymentMethod !== policy.paymentMethod) {
    out.push({ kind: 'payment_method', oldValue: policy.paymentMethod, newValue: wanted.paymentMethod });
  }
  if (wanted.paymentFrequency !== undefined && wanted.paymentFrequency !== policy.paymentFrequency) {
    out.push({ kind: 'payment_frequency', oldValue: policy.paymentFrequency, newValue: wanted.paymentFrequency });
  }
  if (wanted.correspondenceAddress !== undefined) {
    const current = policy.correspondenceAddress ?? customerAddress(customer);
    if (!sameAddress(current, wanted.correspondenceAddress)) {
      out.push({ kind: 'correspondence_address', oldValue: policy.correspondenceAddress, newValue: wanted.correspondenceAddress });
    }
  }
  return out;
}

async function pendingKinds(sequelize: Sequelize, policyId: number, transaction: Transaction | null): Promise<Map<ChangeKind, ChangeRequestView>> {
  const rows = await sequelize.query<Record<string, unknown>>(
    `select ${CHANGE_REQUEST_COLUMNS} from change_requests cr where cr.policy_id = $1 and cr.status = 'pending' order by cr.created_at`,
    { bind: [policyId], type: QueryTypes.SELECT, transaction },
  );
  return new Map(rows.map((row) => changeRequestOf(row)).map((c) => [c.kind, c]));
}

/** The method and frequency must fit the product now, and once the pending frequency applies. */
function assertPaymentTerms(policy: ScopedPolicy, planned: PlannedChange[], pending: Map<ChangeKind, ChangeRequestView>): void {
  const value = <T>(kind: ChangeKind, current: T, immediateOnly: boolean): T => {
    const change = planned.find((c) => c.kind === kind && (!immediateOnly || c.reviewReason === null));
    return change ? (change.newValue as T) : current;
  };
  const methodNow = value<PaymentMethod>('payment_method', policy.paymentMethod, true);
  const frequencyNow = value<PaymentFrequency>('payment_frequency', policy.paymentFrequency, true);
  const later = value<PaymentFrequency>('payment_frequency', (pending.get('payment_frequency')?.newValue as PaymentFrequency) ?? frequencyNow, false);
  const methodLater = value<PaymentMethod>('payment_method', (pending.get('payment_method')?.newValue as PaymentMethod) ?? methodNow, false);
  const combinations: [PaymentFrequency, PaymentMethod][] = [
    [frequencyNow, methodNow],
    [later, methodNow],
    [later, methodLater],
  ];
  const bad = combinations.find(([f, m]) => !isAllowedPaymentTerms(policy.product, f, m));
  if (bad) {
    const fields = planned
      .filter((c) => c.kind === 'payment_method' || c.kind === 'payment_frequency')
      .map((c) => ({
        field: c.kind === 'payment_method' ? 'paymentMethod' : 'paymentFrequency',
        code: 'not_allowed_for_product',
        message: `${PAYMENT_FREQUENCIES[bad[0]].name.en} payment by ${PAYMENT_METHODS[bad[1]].name.en} is not offered for this product.`,
      }));
    throw DomainError.invalid('payment_terms_not_allowed', 'The product does not allow this payment frequency with this payment method.', fields);
  }
}

function display(kind: ChangeKind, value: ChangeValue, customer: CustomerRecord): string {
  switch (kind) {
    case 'payment_method':
      return PAYMENT_METHODS[value as PaymentMethod].name.hu;
    case 'payment_frequency':
      return PAYMENT_FREQUENCIES[value as PaymentFrequency].name.hu;
    case 'correspondence_address':
      return formatAddress((value as PostalAddress | null) ?? customerAddress(customer));
  }
}

function applied(policy: ScopedPolicy, changes: PlannedChange[]): ScopedPolicy {
  const next = { ...policy };
  for (const c of changes) {
    if (c.kind === 'payment_method') next.paymentMethod = c.newValue as PaymentMethod;
    if (c.kind === 'payment_frequency') next.paymentFrequency = c.newValue as PaymentFrequency;
    if (c.kind === 'correspondence_address') next.correspondenceAddress = c.newValue as PostalAddress;
  }
  return next;
}

const json = (value: ChangeValue) => (value === null ? null : JSON.stringify(value));

export async function changePolicy(ctx: DomainContext, args: ChangePolicyArgs): Promise<ChangePolicyResult> {
  const { sequelize } = ctx;
  const wanted = parsePolicyChanges(args.changes);
  const { policy, customer } = await findScopedPolicy(sequelize, args, args.policyId);
  if (policy.status !== 'active') throw DomainError.conflict('policy_not_active', 'Only an active contract can be changed.');

  const now = nowOf(ctx);
  const today = budapestDate(now);
  const changed = diff(policy, customer, wanted);
  if (changed.length === 0) throw DomainError.invalid('no_change', 'The requested values are the contract’s current ones.');

  const pending = await pendingKinds(sequelize, policy.id, null);
  const clash = changed.find((c) => pending.has(c.kind));
  if (clash) throw DomainError.conflict('change_already_pending', `A ${clash.kind} change of this contract is already waiting for review.`);

  const planned: PlannedChange[] = changed.map((c) => ({ ...c, reviewReason: reviewReasonFor(c.kind, c.newValue, policy, today) }));
  assertPaymentTerms(policy, planned, pending);

  const immediate = planned.filter((c) => c.reviewReason === null);
  const issuedAt = now.toISOString();
  const documentId = randomUUID();
  let document: IssuedDocument | null = null;
  if (immediate.length) {
    const input: ChangeConfirmationInput = {
      type: 'modositas_visszaigazolas',
      documentId,
      issuedAt,
      customer: documentParty(customer),
      policy: documentPolicy(applied(policy, immediate)),
      effectiveDate: today,
      changes: immediate.map((c) => ({
        label: LABELS[c.kind],
        oldValue: display(c.kind, c.oldValue, customer),
        newValue: display(c.kind, c.newValue, customer),
      })),
    };
    document = await issueDocument(input);
  }

  return sequelize.transaction(async (transaction) => {
    // Under the row lock: the contract must still be as it was read, with nothing new pending.
    const locked = await findScopedPolicy(sequelize, args, policy.id, { transaction, lock: true });
    const still = locked.policy;
    if (
      still.status !== policy.status ||
      still.paymentMethod !== policy.paymentMethod ||
      still.paymentFrequency !== policy.paymentFrequency ||
      JSON.stringify(still.correspondenceAddress) !== JSON.stringify(policy.correspondenceAddress) ||
      (await pendingKinds(sequelize, policy.id, transaction)).size !== pending.size
    ) {
      throw DomainError.conflict('policy_changed_concurrently', 'The contract changed meanwhile; reload it and try again.');
    }

    const decidedAt = issuedAt;
    const rows = await insertRows(
      sequelize,
      transaction,
      'change_requests',
      ['policy_id', 'customer_id', 'kind', 'old_value', 'new_value', 'status', 'review_reason', 'client_id', 'created_at', 'decided_at'],
      planned.map((c) => [
        policy.id,
        customer.id,
        c.kind,
        json(c.oldValue),
        json(c.newValue),
        c.reviewReason ? 'pending' : 'applied',
        c.reviewReason,
        args.clientId ?? null,
        issuedAt,
        c.reviewReason ? null : decidedAt,
      ]),
      {
        casts: { old_value: 'jsonb', new_value: 'jsonb' },
        returning: ['id', 'policy_id', 'kind', 'old_value', 'new_value', 'status', 'review_reason', 'created_at', 'decided_at'],
      },
    );
    const views = rows.map(changeRequestOf);

    if (immediate.length) {
      const next = applied(policy, immediate);
      await sequelize.query(
        `update policies set payment_method = $2, payment_frequency = $3, correspondence_address = $4::jsonb, updated_at = now() where id = $1`,
        {
          bind: [policy.id, next.paymentMethod, next.paymentFrequency, next.correspondenceAddress ? JSON.stringify(next.correspondenceAddress) : null],
          type: QueryTypes.UPDATE,
          transaction,
        },
      );
    }

    let confirmation: ChangePolicyResult['confirmation'] = null;
    if (document) {
      const delivered = await deliverDocument(
        { sequelize, publicUrl: ctx.publicUrl, actorId: 'domain:policy-change' },
        { customerId: customer.id, policyId: policy.id, document, source: 'system', documentId },
        transaction,
      );
      confirmation = { documentId: delivered.documentId, notificationId: delivered.notificationId };
    }

    const events: CustomerAuditEvent[] = views.map((v) => ({
      action: 'policy.change_requested',
      subjectType: 'policy',
      subjectId: policy.id,
      metadata: { changeRequestId: v.id, kind: v.kind, status: v.status, reviewReason: v.reviewReason },
    }));
    const appliedViews = views.filter((v) => v.status === 'applied');
    if (appliedViews.length) {
      events.push({
        action: 'policy.changed',
        subjectType: 'policy',
        subjectId: policy.id,
        metadata: { changeRequestIds: appliedViews.map((v) => v.id), kinds: appliedViews.map((v) => v.kind), documentId: confirmation?.documentId ?? null },
      });
    }
    await recordCustomerAudit(sequelize, transaction, args, events);
    return { policyId: policy.id, changes: views, confirmation };
  });
}
