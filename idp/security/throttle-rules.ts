import type { ThrottleRule } from '../../common/security/throttle.ts';

/** Limits of the account-security pages and the log-in's second step. */
export const SECURITY_RULES = {
  /** Codes tried for one account (log-in second step or enrolment): a 6-digit code must not be guessable. */
  twoStepCode: { name: 'two-step-code', limit: 5, windowSeconds: 15 * 60 },
  /** Passkey log-in ceremonies started from one address (each stores a challenge). */
  passkeyOptionsIp: { name: 'passkey-options-ip', limit: 60, windowSeconds: 15 * 60 },
  /** Passkey log-in answers from one address. */
  passkeyLoginIp: { name: 'passkey-login-ip', limit: 30, windowSeconds: 15 * 60 },
  /** New recovery-code sets per account: each one sends a notice e-mail, so a stolen session cannot flood the mailbox. */
  recoveryCodes: { name: 'recovery-codes-account', limit: 5, windowSeconds: 60 * 60 },
} as const satisfies Record<string, ThrottleRule>;
