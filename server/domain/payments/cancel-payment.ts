import { QueryTypes } from 'sequelize';
import { DomainError } from '../../kernel/domain-error.ts';
import { recordPaymentAudit } from './audit.ts';
import { clock, PAYMENT_LOCK, type InvoiceReadContext } from './context.ts';
import type { InvoiceScope } from './invoices.ts';
import { getPayment, type PaymentView } from './payments.ts';

/**
 * The customer gives up a payment still waiting for the provider (they closed the payment window,
 * or changed their mind): it is cancelled at once, so its invoices can be paid again instead of
 * staying locked until the checkout expires. Cancelling an already cancelled payment answers it
 * again; a payment that ended otherwise is `payment_not_pending` (409). Money the provider still
 * reports for it later is not lost: the webhook's state machine settles a cancelled payment on a
 * success (see state-machine.ts).
 */
export async function cancelPayment(
  ctx: InvoiceReadContext,
  args: { customerId: number; paymentId: string; clientId: string | null; scope?: InvoiceScope },
): Promise<PaymentView> {
  // The scope check (and not_found for anything outside it) is getPayment's.
  const before = await getPayment(ctx, args.customerId, args.paymentId, args.scope);
  const now = clock(ctx);
  await ctx.sequelize.transaction(async (transaction) => {
    // The same lock as a start: a cancel never interleaves with a start of this customer.
    await ctx.sequelize.query('select pg_advisory_xact_lock($1::int, $2::int)', {
      bind: [PAYMENT_LOCK, args.customerId],
      type: QueryTypes.SELECT,
      transaction,
    });
    const rows = await ctx.sequelize.query<{ id: string }>(
      `update payments set status = 'cancelled', completed_at = $3 where id = $1 and customer_id = $2 and status = 'pending' returning id`,
      { bind: [args.paymentId, args.customerId, now], type: QueryTypes.SELECT, transaction },
    );
    if (rows.length === 0) {
      if (before.status === 'cancelled') return;
      throw DomainError.conflict('payment_not_pending', 'The payment is no longer waiting: it succeeded, failed or was cancelled');
    }
    await recordPaymentAudit(ctx.sequelize, transaction, [
      {
        action: 'payment.cancelled',
        actorType: 'customer',
        customerId: args.customerId,
        paymentId: args.paymentId,
        clientId: args.clientId,
        metadata: { amountHuf: before.amountHuf, by: 'customer' },
      },
    ]);
  });
  return getPayment(ctx, args.customerId, args.paymentId, args.scope);
}
