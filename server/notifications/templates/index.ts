import { accountOpenedNotice, type AccountOpenedNoticeData } from './account-opened-notice.ts';
import { claimAcknowledgement, type ClaimAcknowledgementData } from './claim-acknowledgement.ts';
import { documentNotification, type DocumentNotificationData } from './document-notification.ts';
import { emailChangeConfirm, type EmailChangeConfirmData } from './email-change-confirm.ts';
import { emailChangedNotice, type EmailChangedNoticeData } from './email-changed-notice.ts';
import { emailChangeUndo, type EmailChangeUndoData } from './email-change-undo.ts';
import { compiledTemplate, fill, type TemplateDefinition } from './engine.ts';
import { LANGUAGES, TemplateDataError, isLanguage, oneLine, type Language } from './format.ts';
import { passwordChanged, type PasswordChangedData } from './password-changed.ts';
import { passwordReset, type PasswordResetData } from './password-reset.ts';
import { paymentReceipt, type PaymentReceiptData } from './payment-receipt.ts';
import { registrationAttemptExisting, type RegistrationAttemptExistingData } from './registration-attempt-existing.ts';
import { securityEventNotice, type SecurityEventNoticeData } from './security-event-notice.ts';
import { verifyEmail, type VerifyEmailData } from './verify-email.ts';

/**
 * The notification e-mails. `renderEmail(name, language, data)` gives the subject, the HTML
 * (MJML compiled once per template and language, then cached: see ./engine.ts) and the
 * plain-text alternative. Every value is HTML-escaped; links must be http(s).
 */

export interface TemplateData {
  document_notification: DocumentNotificationData;
  verify_email: VerifyEmailData;
  password_reset: PasswordResetData;
  email_change_confirm: EmailChangeConfirmData;
  email_changed_notice: EmailChangedNoticeData;
  email_change_undo: EmailChangeUndoData;
  password_changed: PasswordChangedData;
  registration_attempt_existing: RegistrationAttemptExistingData;
  account_opened_notice: AccountOpenedNoticeData;
  payment_receipt: PaymentReceiptData;
  claim_acknowledgement: ClaimAcknowledgementData;
  security_notice: SecurityEventNoticeData;
}

export type TemplateName = keyof TemplateData;

export const TEMPLATES: { readonly [K in TemplateName]: TemplateDefinition<TemplateData[K]> } = {
  document_notification: documentNotification,
  verify_email: verifyEmail,
  password_reset: passwordReset,
  email_change_confirm: emailChangeConfirm,
  email_changed_notice: emailChangedNotice,
  email_change_undo: emailChangeUndo,
  password_changed: passwordChanged,
  registration_attempt_existing: registrationAttemptExisting,
  account_opened_notice: accountOpenedNotice,
  payment_receipt: paymentReceipt,
  claim_acknowledgement: claimAcknowledgement,
  security_notice: securityEventNotice,
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === 'string' && Object.hasOwn(TEMPLATES, value);
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export async function renderEmail<K extends TemplateName>(name: K, language: Language, data: TemplateData[K]): Promise<RenderedEmail> {
  if (!isTemplateName(name)) throw new TemplateDataError(`unknown template ${String(name)}`);
  if (!isLanguage(language)) throw new TemplateDataError(`unknown language ${String(language)}`, 'language');
  if (data === null || typeof data !== 'object') throw new TemplateDataError(`${name}: data must be an object`);
  const template: TemplateDefinition<TemplateData[K]> = TEMPLATES[name];
  // Everything that can refuse the data runs before the (first-time) compilation.
  const subject = oneLine(template.subject(data, language));
  const vars = template.vars(data, language);
  const text = template.text(vars, language);
  const compiled = await compiledTemplate(template, language);
  const html = fill(compiled, { ...vars, subject });
  return { subject, html, text };
}

/** Compiles every template in every language now (at start-up), so a broken template fails early. */
export async function warmTemplates(): Promise<void> {
  await Promise.all(TEMPLATE_NAMES.flatMap((name) => LANGUAGES.map((lang) => compiledTemplate(TEMPLATES[name], lang))));
}

export { clearTemplateCache, compiledCount } from './engine.ts';
export { LANGUAGES, TemplateDataError, isLanguage, type Language } from './format.ts';
export type {
  AccountOpenedNoticeData,
  ClaimAcknowledgementData,
  DocumentNotificationData,
  EmailChangeConfirmData,
  EmailChangedNoticeData,
  EmailChangeUndoData,
  PasswordChangedData,
  PasswordResetData,
  PaymentReceiptData,
  RegistrationAttemptExistingData,
  SecurityEventNoticeData,
  VerifyEmailData,
};
