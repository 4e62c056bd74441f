import { QueryTypes, type Sequelize } from 'sequelize';
import { budapestDate } from '../../kernel/calendar.ts';

/**
 * The insurer's number of a payment receipt, `BF-<year>-<number>` (the year it was paid, in
 * Budapest). One sequence for all years; it starts above the demo data's numbers. A number
 * drawn for a receipt that is then not issued (a replayed webhook) leaves a gap: this is a
 * confirmation of payment, not an invoice, whose numbers would have to be gapless.
 */
export async function nextReceiptNumber(sequelize: Sequelize, paidAt: string): Promise<string> {
  const [row] = await sequelize.query<{ n: string }>(`select nextval('receipt_number_seq') as n`, { type: QueryTypes.SELECT });
  return `BF-${budapestDate(paidAt).slice(0, 4)}-${String(row!.n).padStart(6, '0')}`;
}
