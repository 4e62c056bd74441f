import type { TemplateData, TemplateName } from '../../../../server/notifications/templates/index.ts';

const PORTAL = 'https://ugyfelportal.granitpont.example';

/** One valid data set per template. */
export const SAMPLES: { [K in TemplateName]: TemplateData[K] } = {
  document_notification: {
    customerNumber: '10204460',
    documentType: 'kotveny',
    policyNumber: 'KGFB-2026-000123',
    issuedAt: '2026-11-24T09:15:00Z',
    loginUrl: `${PORTAL}/levelezes/3f2a9c`,
    registerUrl: `${PORTAL}/regisztracio`,
  },
  verify_email: { verifyUrl: `${PORTAL}/email/megerosites?token=abc123`, expiresAt: '2026-11-25T17:30:00Z' },
  password_reset: { resetUrl: `${PORTAL}/jelszo/uj?token=def456`, expiresAt: '2026-11-24T18:30:00Z' },
  email_change_confirm: {
    newEmail: 'kovacs.anna@example.com',
    confirmUrl: `${PORTAL}/email/modositas?token=ghi789`,
    expiresAt: '2026-11-25T17:30:00Z',
  },
  email_changed_notice: {
    newEmail: 'kovacs.anna@example.com',
    requestedAt: '2026-11-24T17:30:00Z',
    cancelUrl: `${PORTAL}/email/modositas/visszavonas?token=jkl012`,
  },
  email_change_undo: {
    newEmail: 'kovacs.anna@example.com',
    changedAt: '2026-11-24T17:30:00Z',
    undoUrl: `${PORTAL}/account/undo-email-change?token=mno345`,
    expiresAt: '2026-11-27T17:30:00Z',
  },
  password_changed: { changedAt: '2026-11-24T17:30:00Z', resetUrl: `${PORTAL}/jelszo/elfelejtett` },
  registration_attempt_existing: {
    attemptedAt: '2026-11-24T17:30:00Z',
    loginUrl: `${PORTAL}/bejelentkezes`,
    resetUrl: `${PORTAL}/jelszo/elfelejtett`,
  },
  account_opened_notice: { customerNumber: '10204460', loginEmail: 'kovacs.anna@example.com', openedAt: '2026-11-24T17:30:00Z' },
  payment_receipt: {
    customerNumber: '10204460',
    amount: 48250,
    paidAt: '2026-11-24T10:05:00Z',
    paymentReference: 'GP-PAY-20261124-0042',
    invoices: [
      { number: 'SZ-2026-004411', amount: 32150 },
      { number: 'SZ-2026-004412', amount: 16100 },
    ],
    documentUrl: `${PORTAL}/levelezes/9d1e77`,
  },
  claim_acknowledgement: {
    customerNumber: '10204460',
    claimNumber: 'K-2026-0012345',
    policyNumber: 'CASCO-2026-000456',
    reportedAt: '2026-11-23T14:00:00Z',
    documentUrl: `${PORTAL}/levelezes/b7c3aa`,
  },
  security_notice: { event: 'passkey_added', occurredAt: '2026-11-24T17:30:00Z', securityUrl: `${PORTAL}/account/security` },
};

/** The free-text (string) fields of each template's data: where hostile input could arrive. */
export const TEXT_FIELDS: { [K in TemplateName]: (keyof TemplateData[K] & string)[] } = {
  document_notification: ['customerNumber', 'policyNumber'],
  verify_email: [],
  password_reset: [],
  email_change_confirm: ['newEmail'],
  email_changed_notice: ['newEmail'],
  email_change_undo: ['newEmail'],
  password_changed: [],
  registration_attempt_existing: [],
  account_opened_notice: ['customerNumber', 'loginEmail'],
  payment_receipt: ['customerNumber', 'paymentReference'],
  claim_acknowledgement: ['customerNumber', 'claimNumber', 'policyNumber'],
  security_notice: [],
};

/** Address fields an e-mail shows masked ("k•••••@example.com"), never whole. */
export const MASKED_FIELDS: { [K in TemplateName]?: (keyof TemplateData[K] & string)[] } = {
  email_changed_notice: ['newEmail'],
  email_change_undo: ['newEmail'],
  account_opened_notice: ['loginEmail'],
};

/** The link fields of each template's data. */
export const URL_FIELDS: { [K in TemplateName]: (keyof TemplateData[K] & string)[] } = {
  document_notification: ['loginUrl', 'registerUrl'],
  verify_email: ['verifyUrl'],
  password_reset: ['resetUrl'],
  email_change_confirm: ['confirmUrl'],
  email_changed_notice: ['cancelUrl'],
  email_change_undo: ['undoUrl'],
  password_changed: ['resetUrl'],
  registration_attempt_existing: ['loginUrl', 'resetUrl'],
  account_opened_notice: [],
  payment_receipt: ['documentUrl'],
  claim_acknowledgement: ['documentUrl'],
  security_notice: ['securityUrl'],
};

/** Data with one field replaced (typed loosely on purpose: tests feed hostile values). */
export function withField<K extends TemplateName>(name: K, field: string, value: unknown): TemplateData[K] {
  return { ...SAMPLES[name], [field]: value } as TemplateData[K];
}
