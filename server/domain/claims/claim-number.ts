import { QueryTypes, type Sequelize } from 'sequelize';
import { budapestDate } from '../../kernel/calendar.ts';

/**
 * Claim numbers (kárszám): `KAR-<year reported>-<six-digit sequence>`, e.g. `KAR-2026-000123`.
 * The sequence (`claim_number_seq`, migration 0003) never hands out a number twice, also
 * across processes; a number drawn for a report that then fails stays unused. The six digits
 * keep these apart from the five-digit numbers of claims imported or seeded before.
 */
export const CLAIM_NUMBER_PATTERN = /^KAR-\d{4}-\d{6,}$/;

export function formatClaimNumber(sequence: number, reportedAt: Date): string {
  return `KAR-${budapestDate(reportedAt).slice(0, 4)}-${String(sequence).padStart(6, '0')}`;
}

export async function nextClaimNumber(sequelize: Sequelize, reportedAt: Date): Promise<string> {
  const [row] = await sequelize.query<{ n: string | number }>(`select nextval('claim_number_seq') as n`, { type: QueryTypes.SELECT });
  return formatClaimNumber(Number(row!.n), reportedAt);
}
