import { beforeAll, expect } from 'vitest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { DomainError, type DomainErrorKind } from '../../../server/kernel/domain-error.ts';
import type { DomainContext } from '../../../server/kernel/context.ts';
import type { ProductCode } from '../../../server/kernel/products.ts';
import { DEMO_LOGINS, seedDemoData } from '../../../server/seed/index.ts';
import { useTestDatabase, type TestDatabase } from '../../support/database.ts';
import { testPartnerSecrets } from '../../support/partner-secrets.ts';

/**
 * A seeded database for one domain test file, the demo customers' ids, and the checks every
 * domain test needs: a refusal's code and kind, "nothing was written", and a query counter.
 */
export const publicUrl = new URL('https://portal.example');

export interface DemoPolicy {
  id: number;
  policyNumber: string;
  product: ProductCode;
  status: 'active' | 'cancelled';
  brokerId: number | null;
  startDate: string;
  cancelledAt: string | null;
}

export interface Demo {
  person: { id: number; customerNumber: string; email: string };
  company: { id: number; customerNumber: string };
  /** The person's contracts: kgfb + casco through the first broker, home direct, a cancelled kgfb (broker) and a cancelled trip (direct). */
  policies: {
    kgfb: DemoPolicy;
    casco: DemoPolicy;
    home: DemoPolicy;
    oldKgfb: DemoPolicy;
    trip: DemoPolicy;
  };
  companyPolicies: DemoPolicy[];
  brokers: { first: number; second: number };
}

export interface SeededDatabase extends TestDatabase {
  readonly demo: Demo;
  ctx(overrides?: Partial<DomainContext>): DomainContext;
}

export function useSeededDatabase(): SeededDatabase {
  const db = useTestDatabase();
  let demo: Demo | undefined;
  beforeAll(async () => {
    await seedDemoData(db.sequelize, testPartnerSecrets, { customers: 30 });
    demo = await loadDemo(db.sequelize);
  }, 120_000);
  return {
    get database() {
      return db.database;
    },
    get sequelize() {
      return db.sequelize;
    },
    get url() {
      return db.url;
    },
    get demo() {
      if (!demo) throw new Error('the demo data is only available inside tests');
      return demo;
    },
    ctx(overrides = {}) {
      return { sequelize: db.sequelize, publicUrl, ...overrides };
    },
  };
}

type Row = Record<string, unknown>;

export async function select<T extends object = Row>(sequelize: Sequelize, sql: string, bind: unknown[] = []): Promise<T[]> {
  return sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT });
}

const isoDate = (value: unknown) => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  const d = value as Date;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function policiesOf(sequelize: Sequelize, customerId: number): Promise<DemoPolicy[]> {
  const rows = await select(
    sequelize,
    'select id, policy_number, product, status, broker_id, start_date, cancelled_at from policies where customer_id = $1 order by id',
    [customerId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    policyNumber: String(r.policy_number),
    product: r.product as ProductCode,
    status: r.status as DemoPolicy['status'],
    brokerId: r.broker_id == null ? null : Number(r.broker_id),
    startDate: isoDate(r.start_date)!,
    cancelledAt: isoDate(r.cancelled_at),
  }));
}

async function loadDemo(sequelize: Sequelize): Promise<Demo> {
  const customers = await select(sequelize, 'select id, customer_number, email from customers where customer_number = any($1)', [
    [DEMO_LOGINS.person.customerNumber, DEMO_LOGINS.company.customerNumber],
  ]);
  const find = (number: string) => customers.find((c) => c.customer_number === number)!;
  const person = find(DEMO_LOGINS.person.customerNumber);
  const company = find(DEMO_LOGINS.company.customerNumber);
  const own = await policiesOf(sequelize, Number(person.id));
  const pick = (product: ProductCode, status: 'active' | 'cancelled') => {
    const found = own.find((p) => p.product === product && p.status === status);
    if (!found) throw new Error(`demo person has no ${status} ${product}`);
    return found;
  };
  const brokers = await select(sequelize, 'select id, code from brokers order by id');
  return {
    person: { id: Number(person.id), customerNumber: String(person.customer_number), email: String(person.email) },
    company: { id: Number(company.id), customerNumber: String(company.customer_number) },
    policies: {
      kgfb: pick('kgfb', 'active'),
      casco: pick('casco', 'active'),
      home: pick('home', 'active'),
      oldKgfb: pick('kgfb', 'cancelled'),
      trip: pick('travel', 'cancelled'),
    },
    companyPolicies: await policiesOf(sequelize, Number(company.id)),
    brokers: { first: Number(brokers.find((b) => b.code === 'BIZTOSPONT')!.id), second: Number(brokers.find((b) => b.code === 'DUNAALKUSZ')!.id) },
  };
}

/** Awaits a refusal and checks its code and kind; returns it for more checks. */
export async function expectRefusal(promise: Promise<unknown>, code: string, kind: DomainErrorKind): Promise<DomainError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a DomainError ${code}`).toBeInstanceOf(DomainError);
  const error = caught as DomainError;
  expect({ code: error.code, kind: error.kind }).toEqual({ code, kind });
  return error;
}

export const WRITE_TABLES = [
  'policies',
  'change_requests',
  'claims',
  'claim_status_history',
  'claim_attachments',
  'documents',
  'document_requests',
  'notifications',
  'audit_events',
] as const;

/** Row counts of every table a domain service writes, plus the policies' last update (changes update rows in place). */
export async function snapshot(sequelize: Sequelize): Promise<Record<string, string>> {
  const [row] = await select<Record<string, string>>(
    sequelize,
    `select ${WRITE_TABLES.map((t) => `(select count(*) from ${t})::text as ${t}`).join(', ')},
            (select max(updated_at)::text from policies) as policies_updated,
            (select count(*) from document_requests where status <> 'pending')::text as requests_settled`,
  );
  return row!;
}

/** Runs `refuse` and checks that it wrote nothing. */
export async function expectNothingWritten(sequelize: Sequelize, refuse: () => Promise<unknown>): Promise<void> {
  const before = await snapshot(sequelize);
  await refuse();
  expect(await snapshot(sequelize)).toEqual(before);
}

/** The SQL statements `work` sends (sequelize's logging hook, on the shared instance). */
export async function countQueries<T>(sequelize: Sequelize, work: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  // sequelize reads `options.logging` on every query; its typings do not expose `options`.
  const { options } = sequelize as unknown as { options: { logging?: unknown } };
  const previous = options.logging;
  const queries: string[] = [];
  options.logging = (sql: string) => {
    queries.push(sql);
  };
  try {
    const result = await work();
    return { result, queries };
  } finally {
    options.logging = previous;
  }
}

export async function auditActions(sequelize: Sequelize, customerId: number, sinceId: number): Promise<string[]> {
  const rows = await select(sequelize, 'select action from audit_events where customer_id = $1 and id > $2 order by id', [customerId, sinceId]);
  return rows.map((r) => String(r.action));
}

export async function lastAuditId(sequelize: Sequelize): Promise<number> {
  const [row] = await select(sequelize, 'select coalesce(max(id), 0) as id from audit_events');
  return Number(row!.id);
}
