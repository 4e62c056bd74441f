import type { Context } from 'hono';
import { problems } from './problems.ts';

/**
 * Who a request acts for: the customer, through which partner (and so which policies it may see:
 * `all`, or only its broker's), and how it proved it.
 */
export interface Principal {
  customerId: number;
  /** The customer's portal account (the IdP's `sub`). */
  accountId: string;
  /** The partner's OIDC client. */
  clientId: string;
  policyScope: 'all' | 'broker';
  /** The partner's broker (null for the insurer's own portal). */
  brokerId: number | null;
  via: 'dpop' | 'bearer';
  /** Key-bound (DPoP) sessions: the key of the session's row (`bff_sessions.id_hash`). */
  sessionIdHash?: string;
}

/** The API's Hono environment: resource routes are `new Hono<ApiEnv>()`. */
export type ApiEnv = {
  Variables: {
    principal?: Principal;
  };
};

/** The request's principal, or a 401 `unauthenticated` problem (for routes behind `requireCustomer()` it is always there). */
export function principalOf(c: Context<ApiEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw problems.unauthenticated();
  return principal;
}
