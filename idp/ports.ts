import type { Transaction } from 'sequelize';
import type { Language } from '../common/language.ts';
import type { EmailChangeOutcome, EmailChangeUndoOutcome } from '../common/accounts/email-change-outcome.ts';

/**
 * What the IdP needs from the rest of the product, as small interfaces the app's wiring
 * (`server/app/idp-ports.ts`) hands in. The IdP imports nothing of `server/` and touches none of
 * the API's tables: it can run as a process of its own with another implementation of these.
 */
export interface IdpPorts {
  /**
   * Queues an account e-mail in the product's outbox, in the caller's transaction (sent later, or
   * never if it rolls back). `null`: there is nobody to write to; the same round trip, nothing
   * stored, so a page that may or may not send answers in the same time either way.
   */
  queueEmail(transaction: Transaction | null, email: AccountEmail | null): Promise<void>;
  /**
   * Ends the API's browser sessions of a customer at once, in the caller's transaction (password
   * reset); with `exceptIdpSession` (an IdP session's uid), all but those opened through that
   * log-in session (the browser that changed the password).
   */
  endApiSessions(customerId: number, transaction: Transaction, options?: { exceptIdpSession?: string }): Promise<void>;
  /** The e-mail change the customer asked for in the portal; its link lands on the IdP's page. */
  emailChange: EmailChangeConfirmation;
}

/** The e-mails the IdP sends, and the data each template is rendered with. */
export interface AccountEmailData {
  verify_email: { verifyUrl: string; expiresAt: string };
  password_reset: { resetUrl: string; expiresAt: string };
  password_changed: { changedAt: string; resetUrl: string };
  registration_attempt_existing: { attemptedAt: string; loginUrl: string; resetUrl: string };
  account_opened_notice: { customerNumber: string; loginEmail: string; openedAt: string };
  /** One notice per security change (issue 16); the wording follows `event`. */
  security_notice: { event: SecurityEvent; occurredAt: string; securityUrl: string };
  email_change_undo: { newEmail: string; changedAt: string; undoUrl: string; expiresAt: string };
}

/** The account-security changes that send a `security_notice` (the template's `event`). */
export type SecurityEvent =
  | 'password_changed'
  | 'passkey_added'
  | 'passkey_removed'
  | 'two_step_enabled'
  | 'two_step_disabled'
  | 'recovery_code_used'
  | 'recovery_codes_regenerated'
  | 'sessions_ended';

export type AccountEmail = {
  [K in keyof AccountEmailData]: { customerId: number | null; to: string; template: K; language: Language; data: AccountEmailData[K] };
}[keyof AccountEmailData];

export interface EmailChangeConfirmation {
  /** Whether the link is still good (uses nothing up: mail scanners fetch links). */
  peek(token: string): Promise<boolean>;
  /** Uses the link once, in the caller's transaction: the login and the contact address become the new address. */
  confirm(token: string, transaction: Transaction): Promise<EmailChangeOutcome>;
  /** Uses an undo link once, in the caller's transaction: the login and the contact address the change replaced come back. */
  undo(token: string, transaction: Transaction): Promise<EmailChangeUndoOutcome>;
}
