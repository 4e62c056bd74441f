import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type Provider from 'oidc-provider';
import type { Sequelize } from 'sequelize';
import { findAccountById, type AccountRecord } from '../accounts/find-account.ts';

/** A sensitive change (the two-step settings) needs a log-in no older than this (seconds). */
export const FRESH_LOGIN_SECONDS = 5 * 60;

export interface AccountSession {
  account: AccountRecord;
  /** oidc-provider's session id (the row in `oidc_models`), so "the other sessions" can spare it. */
  sessionId: string;
  /** When the customer last logged in (epoch seconds), for step-up. */
  authTime: number;
  /** The session's stable uid: the `sessionUid` of every token issued in it, and the API sessions' `idp_session`. */
  uid: string;
  /** The grants this browser's log-ins hold, one per client (their tokens are this browser's). */
  grantIds: string[];
}

/**
 * Who is logged in on this browser, as the IdP itself knows it: oidc-provider's session, found
 * through its own signed `_session` cookie (`provider.Session.get` reads it from the raw Node
 * request, the cookie's path is `/`). It is the same session the log-in popup creates and partner
 * logins reuse, so the account pages need no log-in of their own and end with it (logout, expiry,
 * "end sessions"). Null when there is no live session with an account.
 */
export async function readAccountSession(c: Context, provider: Provider, sequelize: Sequelize): Promise<AccountSession | null> {
  const env = c.env as Partial<HttpBindings> | undefined;
  if (!env?.incoming || !env.outgoing) throw new Error('the account pages must be served by @hono/node-server (the provider reads the raw request)');
  const secure = new URL(c.req.url).protocol === 'https:';
  const session = await provider.Session.get({ req: env.incoming, res: env.outgoing, secure } as unknown as Parameters<Provider['Session']['get']>[0]);
  if (!session.accountId || !session.loginTs) return null;
  const account = await findAccountById(sequelize, session.accountId);
  if (!account) return null;
  const grantIds = Object.values(session.authorizations ?? {})
    .map((authorization) => authorization.grantId)
    .filter((id): id is string => typeof id === 'string');
  return { account, sessionId: session.jti, authTime: session.loginTs, uid: session.uid, grantIds };
}

export function isFresh(session: AccountSession, now = Date.now()): boolean {
  return now / 1000 - session.authTime <= FRESH_LOGIN_SECONDS;
}
