import { QueryTypes, type Sequelize } from 'sequelize';
import type { PaymentEventType } from '../provider.ts';

/**
 * The demo provider's own records (`demo_payment_checkouts`): what a real provider keeps on its
 * side. A checkout is completed at most once (an atomic `open → final` update), and the event it
 * produced is kept so the webhook can be delivered again, like a provider's retries.
 */
export type DemoCheckoutStatus = 'open' | 'succeeded' | 'declined' | 'cancelled';

/** The webhook's JSON body, as the demo provider sends it. */
export interface DemoEventPayload {
  id: string;
  type: PaymentEventType;
  /** Unix seconds. */
  created: number;
  data: {
    reference: string;
    merchant_reference: string;
    amount: number;
    currency: 'HUF';
    occurred_at: string;
  };
}

export interface DemoCheckout {
  reference: string;
  paymentId: string;
  amountHuf: number;
  description: string;
  returnUrl: string;
  cancelUrl: string;
  status: DemoCheckoutStatus;
  event: DemoEventPayload | null;
  createdAt: Date;
  expiresAt: Date;
  completedAt: Date | null;
}

type Row = Record<string, unknown>;

const COLUMNS = 'reference, payment_id, amount_huf, description, return_url, cancel_url, status, event, created_at, expires_at, completed_at';

function checkoutOf(row: Row): DemoCheckout {
  const event = typeof row.event === 'string' ? (JSON.parse(row.event) as DemoEventPayload) : ((row.event ?? null) as DemoEventPayload | null);
  return {
    reference: String(row.reference),
    paymentId: String(row.payment_id),
    amountHuf: Number(row.amount_huf),
    description: String(row.description),
    returnUrl: String(row.return_url),
    cancelUrl: String(row.cancel_url),
    status: row.status as DemoCheckoutStatus,
    event,
    createdAt: new Date(row.created_at as string | Date),
    expiresAt: new Date(row.expires_at as string | Date),
    completedAt: row.completed_at == null ? null : new Date(row.completed_at as string | Date),
  };
}

export async function insertCheckout(sequelize: Sequelize, checkout: Omit<DemoCheckout, 'status' | 'event' | 'completedAt'>): Promise<void> {
  await sequelize.query(
    `insert into demo_payment_checkouts (reference, payment_id, amount_huf, description, return_url, cancel_url, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    {
      bind: [
        checkout.reference,
        checkout.paymentId,
        checkout.amountHuf,
        checkout.description,
        checkout.returnUrl,
        checkout.cancelUrl,
        checkout.createdAt,
        checkout.expiresAt,
      ],
      type: QueryTypes.INSERT,
    },
  );
}

export async function findCheckout(sequelize: Sequelize, reference: string): Promise<DemoCheckout | null> {
  const rows = await sequelize.query<Row>(`select ${COLUMNS} from demo_payment_checkouts where reference = $1`, { bind: [reference], type: QueryTypes.SELECT });
  return rows[0] ? checkoutOf(rows[0]) : null;
}

/** Completes an open, unexpired checkout; null when it was already completed or has expired. */
export async function completeCheckout(
  sequelize: Sequelize,
  reference: string,
  status: Exclude<DemoCheckoutStatus, 'open'>,
  event: DemoEventPayload,
  at: Date,
): Promise<DemoCheckout | null> {
  const rows = await sequelize.query<Row>(
    `update demo_payment_checkouts set status = $2, event = $3::jsonb, completed_at = $4
      where reference = $1 and status = 'open' and expires_at > $4
      returning ${COLUMNS}`,
    { bind: [reference, status, JSON.stringify(event), at], type: QueryTypes.SELECT },
  );
  return rows[0] ? checkoutOf(rows[0]) : null;
}
