import type { Sequelize } from 'sequelize';
import { Throttle } from '../../common/security/throttle.ts';
import { deleteExpiredOidcModels } from './sequelize-adapter.ts';

/**
 * Deletes expired provider rows (codes, sessions, interactions, refresh tokens, grants) and
 * expired throttling counters. Idempotent: any process may run it (the server's sweeper does,
 * every 10 minutes).
 */
export async function sweepExpiredIdpRows(sequelize: Sequelize): Promise<{ oidcModels: number }> {
  const oidcModels = await deleteExpiredOidcModels(sequelize);
  await new Throttle(sequelize).sweep();
  return { oidcModels };
}
