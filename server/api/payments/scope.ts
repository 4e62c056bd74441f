import { QueryTypes, type Sequelize } from 'sequelize';
import type { InvoiceScope } from '../../domain/payments/invoices.ts';
import type { Principal } from '../auth/principal.ts';

/**
 * What a principal may see of a customer's invoices: all of them through the insurer's own
 * portal; through a broker-scoped partner only its broker's policies' invoices (none when the
 * partner has no broker).
 */
export async function invoiceScopeOf(sequelize: Sequelize, principal: Principal): Promise<InvoiceScope> {
  if (principal.policyScope !== 'broker') return { allowedPolicyIds: null };
  if (principal.brokerId === null) return { allowedPolicyIds: [] };
  const rows = await sequelize.query<{ id: number }>('select id from policies where customer_id = $1 and broker_id = $2', {
    bind: [principal.customerId, principal.brokerId],
    type: QueryTypes.SELECT,
  });
  return { allowedPolicyIds: rows.map((r) => Number(r.id)) };
}
