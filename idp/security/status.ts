import { QueryTypes, type Sequelize } from 'sequelize';
import { recoveryCodesLeft } from './recovery-codes.ts';

/**
 * The account's security at a glance, for the API's security section of `gp-profile` (wired by
 * the server). `accountId` is `accounts.id`, which is also the OIDC `sub` the API's sessions carry.
 */
export interface AccountSecurityStatus {
  passkeys: { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];
  twoStep: { enabled: boolean; recoveryCodesLeft: number };
}

export async function readAccountSecurityStatus(sequelize: Sequelize, accountId: string): Promise<AccountSecurityStatus> {
  const passkeys = await sequelize.query<{ id: string; name: string; created_at: Date; last_used_at: Date | null }>(
    'select id, name, created_at, last_used_at from passkeys where account_id = :accountId order by created_at',
    { replacements: { accountId }, type: QueryTypes.SELECT },
  );
  const [twoStep] = await sequelize.query<{ enabled: boolean }>('select enabled_at is not null as enabled from two_step where account_id = :accountId', {
    replacements: { accountId },
    type: QueryTypes.SELECT,
  });
  const enabled = twoStep?.enabled ?? false;
  return {
    passkeys: passkeys.map((p) => ({ id: p.id, name: p.name, createdAt: p.created_at.toISOString(), lastUsedAt: p.last_used_at?.toISOString() ?? null })),
    twoStep: { enabled, recoveryCodesLeft: enabled ? await recoveryCodesLeft(sequelize, accountId) : 0 },
  };
}
