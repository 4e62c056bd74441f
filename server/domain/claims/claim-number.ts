import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { budapestDate } from '../../kernel/calendar.ts';

/**
 * Claim numbers (kárszám): `KAR-<year reported>-<six-digit sequence>`, e.g. `KAR-2026-000123`,
 * one format for every claim: reported in the portal, seeded or imported. The sequence
 * (`claim_number_seq`, migration 0003) never hands out a number twice, also across processes;
 * a number drawn for a report that then fails stays unused. Whoever numbers claims without it
 * (the demo seed) moves it past the numbers it used (`reserveClaimNumbers`).
 */
export const CLAIM_NUMBER_PATTERN = /^KAR-\d{4}-\d{6,}$/;

/** The number of the `sequence`-th claim, reported in `year`. */
export function claimNumberOf(sequence: number, year: string | number): string {
  return `KAR-${year}-${String(sequence).padStart(6, '0')}`;
}

export function formatClaimNumber(sequence: number, reportedAt: Date): string {
  return claimNumberOf(sequence, budapestDate(reportedAt).slice(0, 4));
}

export async function nextClaimNumber(sequelize: Sequelize, reportedAt: Date): Promise<string> {
  const [row] = await sequelize.query<{ n: string | number }>(`select nextval('claim_number_seq') as n`, { type: QueryTypes.SELECT });
  return formatClaimNumber(Number(row!.n), reportedAt);
}

/** Claims numbered 1…`upTo` outside the sequence: the next report draws a number above them. */
export async function reserveClaimNumbers(sequelize: Sequelize, upTo: number, transaction: Transaction | null = null): Promise<void> {
  if (upTo < 1) return;
  await sequelize.query(`select setval('claim_number_seq', greatest($1::bigint, (select last_value from claim_number_seq)))`, {
    bind: [upTo],
    type: QueryTypes.SELECT,
    transaction,
  });
}
