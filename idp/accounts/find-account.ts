import { QueryTypes, type Sequelize } from 'sequelize';
import type { Account } from 'oidc-provider';
import type { Language } from '../../common/language.ts';
import { canonicalEmail } from '../../common/accounts/email-address.ts';

/** An account with the customer it belongs to, as the IdP needs it. */
export interface AccountRecord {
  id: string;
  customerId: number;
  username: string;
  passwordHash: string;
  emailVerified: boolean;
  customerNumber: string;
  name: string;
  language: Language;
}

interface Row {
  id: string;
  customer_id: number;
  username: string;
  password_hash: string;
  email_verified_at: Date | null;
  customer_number: string;
  name: string;
  language: Language;
}

const SELECT = `select a.id, a.customer_id, a.username, a.password_hash, a.email_verified_at,
                       c.customer_number, c.name, c.language
                from accounts a join customers c on c.id = a.customer_id`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toRecord(row: Row): AccountRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    username: row.username,
    passwordHash: row.password_hash,
    emailVerified: row.email_verified_at !== null,
    customerNumber: row.customer_number,
    name: row.name,
    language: row.language,
  };
}

export async function findAccountByUsername(sequelize: Sequelize, username: string): Promise<AccountRecord | undefined> {
  const [row] = await sequelize.query<Row>(`${SELECT} where lower(a.username) = :username`, {
    replacements: { username: canonicalEmail(username) },
    type: QueryTypes.SELECT,
  });
  return row ? toRecord(row) : undefined;
}

export async function findAccountById(sequelize: Sequelize, id: string): Promise<AccountRecord | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await sequelize.query<Row>(`${SELECT} where a.id = :id`, { replacements: { id }, type: QueryTypes.SELECT });
  return row ? toRecord(row) : undefined;
}

/**
 * The claims the IdP releases, by scope (see `claims` in provider.ts):
 * - `sub`: the account's id (a uuid; stable, reveals nothing, survives an e-mail change);
 * - `profile`: `name` (the customer's name), `locale` (`hu` / `en`, the customer's language);
 * - `email`: `email` (the login e-mail, i.e. the username), `email_verified`;
 * - `customer`: `customer_number` (the insurer's 8-digit ügyfélszám), in its own scope so the
 *   consent screen can name it and a client that doesn't need it doesn't get it.
 */
export function accountClaims(account: AccountRecord): Record<string, unknown> {
  return {
    sub: account.id,
    name: account.name,
    locale: account.language,
    email: account.username,
    email_verified: account.emailVerified,
    customer_number: account.customerNumber,
  };
}

/**
 * oidc-provider's `findAccount`: the account behind a session or token, if it still exists. At the
 * token endpoint `token` is the code (or refresh token) being exchanged, which names the IdP
 * session it was issued in (`sessionUid`): the ID token carries it as `idp_session`, so the API
 * knows which browser's log-in each of its sessions came from (a password change there keeps
 * them, see idp/security/change-password.ts). Not a credential: the session's cookie holds another id.
 */
export function findAccountFor(sequelize: Sequelize) {
  return async (_ctx: unknown, sub: string, token?: object): Promise<Account | undefined> => {
    const account = await findAccountById(sequelize, sub);
    if (!account) return undefined;
    const sessionUid = token && 'sessionUid' in token ? token.sessionUid : undefined;
    const idpSession = typeof sessionUid === 'string' ? { idp_session: sessionUid } : {};
    return {
      accountId: account.id,
      // The provider filters these by the granted scopes and claims.
      claims: () => ({ ...accountClaims(account), ...idpSession }) as { sub: string },
    };
  };
}
