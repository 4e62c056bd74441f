import { addYears, budapestDate } from '../../kernel/calendar.ts';
import { PRODUCTS, isClaimTypeFor, type ClaimType, type ProductCode } from '../../kernel/products.ts';
import { Problems } from '../../kernel/problems.ts';
import { cleanText } from '../../kernel/text-rules.ts';
import { validateAttachments, type AttachmentInput, type ValidAttachment } from './attachments.ts';
import { parseLossTime } from './local-time.ts';
import { SITUATIONS_BY_PRODUCT, isOtherPartySituation, type OtherPartySituation } from './other-party.ts';

/**
 * A first notice of loss (kárbejelentés) as the claim form sends it, and its checks. Checks
 * that need no database run first (`parseClaimReport`); those against the contract second
 * (`checkAgainstPolicy`). Each throws one `invalid` DomainError listing every bad field.
 */
export type ContactPreference = 'email' | 'phone' | 'post';

export interface OtherPartyInput {
  name?: string;
  plate?: string;
  insurer?: string;
}

export interface ClaimReportInput {
  policyId: number;
  claimType: ClaimType | string;
  /** ISO date-time; without an offset it is Budapest time. */
  occurredAt: string;
  place: string;
  description: string;
  estimatedDamageHuf?: number | null;
  /** Motor products only: the other vehicle. Required for collision types unless the situation says it is not known. */
  otherParty?: OtherPartyInput | null;
  /** Motor products only: what the customer can say about the other party (./other-party.ts); `known` when absent and `otherParty` is given. */
  otherPartySituation?: OtherPartySituation | string | null;
  contactPreference?: ContactPreference;
  attachments?: AttachmentInput[];
}

export interface OtherParty {
  name: string;
  plate: string;
  insurer?: string;
}

export interface ParsedClaimReport {
  claimType: string;
  occurredAt: Date;
  lossDate: string;
  place: string;
  description: string;
  estimatedDamageHuf: number | null;
  otherParty: OtherParty | null;
  /** As given, or `known` for a named other party; null when nothing was said. */
  otherPartySituation: OtherPartySituation | null;
  contactPreference: ContactPreference;
  attachments: ValidAttachment[];
}

export const CLAIM_LIMITS = {
  place: { min: 3, max: 200 },
  description: { min: 10, max: 4000, multiline: true },
  otherPartyName: { min: 2, max: 100 },
  insurer: { min: 2, max: 100 },
  /** One billion forints: above any customer's estimate, below int4. */
  maxEstimatedDamageHuf: 1_000_000_000,
  /** How far back a loss may be reported online. */
  maxAgeYears: 2,
  /** Clock skew allowed between the customer's device and the server. */
  futureSkewMs: 5 * 60_000,
} as const;

/** Claim types where the other vehicle must be named. */
export const COLLISION_TYPES: readonly ClaimType[] = ['collision_liability', 'collision'];

const CONTACT_PREFERENCES: readonly ContactPreference[] = ['email', 'phone', 'post'];

/**
 * Hungarian plates: the classic `ABC-123` and the 2022 series `AA BC-123`, typed in any case,
 * with or without the space and hyphen. Returns the canonical form, or null.
 */
export function normalisePlate(value: string): string | null {
  if (value.length > 16 || !/^[A-Za-z0-9 -]+$/.test(value)) return null;
  const compact = value.toUpperCase().replace(/[\s-]/g, '');
  if (/^[A-Z]{3}\d{3}$/.test(compact)) return `${compact.slice(0, 3)}-${compact.slice(3)}`;
  if (/^[A-Z]{4}\d{3}$/.test(compact)) return `${compact.slice(0, 2)} ${compact.slice(2, 4)}-${compact.slice(4)}`;
  return null;
}

function text(problems: Problems, errorCode: string, field: string, value: unknown, rule: { min: number; max: number; multiline?: boolean }): string {
  const result = cleanText(value, rule);
  if (!result.ok) {
    problems.add(errorCode, field, result.problem, result.message);
    return '';
  }
  return result.value;
}

function parseOtherParty(input: unknown, problems: Problems): OtherParty | null {
  if (input === undefined || input === null) return null;
  if (typeof input !== 'object' || Array.isArray(input)) {
    problems.add('invalid_other_party', 'otherParty', 'invalid', 'The other party is an object with name, plate and insurer.');
    return null;
  }
  const raw = input as Record<string, unknown>;
  const name = text(problems, 'invalid_other_party', 'otherParty.name', raw.name, CLAIM_LIMITS.otherPartyName);
  let plate = '';
  if (typeof raw.plate !== 'string' || raw.plate.trim() === '')
    problems.add('invalid_plate', 'otherParty.plate', 'required', 'The other vehicle’s plate is required.');
  else {
    const normalised = normalisePlate(raw.plate.trim());
    if (normalised) plate = normalised;
    else problems.add('invalid_plate', 'otherParty.plate', 'invalid_format', 'A Hungarian plate looks like ABC-123 or AA BC-123.');
  }
  let insurer: string | undefined;
  if (raw.insurer !== undefined && raw.insurer !== null && raw.insurer !== '') {
    insurer = text(problems, 'invalid_other_party', 'otherParty.insurer', raw.insurer, CLAIM_LIMITS.insurer);
  }
  if (!name || !plate || insurer === '') return null;
  return insurer ? { name, plate, insurer } : { name, plate };
}

/** The checks that need no database. `now` is the report's time. */
export function parseClaimReport(input: ClaimReportInput, now: Date): ParsedClaimReport {
  const problems = new Problems();
  const raw = (input ?? {}) as unknown as Record<string, unknown>;

  const claimType = typeof raw.claimType === 'string' ? raw.claimType : '';
  if (!claimType) problems.add('invalid_claim_type', 'claimType', 'required', 'Choose the type of loss.');

  const occurredAt = parseLossTime(raw.occurredAt);
  let lossDate = '';
  if (!occurredAt) problems.add('invalid_occurred_at', 'occurredAt', 'invalid', 'The date and time of the loss, e.g. 2026-05-01T14:30.');
  else {
    lossDate = budapestDate(occurredAt);
    const today = budapestDate(now);
    if (occurredAt.getTime() > now.getTime() + CLAIM_LIMITS.futureSkewMs) {
      problems.add('occurred_in_future', 'occurredAt', 'in_future', 'The loss cannot be in the future.');
    } else if (lossDate < addYears(today, -CLAIM_LIMITS.maxAgeYears)) {
      problems.add('occurred_too_long_ago', 'occurredAt', 'too_old', `Losses older than ${CLAIM_LIMITS.maxAgeYears} years cannot be reported online.`);
    }
  }

  const place = text(problems, 'invalid_place', 'place', raw.place, CLAIM_LIMITS.place);
  const description = text(problems, 'invalid_description', 'description', raw.description, CLAIM_LIMITS.description);

  let estimatedDamageHuf: number | null = null;
  if (raw.estimatedDamageHuf !== undefined && raw.estimatedDamageHuf !== null) {
    const value = raw.estimatedDamageHuf;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > CLAIM_LIMITS.maxEstimatedDamageHuf) {
      problems.add('invalid_estimated_damage', 'estimatedDamageHuf', 'out_of_range', `Whole forints from 0 to ${CLAIM_LIMITS.maxEstimatedDamageHuf}.`);
    } else estimatedDamageHuf = value;
  }

  const otherParty = parseOtherParty(raw.otherParty, problems);
  let otherPartySituation: OtherPartySituation | null = otherParty ? 'known' : null;
  if (raw.otherPartySituation !== undefined && raw.otherPartySituation !== null) {
    if (isOtherPartySituation(raw.otherPartySituation)) otherPartySituation = raw.otherPartySituation;
    else problems.add('invalid_other_party_situation', 'otherPartySituation', 'not_allowed', 'One of known, unknown, hit_and_run, no_vehicle.');
  }

  const contactPreference = (raw.contactPreference ?? 'email') as ContactPreference;
  if (!CONTACT_PREFERENCES.includes(contactPreference)) {
    problems.add('invalid_contact_preference', 'contactPreference', 'not_allowed', 'One of email, phone, post.');
  }

  const attachments = validateAttachments(raw.attachments, problems);
  problems.throwIfAny('The claim report is not valid.');
  return {
    claimType,
    occurredAt: occurredAt!,
    lossDate,
    place,
    description,
    estimatedDamageHuf,
    otherParty,
    otherPartySituation,
    contactPreference,
    attachments,
  };
}

/**
 * The other party against the product: only motor claims have one; a collision asks what the
 * customer knows of it, and only a `known` other party must be named (driver and plate).
 */
function checkOtherParty(problems: Problems, report: ParsedClaimReport, product: ProductCode, named: boolean): void {
  const situation = report.otherPartySituation;
  const offered = SITUATIONS_BY_PRODUCT[product];
  if (!offered) {
    if (named) problems.add('other_party_not_applicable', 'otherParty', 'not_applicable', 'Only motor claims name another vehicle.');
    else if (situation) problems.add('other_party_not_applicable', 'otherPartySituation', 'not_applicable', 'Only motor claims say anything of another party.');
  } else if (situation && !offered.includes(situation)) {
    problems.add('other_party_situation_not_allowed', 'otherPartySituation', 'not_allowed', `For this product: ${offered.join(', ')}.`);
  } else if (situation && situation !== 'known' && named) {
    problems.add('other_party_not_applicable', 'otherParty', 'not_applicable', 'The other party is named only when it is known.');
  } else if (!report.otherParty && (situation === 'known' || (!situation && (COLLISION_TYPES as readonly string[]).includes(report.claimType)))) {
    problems.add(
      'other_party_required',
      'otherParty',
      'required',
      'Name the other vehicle (driver and plate), or say it is unknown, drove off or there was none (otherPartySituation).',
    );
  }
}

/** The checks against the contract (product, dates of cover) and the customer's contact data. */
export function checkAgainstPolicy(
  report: ParsedClaimReport,
  policy: { product: ProductCode; startDate: string; endDate: string | null; cancelledAt: string | null },
  customer: { email: string | null; phone: string | null },
  rawOtherParty: unknown,
): asserts report is ParsedClaimReport & { claimType: ClaimType } {
  const problems = new Problems();
  const product = PRODUCTS[policy.product];
  if (!isClaimTypeFor(policy.product, report.claimType)) {
    problems.add('claim_type_not_for_product', 'claimType', 'not_for_product', `Claim types for this product: ${product.claimTypes.join(', ')}.`);
  }
  if (report.lossDate < policy.startDate) {
    problems.add('occurred_before_policy_start', 'occurredAt', 'before_start', 'The loss happened before the contract started.');
  } else {
    // Cover runs through the cancellation (or end) day itself.
    const last = [policy.cancelledAt, policy.endDate].filter((d): d is string => d !== null).sort()[0];
    if (last && report.lossDate > last)
      problems.add('policy_not_in_force_on_date', 'occurredAt', 'not_in_force', 'The contract was not in force on the day of the loss.');
  }
  checkOtherParty(problems, report, policy.product, rawOtherParty !== undefined && rawOtherParty !== null);
  if (report.contactPreference === 'email' && !customer.email) {
    problems.add('contact_email_missing', 'contactPreference', 'no_email', 'There is no e-mail address on file; choose phone or post.');
  }
  if (report.contactPreference === 'phone' && !customer.phone) {
    problems.add('contact_phone_missing', 'contactPreference', 'no_phone', 'There is no phone number on file; choose e-mail or post.');
  }
  problems.throwIfAny('The claim does not fit the contract.');
}
