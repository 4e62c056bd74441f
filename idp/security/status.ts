// Placeholder until the mfa branch lands: it reads the account's passkeys and two-step settings.
import type { Sequelize } from 'sequelize';

/** What the account's security page and `gp-profile` show of an account's passkeys and two-step log-in. */
export interface AccountSecurityStatus {
  passkeys: { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];
  twoStep: { enabled: boolean; recoveryCodesLeft: number };
}

export async function readAccountSecurityStatus(_sequelize: Sequelize, _accountId: string): Promise<AccountSecurityStatus> {
  return { passkeys: [], twoStep: { enabled: false, recoveryCodesLeft: 0 } };
}
