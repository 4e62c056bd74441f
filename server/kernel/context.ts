import type { Sequelize } from 'sequelize';

/**
 * What every customer-facing domain service runs with. The services never import Hono: the
 * HTTP API resolves the session (customer, partner client, broker scope) and calls them.
 */
export interface DomainContext {
  sequelize: Sequelize;
  /** The portal's public origin: the e-mails' links and Message-ID domain. */
  publicUrl: URL;
  /** The clock; tests fix it. Now by default. */
  now?: () => Date;
}

/**
 * Who is acting: a logged-in customer, through a partner client. `brokerId` is set for a
 * broker-scoped partner (`policy_scope = 'broker'`): then only the policies that broker
 * intermediates (and their claims and document requests) exist for the call; everything else
 * answers `not_found`, exactly like a missing object.
 */
export interface CustomerScope {
  customerId: number;
  brokerId?: number | null;
}

export interface CustomerActor extends CustomerScope {
  /** The partner client (OIDC client id) the customer acts through; stored on the rows it creates. */
  clientId?: string | null;
  /** The account or session subject, for the audit trail; null when unknown. */
  actorId?: string | null;
}

export function nowOf(ctx: DomainContext): Date {
  return ctx.now?.() ?? new Date();
}

/** A database id from the caller: anything that is not a positive int4 cannot exist. */
export function isRowId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 && value <= 2_147_483_647;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The broker filter of a scope: a broker id, or null for every policy of the customer. */
export function brokerOf(scope: CustomerScope): number | null {
  return scope.brokerId ?? null;
}
