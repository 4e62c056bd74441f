import type { ThrottleRule } from '../../common/security/throttle.ts';

/**
 * Limits of the self-service pages. Per-subject limits stop guessing one customer's details or
 * flooding one mailbox; per-address limits stop one client from working through many subjects.
 */
export const SELF_SERVICE_RULES = {
  /** Registration POSTs from one address. */
  registerIp: { name: 'register-ip', limit: 30, windowSeconds: 3600 },
  /** Registration tries whose details did not match, per customer number (unknown ones too). */
  registerCustomer: { name: 'register-customer', limit: 5, windowSeconds: 3600 },
  /** Forgotten-password and resend-verification requests per e-mail address. */
  emailLinkAddress: { name: 'email-link-address', limit: 5, windowSeconds: 3600 },
  /** …and per client address. */
  emailLinkIp: { name: 'email-link-ip', limit: 30, windowSeconds: 3600 },
  /** Token-consuming POSTs (confirm e-mail, set new password) per client address. */
  tokenIp: { name: 'token-ip', limit: 60, windowSeconds: 3600 },
} as const satisfies Record<string, ThrottleRule>;
