import { createHash } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import * as oidc from 'openid-client';
import { LIFETIMES } from './lifetimes.ts';
import { randomSecret, sha256Hex } from './secrets.ts';

export type LoginMode = 'popup' | 'redirect';

/**
 * A login between `POST /api/session/login` and the IdP's redirect to the callback: state, nonce
 * and the PKCE verifier, for 10 minutes, used once. Only the state's hash is the key, so the
 * table can't be used to answer a callback. `return_to` says where the result goes: the partner's
 * origin in popup mode (the `postMessage` target), the partner page's URL in redirect mode.
 *
 * The login is bound to the page that started it: that page gets a `loginSecret` (and must show
 * it again with the ticket), and the OIDC nonce is its hash. So a ticket from a login someone else
 * started — an attacker's own login, its callback URL slipped to a victim (login CSRF) — is
 * refused on the victim's page.
 */
export interface PendingLogin {
  clientId: string;
  mode: LoginMode;
  codeVerifier: string;
  nonce: string;
  /** The partner page's exact origin. */
  origin: string;
  /** Redirect mode: where to send the browser back (no fragment). */
  returnTo: string | null;
  /** A re-authentication: the `id_hash` of the session whose authentication it renews (see ./reauthentication.ts). */
  reauthOf: string | null;
}

export interface NewLogin {
  state: string;
  nonce: string;
  codeChallenge: string;
  /** For the page that started the login only; its hash is the nonce. */
  loginSecret: string;
}

/** The OIDC nonce of a login: the SHA-256 (base64url) of the login secret the starting page holds. */
export function nonceFor(loginSecret: string): string {
  return createHash('sha256').update(loginSecret, 'utf8').digest('base64url');
}

export async function createLoginState(
  sequelize: Sequelize,
  input: { clientId: string; mode: LoginMode; origin: string; returnTo: string | null; reauthOf?: string | null },
): Promise<NewLogin> {
  const state = oidc.randomState();
  const loginSecret = randomSecret();
  const nonce = nonceFor(loginSecret);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const codeChallenge = await oidc.calculatePKCECodeChallenge(codeVerifier);
  await sequelize.query(
    `insert into bff_login_states (state_hash, client_id, code_verifier, nonce, mode, return_to, reauth_of, expires_at)
     values (:stateHash, :clientId, :codeVerifier, :nonce, :mode, :returnTo, :reauthOf, now() + make_interval(secs => :ttl))`,
    {
      replacements: {
        stateHash: sha256Hex(state),
        clientId: input.clientId,
        codeVerifier,
        nonce,
        mode: input.mode,
        returnTo: input.mode === 'redirect' ? input.returnTo : input.origin,
        reauthOf: input.reauthOf ?? null,
        ttl: LIFETIMES.loginStateSeconds,
      },
    },
  );
  return { state, nonce, codeChallenge, loginSecret };
}

/** Takes the login out of the table (whatever happens next, the state can't be used again); undefined if unknown or expired. */
export async function consumeLoginState(sequelize: Sequelize, state: string): Promise<PendingLogin | undefined> {
  if (!state || state.length > 200) return undefined;
  const [row] = await sequelize.query<{
    client_id: string;
    code_verifier: string;
    nonce: string;
    mode: LoginMode;
    return_to: string | null;
    reauth_of: string | null;
    live: boolean;
  }>(
    `delete from bff_login_states where state_hash = :stateHash
     returning client_id, code_verifier, nonce, mode, return_to, reauth_of, expires_at > now() as live`,
    { replacements: { stateHash: sha256Hex(state) }, type: QueryTypes.SELECT },
  );
  if (!row?.live || !row.return_to) return undefined;
  let origin: string;
  try {
    origin = new URL(row.return_to).origin;
  } catch {
    return undefined;
  }
  return {
    clientId: row.client_id,
    mode: row.mode,
    codeVerifier: row.code_verifier,
    nonce: row.nonce,
    origin,
    returnTo: row.mode === 'redirect' ? row.return_to : null,
    reauthOf: row.reauth_of,
  };
}

/** Pending logins and unredeemed tickets past their expiry, and sessions past theirs (idempotent; any process may run it). */
export async function deleteExpiredLoginArtefacts(sequelize: Sequelize): Promise<{ loginStates: number; sessions: number }> {
  const [, states] = await sequelize.query('delete from bff_login_states where expires_at < now()');
  const [, sessions] = await sequelize.query('delete from bff_sessions where expires_at < now()');
  return { loginStates: rowCount(states), sessions: rowCount(sessions) };
}

function rowCount(meta: unknown): number {
  return (meta as { rowCount?: number } | undefined)?.rowCount ?? 0;
}
