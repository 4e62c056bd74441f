import { QueryTypes, UniqueConstraintError, type Sequelize, type Transaction } from 'sequelize';
import type { IdpPorts } from '../ports.ts';
import type { Language } from '../../common/language.ts';
import { accountLinks } from './account-links.ts';
import { issueToken } from '../../common/accounts/account-tokens.ts';
import { recordAudit } from './audit.ts';
import type { CustomerKind } from './normalise.ts';

/**
 * Registration without Hono: does a customer record match what was typed, and if so, create
 * the account (or, when one exists, tell its owner instead). The caller shows the same page for
 * every matching outcome, so the form never reveals whether an account or an address exists.
 */
export interface RegistrationDetails {
  kind: CustomerKind;
  customerNumber: string;
  /** YYYY-MM-DD, for a private person. */
  birthDate: string | null;
  /** 12345678-1-12, for a company. */
  taxNumber: string | null;
  postcode: string;
}

export interface MatchedCustomer {
  id: number;
}

/** The customer whose record matches every detail, or null (unknown number or any detail wrong). */
export async function findMatchingCustomer(sequelize: Sequelize, details: RegistrationDetails): Promise<MatchedCustomer | null> {
  const [row] = await sequelize.query<{ id: number; kind: string; birth_date: string | null; tax_number: string | null; postcode: string }>(
    `select id, kind, to_char(birth_date, 'YYYY-MM-DD') as birth_date, tax_number, postcode
       from customers where customer_number = :customerNumber`,
    { replacements: { customerNumber: details.customerNumber }, type: QueryTypes.SELECT },
  );
  if (!row) return null;
  const identity = details.kind === 'person' ? row.birth_date === details.birthDate : row.tax_number === details.taxNumber;
  return row.kind === details.kind && identity && row.postcode === details.postcode ? { id: row.id } : null;
}

export type RegistrationOutcome =
  /** A new, unverified account; the verification e-mail is queued. */
  | { outcome: 'registered'; accountId: string }
  /** The customer already has an account: its owner was told, nothing was created. */
  | { outcome: 'customer_has_account'; accountId: string }
  /** The e-mail address is another account's login: that account's owner was told. */
  | { outcome: 'email_in_use'; accountId: string };

export interface RegisterInput {
  customer: MatchedCustomer;
  /** Normalised (trimmed, lower case): it becomes the username. */
  email: string;
  passwordHash: string;
  /** The language of the page: the verification e-mail is written in it. */
  language: Language;
  publicUrl: URL;
}

/**
 * Creates the account and its verification e-mail in ONE transaction (the outbox row commits
 * with the token it carries). The customer's contact e-mail (`customers.email`) is not touched
 * here: it is filled in, when empty, once the address is verified (see ./verification.ts).
 */
export async function registerAccount(sequelize: Sequelize, ports: IdpPorts, input: RegisterInput): Promise<RegistrationOutcome> {
  try {
    return await sequelize.transaction((transaction) => registerIn(sequelize, ports, transaction, input));
  } catch (error) {
    // Two registrations raced for one address or customer: the second sees the first's account now.
    if (error instanceof UniqueConstraintError) return sequelize.transaction((transaction) => registerIn(sequelize, ports, transaction, input));
    throw error;
  }
}

async function registerIn(sequelize: Sequelize, ports: IdpPorts, transaction: Transaction, input: RegisterInput): Promise<RegistrationOutcome> {
  const links = accountLinks(input.publicUrl);
  // Serialises registrations of one customer.
  await sequelize.query('select id from customers where id = :id for update', {
    replacements: { id: input.customer.id },
    type: QueryTypes.SELECT,
    transaction,
  });

  const existing = await accountWhere(sequelize, transaction, 'a.customer_id = :value', input.customer.id);
  const sameEmail = existing ? null : await accountWhere(sequelize, transaction, 'lower(a.username) = :value', input.email);
  const owner = existing ?? sameEmail;
  if (owner) {
    await ports.queueEmail(transaction, {
      customerId: owner.customerId,
      to: owner.username,
      template: 'registration_attempt_existing',
      language: owner.language,
      data: { attemptedAt: new Date().toISOString(), loginUrl: links.portal(), resetUrl: links.forgotPassword() },
    });
    await recordAudit(sequelize, transaction, {
      action: 'account.registration_attempt_existing',
      customerId: owner.customerId,
      accountId: owner.id,
      byOwner: false,
      metadata: { reason: existing ? 'customer_has_account' : 'email_in_use' },
    });
    return { outcome: existing ? 'customer_has_account' : 'email_in_use', accountId: owner.id };
  }

  const [created] = await sequelize.query<{ id: string }>(
    `insert into accounts (customer_id, username, password_hash, password_changed_at)
     values (:customerId, :username, :passwordHash, now()) returning id`,
    { replacements: { customerId: input.customer.id, username: input.email, passwordHash: input.passwordHash }, type: QueryTypes.SELECT, transaction },
  );
  const accountId = created!.id;
  const { token, expiresAt } = await issueToken(sequelize, transaction, accountId, 'verify_email');
  await ports.queueEmail(transaction, {
    customerId: input.customer.id,
    to: input.email,
    template: 'verify_email',
    language: input.language,
    data: { verifyUrl: links.verifyEmail(token, input.language), expiresAt: expiresAt.toISOString() },
  });
  await recordAudit(sequelize, transaction, { action: 'account.registered', customerId: input.customer.id, accountId });
  return { outcome: 'registered', accountId };
}

interface AccountOwner {
  id: string;
  customerId: number;
  username: string;
  language: Language;
}

async function accountWhere(sequelize: Sequelize, transaction: Transaction, condition: string, value: unknown): Promise<AccountOwner | null> {
  const [row] = await sequelize.query<{ id: string; customer_id: number; username: string; language: Language }>(
    `select a.id, a.customer_id, a.username, c.language
       from accounts a join customers c on c.id = a.customer_id
      where ${condition}`,
    { replacements: { value }, type: QueryTypes.SELECT, transaction },
  );
  return row ? { id: row.id, customerId: row.customer_id, username: row.username, language: row.language } : null;
}
