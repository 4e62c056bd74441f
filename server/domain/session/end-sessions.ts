import type { Sequelize, Transaction } from 'sequelize';

/**
 * Ends the API's browser sessions at once, on every instance (each request reads its session's
 * row): all of a customer's (password reset, e-mail change) or all through one partner client
 * (the partner is removed). Returns how many ended.
 *
 * `exceptIdpSession`: all of a customer's but those logged in through that IdP session (a
 * password change keeps the sessions of the browser it was made in; the IdP names its own
 * session, and `idp_session` came from the ID token, so neither side takes it from a request).
 */
export async function endCustomerSessions(
  sequelize: Sequelize,
  customerId: number,
  transaction: Transaction | null,
  options: { exceptIdpSession?: string } = {},
): Promise<number> {
  const [, meta] = await sequelize.query(
    `delete from bff_sessions where customer_id = :customerId and (cast(:keep as text) is null or idp_session is distinct from cast(:keep as text))`,
    { replacements: { customerId, keep: options.exceptIdpSession ?? null }, transaction },
  );
  return rowCount(meta);
}

export async function endClientSessions(sequelize: Sequelize, clientId: string, transaction: Transaction | null): Promise<number> {
  const [, meta] = await sequelize.query('delete from bff_sessions where client_id = :clientId', { replacements: { clientId }, transaction });
  return rowCount(meta);
}

const rowCount = (meta: unknown) => (meta as { rowCount?: number } | undefined)?.rowCount ?? 0;
