import type { Sequelize } from 'sequelize';
import { preparedStatement, selectPrepared } from '../../db/prepared-statement.ts';
import type { InvoiceScope } from '../../domain/payments/invoices.ts';
import type { Principal } from '../auth/principal.ts';

/** The policies of one broker for one customer, prepared: it runs on every invoice view through a broker's site. */
const BROKER_POLICY_IDS = preparedStatement('broker_policy_ids', 'select id from policies where customer_id = $1 and broker_id = $2');

/**
 * What a principal may see of a customer's invoices: all of them through the insurer's own
 * portal; through a broker-scoped partner only its broker's policies' invoices (none when the
 * partner has no broker).
 */
export async function invoiceScopeOf(sequelize: Sequelize, principal: Principal): Promise<InvoiceScope> {
  if (principal.policyScope !== 'broker') return { allowedPolicyIds: null };
  if (principal.brokerId === null) return { allowedPolicyIds: [] };
  const rows = await selectPrepared<{ id: number }>(sequelize, BROKER_POLICY_IDS, [principal.customerId, principal.brokerId]);
  return { allowedPolicyIds: rows.map((r) => Number(r.id)) };
}
