import { createHash, randomBytes } from 'node:crypto';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/** How many recovery codes an enrolment hands out. */
export const RECOVERY_CODE_COUNT = 10;

// No 0/O, 1/I/L: codes are read off paper and typed by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * Ten single-use codes that stand in for the authenticator app. Each has 10 characters from a
 * 31-letter alphabet (≈ 49 bits), so a plain SHA-256 is enough to store them (a slow hash is for
 * passwords people choose); they are shown once, as `XXXXX-XXXXX`, and never kept in clear.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    // 256 % 31 = 8: the bias is under 1/32 per character, well below mattering for 49 bits.
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Upper case, without spaces or dashes: what the customer typed, as it was generated. */
export function normaliseRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code), 'utf8').digest('hex');
}

/** Replaces the account's codes with a new set (the old ones stop working). */
export async function replaceRecoveryCodes(sequelize: Sequelize, transaction: Transaction, accountId: string, codes: readonly string[]): Promise<void> {
  await sequelize.query('delete from recovery_codes where account_id = :accountId', { replacements: { accountId }, transaction });
  for (const code of codes) {
    await sequelize.query('insert into recovery_codes (account_id, code_hash) values (:accountId, :hash)', {
      replacements: { accountId, hash: hashRecoveryCode(code) },
      transaction,
    });
  }
}

/** Uses one code up; false when it is not one of the account's unused codes. One statement: two tries at once cannot both win. */
export async function useRecoveryCode(sequelize: Sequelize, transaction: Transaction, accountId: string, input: string): Promise<boolean> {
  const rows = await sequelize.query<{ id: string }>(
    `update recovery_codes set used_at = now() where account_id = :accountId and code_hash = :hash and used_at is null returning id`,
    { replacements: { accountId, hash: hashRecoveryCode(input) }, type: QueryTypes.SELECT, transaction },
  );
  return rows.length === 1;
}

export async function recoveryCodesLeft(sequelize: Sequelize, accountId: string): Promise<number> {
  const [row] = await sequelize.query<{ left: number }>('select count(*)::int as left from recovery_codes where account_id = :accountId and used_at is null', {
    replacements: { accountId },
    type: QueryTypes.SELECT,
  });
  return row?.left ?? 0;
}
