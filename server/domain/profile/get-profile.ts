import { QueryTypes, type Transaction } from 'sequelize';
import { DomainError } from '../../kernel/domain-error.ts';
import { isRowId, type DomainContext } from '../../kernel/context.ts';
import { PROFILE_COLUMNS, profileViewOf, type ProfileView } from './profile-view.ts';

export function customerNotFound(): DomainError {
  return DomainError.notFound('customer_not_found', 'No such customer.');
}

/** The acting customer's profile (the partner's broker scope does not narrow it: it is the customer's own). */
export async function getProfile(ctx: DomainContext, args: { customerId: number }, transaction?: Transaction): Promise<ProfileView> {
  if (!isRowId(args.customerId)) throw customerNotFound();
  const [row] = await ctx.sequelize.query<Record<string, unknown>>(
    `select ${PROFILE_COLUMNS} from customers where id = $1${transaction ? ' for update' : ''}`,
    {
      bind: [args.customerId],
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  if (!row) throw customerNotFound();
  return profileViewOf(row);
}
