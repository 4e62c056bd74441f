import type { Context } from 'hono';
import type { Sequelize } from 'sequelize';
import { ProblemError } from '../../../common/http/problem.ts';
import { authenticatedRecently, REAUTHENTICATION_MAX_AGE_SECONDS } from '../../domain/session/step-up.ts';
import { principalOf, type ApiEnv } from './principal.ts';

/**
 * Step-up before a sensitive change: unless the caller's session authenticated within the last
 * five minutes, 403 `reauthentication_required` (with `maxAge`), and nothing is changed. The widget
 * then re-authenticates the same session (`POST /api/session/reauthentication`, the log-in popup
 * with `max_age`) and sends the very same request again.
 *
 * 403, not 401: a 401 tells the widgets their session ended. A bearer token is refused too: it
 * carries no authentication time this API can trust, and its client cannot open the popup.
 */
export async function requireRecentAuthentication(c: Context<ApiEnv>, sequelize: Sequelize): Promise<void> {
  const { sessionIdHash } = principalOf(c);
  if (sessionIdHash !== undefined && (await authenticatedRecently(sequelize, sessionIdHash))) return;
  throw reauthenticationRequired();
}

export const reauthenticationRequired = () =>
  new ProblemError(403, 'reauthentication_required', 'This change needs a log-in from the last five minutes; log in again and retry', {
    maxAge: REAUTHENTICATION_MAX_AGE_SECONDS,
  });
