import type { SessionCustomer } from '../api/schemas.ts';

/**
 * Where the portal's session stands:
 * - `checking`: asking the API whether this page already has a session (on load); `restoring`
 *   when the page holds a handle, so the widgets may load their data alongside the check
 *   (each request proves the session itself; what a refused one returned is dropped);
 * - `anonymous`: nobody is logged in (or the session ended or expired);
 * - `authenticated`: a customer is logged in through this partner.
 */
export type SessionState =
  | { readonly status: 'checking'; readonly restoring?: boolean }
  | { readonly status: 'anonymous' }
  | { readonly status: 'authenticated'; readonly customer: SessionCustomer; readonly partnerName: string };

export type SessionStatus = SessionState['status'];
