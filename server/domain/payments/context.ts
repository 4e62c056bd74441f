import type { Sequelize } from 'sequelize';
import { budapestDate } from '../../kernel/calendar.ts';
import type { PaymentProvider } from '../../payment-providers/provider.ts';

/**
 * What the payment services need. They take the clock from here (tests fix it); "today" is the
 * Budapest calendar date, the product's calendar, never the database server's zone.
 */
export interface InvoiceReadContext {
  sequelize: Sequelize;
  now?: () => Date;
}

export interface PaymentContext extends InvoiceReadContext {
  provider: PaymentProvider;
  /** The portal's public origin: e-mail links, Message-IDs, and always an allowed return origin. */
  publicUrl: URL;
}

/** At most this many invoices in one payment. */
export const MAX_INVOICES_PER_PAYMENT = 20;
/** A pending payment blocks its invoices this long; its checkout expires at the same moment. */
export const PENDING_PAYMENT_MINUTES = 30;

export const clock = (ctx: InvoiceReadContext): Date => ctx.now?.() ?? new Date();
export const todayOf = (now: Date): string => budapestDate(now);

/** Any constant distinct from the migrator's and the seed's: serialises payment starts per customer. */
export const PAYMENT_LOCK = 727_003;
