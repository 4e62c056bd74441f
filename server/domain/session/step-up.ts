import { QueryTypes, type Sequelize } from 'sequelize';

/**
 * Sensitive changes (the e-mail address, a contract's payment method) want the customer to have
 * proved who they are within the last five minutes (OWASP ASVS: re-authentication before
 * sensitive changes). The log-in popup asks the IdP with this as OIDC `max_age`.
 */
export const REAUTHENTICATION_MAX_AGE_SECONDS = 300;

/**
 * Whether the session's last authentication (`bff_sessions.auth_time`: the ID token's
 * `auth_time` at log-in or at the last re-authentication) is recent enough. The database's clock
 * decides, the same clock that stamps the sessions. A session without an `auth_time` (opened
 * before it was recorded) is not recent.
 */
export async function authenticatedRecently(sequelize: Sequelize, sessionIdHash: string): Promise<boolean> {
  const [row] = await sequelize.query<{ recent: boolean }>(
    `select coalesce(auth_time > now() - make_interval(secs => :maxAge), false) as recent
       from bff_sessions where id_hash = :idHash and tokens->>'stage' = 'session'`,
    { replacements: { idHash: sessionIdHash, maxAge: REAUTHENTICATION_MAX_AGE_SECONDS }, type: QueryTypes.SELECT },
  );
  return row?.recent ?? false;
}
