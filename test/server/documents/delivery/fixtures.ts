import { QueryTypes, type Sequelize } from 'sequelize';
import type { InsuredObject } from '../../../../server/kernel/insured-object.ts';
import type { ProductCode } from '../../../../server/kernel/products.ts';

/**
 * The few rows a delivery test needs, inserted with plain SQL (no seed: it takes seconds and
 * belongs to someone else). Numbers come from counters, so one database can hold many.
 */
let customers = 0;
let policies = 0;
let invoices = 0;
let claims = 0;

const one = async <T extends object>(sequelize: Sequelize, sql: string, bind: unknown[]): Promise<T> => {
  const [row] = await sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT });
  return row!;
};

export async function createBroker(sequelize: Sequelize, code = 'BRK01'): Promise<number> {
  const row = await one<{ id: number }>(sequelize, 'insert into brokers (code, name) values ($1, $2) returning id', [code, 'Biztos Pont Alkusz Kft.']);
  return Number(row.id);
}

/** A portal account for the customer (the password hash is never checked here). */
export async function createAccount(sequelize: Sequelize, customer: TestCustomer): Promise<void> {
  await sequelize.query(`insert into accounts (customer_id, username, password_hash, email_verified_at) values ($1, $2, 'not-a-hash', now())`, {
    bind: [customer.id, customer.email ?? `fiok${customer.id}@example.hu`],
  });
}

export interface TestCustomer {
  id: number;
  customerNumber: string;
  name: string;
  email: string | null;
}

export async function createCustomer(
  sequelize: Sequelize,
  options: { email?: string | null; language?: 'hu' | 'en'; name?: string } = {},
): Promise<TestCustomer> {
  customers += 1;
  const customerNumber = String(40_000_000 + customers);
  const name = options.name ?? `Szőke Erzsébet ${customers}`;
  const email = options.email === undefined ? `ugyfel${customers}@example.hu` : options.email;
  const row = await one<{ id: number }>(
    sequelize,
    `insert into customers (customer_number, kind, name, birth_date, postcode, city, address_line, email, language)
     values ($1, 'person', $2, '1971-05-08', '9021', 'Győr', 'Széchenyi tér 7.', $3, $4) returning id`,
    [customerNumber, name, email, options.language ?? 'hu'],
  );
  return { id: Number(row.id), customerNumber, name, email };
}

const VEHICLE: InsuredObject = { kind: 'vehicle', plate: 'AA BC-123', make: 'Škoda', model: 'Octavia', year: 2023, vin: 'TMBJJ7NE5P0123456', bonusMalus: 'B7' };
const PROPERTY: InsuredObject = {
  kind: 'property',
  address: { postcode: '9021', city: 'Győr', addressLine: 'Széchenyi tér 7.' },
  propertyType: 'flat',
  floorAreaM2: 64,
  buildYear: 1978,
  buildingSumHuf: 38_000_000,
  contentsSumHuf: 6_000_000,
};
const TRIP: InsuredObject = {
  kind: 'travel',
  cover: 'single',
  zone: 'europe',
  destination: 'Ausztria',
  travellers: 2,
  tripStart: '2026-12-20',
  tripEnd: '2026-12-27',
};

export interface TestPolicy {
  id: number;
  policyNumber: string;
  customerId: number;
  product: ProductCode;
}

export async function createPolicy(
  sequelize: Sequelize,
  customerId: number,
  options: {
    product?: ProductCode;
    status?: 'active' | 'cancelled';
    startDate?: string;
    endDate?: string | null;
    annualPremiumHuf?: number;
    brokerId?: number | null;
  } = {},
): Promise<TestPolicy> {
  policies += 1;
  const product = options.product ?? 'kgfb';
  const policyNumber = `${{ kgfb: 31, casco: 41, home: 51, travel: 71 }[product]}${String(policies).padStart(7, '0')}`;
  const status = options.status ?? 'active';
  const insured = product === 'home' ? PROPERTY : product === 'travel' ? TRIP : VEHICLE;
  const row = await one<{ id: number }>(
    sequelize,
    `insert into policies (policy_number, customer_id, broker_id, product, status, start_date, end_date, cancelled_at, cancel_reason,
                           annual_premium_huf, payment_frequency, payment_method, insured_object)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'quarterly', $11, $12::jsonb) returning id`,
    [
      policyNumber,
      customerId,
      options.brokerId ?? null,
      product,
      status,
      options.startDate ?? '2024-03-01',
      options.endDate ?? null,
      status === 'cancelled' ? '2026-01-31' : null,
      status === 'cancelled' ? 'customer_request' : null,
      options.annualPremiumHuf ?? 125_400,
      product === 'travel' ? 'card' : 'bank_transfer',
      JSON.stringify(insured),
    ],
  );
  return { id: Number(row.id), policyNumber, customerId, product };
}

export async function createInvoice(
  sequelize: Sequelize,
  policy: TestPolicy,
  options: { status?: 'open' | 'paid' | 'cancelled'; amountHuf?: number; dueDate?: string; paidAt?: string | null } = {},
): Promise<string> {
  invoices += 1;
  const invoiceNumber = `SZ-2026-${String(invoices).padStart(6, '0')}`;
  const status = options.status ?? 'open';
  const due = options.dueDate ?? '2026-12-01';
  await sequelize.query(
    `insert into invoices (invoice_number, policy_id, customer_id, period_start, period_end, amount_huf, due_date, status, paid_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    {
      bind: [
        invoiceNumber,
        policy.id,
        policy.customerId,
        due,
        due,
        options.amountHuf ?? 31_350,
        due,
        status,
        status === 'paid' ? (options.paidAt ?? `${due}T10:00:00Z`) : null,
      ],
    },
  );
  return invoiceNumber;
}

export async function createClaim(sequelize: Sequelize, policy: TestPolicy, options: { occurredAt?: string; status?: string } = {}): Promise<string> {
  claims += 1;
  const claimNumber = `K-2026-${String(claims).padStart(6, '0')}`;
  await sequelize.query(
    `insert into claims (claim_number, policy_id, customer_id, claim_type, occurred_at, place, description, status)
     values ($1, $2, $3, 'collision_liability', $4, 'Budapest', 'Parkolás közben koccanás.', $5)`,
    { bind: [claimNumber, policy.id, policy.customerId, options.occurredAt ?? '2025-06-10T08:00:00Z', options.status ?? 'paid'] },
  );
  return claimNumber;
}

export async function count(sequelize: Sequelize, sql: string, bind: unknown[] = []): Promise<number> {
  const [row] = await sequelize.query<{ n: string }>(`select count(*) as n from (${sql}) q`, { bind, type: QueryTypes.SELECT });
  return Number(row!.n);
}

/** A tiny but complete PDF (header, one empty page, xref, %%EOF). */
export function minimalPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}
