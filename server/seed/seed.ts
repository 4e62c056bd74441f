import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { hashPassword } from '../../common/accounts/password.ts';
import { generateClientSecret } from '../../common/partners/client-secret.ts';
import type { PartnerSecretVault } from '../../common/partners/partner-secret-vault.ts';
import { issueDocument, type IssuedDocument } from '../documents/issue.ts';
import { DEMO_LOGINS, type DemoLogins } from './demo-logins.ts';
import { insertRows, json } from '../db/insert-rows.ts';
import { reserveClaimNumbers } from '../domain/claims/claim-number.ts';
import { CLAIM_COLUMNS } from '../domain/claims/claim-columns.ts';
import { DOCUMENT_COLUMNS } from '../documents/delivery/deliver-document.ts';
import type { SeedData } from './model.ts';
import { generateSeedData, type SeedPlanOptions } from './plan.ts';

/**
 * Writes the demo data set into an empty, migrated database in one transaction. The slow,
 * database-free work (rendering PDFs, hashing the demo passwords) happens before the
 * transaction opens, so the transaction — and PGlite's single connection — is held briefly.
 */
export type SeedOptions = SeedPlanOptions;

export type SeededTable = 'brokers' | 'partner_clients' | 'customers' | 'accounts' | 'policies' | 'invoices' | 'claims' | 'claim_status_history' | 'documents';

export interface SeedSummary {
  seed: number;
  today: string;
  counts: Record<SeededTable, number>;
  /** Total size of the PDFs stored. */
  documentBytes: number;
  durationMs: { total: number; generate: number; render: number; hash: number; insert: number };
  demoLogins: DemoLogins;
}

export class SeedRefusedError extends Error {
  constructor(reason: string) {
    super(`Refusing to seed: ${reason}. Seeding is only for an empty database (reset it first, e.g. drop the data directory).`);
    this.name = 'SeedRefusedError';
  }
}

// Serialises concurrent seeders on one database (any constant distinct from the migrator's).
const SEED_LOCK = 727_002;

export async function isDatabaseSeeded(sequelize: Sequelize, transaction?: Transaction): Promise<boolean> {
  const [row] = await sequelize.query<{ seeded: boolean }>('select exists (select 1 from customers) as seeded', {
    type: QueryTypes.SELECT,
    transaction: transaction ?? null,
  });
  return row?.seeded === true;
}

export async function seedDemoData(sequelize: Sequelize, partnerSecrets: PartnerSecretVault, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  // Fail fast before the expensive part; checked again under a lock inside the transaction.
  await refuseUnlessEmpty(sequelize);

  const data = generateSeedData(options);
  const generated = performance.now();

  // The accounts' scrypt hashes (about 0.3 s each) run on libuv's thread pool, on the other core,
  // while this thread renders the PDFs: a first start used to wait for them one after the other.
  let hashed = 0;
  const hashing = Promise.all(
    data.customers.flatMap((customer) =>
      customer.account ? [hashPassword(customer.account.password).then((hash) => [customer.customerNumber, hash] as const)] : [],
    ),
  ).then((pairs) => {
    hashed = performance.now();
    return new Map<string, string>(pairs);
  });
  // One at a time: rendering is CPU-bound, parallel promises would only interleave.
  const pdfs = new Map<string, IssuedDocument>();
  try {
    for (const document of data.documents) pdfs.set(document.id, await issueDocument(document.input));
  } catch (error) {
    await hashing.catch(() => {});
    throw error;
  }
  const rendered = performance.now();
  const hashes = await hashing;
  const bothDone = performance.now();

  const counts = await sequelize.transaction(async (transaction) => {
    await sequelize.query('select pg_advisory_xact_lock(:key)', { replacements: { key: SEED_LOCK }, type: QueryTypes.SELECT, transaction });
    await refuseUnlessEmpty(sequelize, transaction);
    return insertAll(sequelize, transaction, data, pdfs, hashes, partnerSecrets);
  });
  const finished = performance.now();

  return {
    seed: data.seed,
    today: data.today,
    counts,
    documentBytes: [...pdfs.values()].reduce((sum, pdf) => sum + pdf.sizeBytes, 0),
    durationMs: {
      total: Math.round(finished - started),
      generate: Math.round(generated - started),
      render: Math.round(rendered - generated),
      // Side by side with rendering: from the same start, not after it.
      hash: Math.round(hashed - generated),
      insert: Math.round(finished - bothDone),
    },
    demoLogins: DEMO_LOGINS,
  };
}

async function refuseUnlessEmpty(sequelize: Sequelize, transaction?: Transaction): Promise<void> {
  const [row] = await sequelize.query<{ customers: boolean; brokers: boolean; clients: boolean }>(
    `select exists (select 1 from customers) as customers, exists (select 1 from brokers) as brokers,
            exists (select 1 from partner_clients) as clients`,
    { type: QueryTypes.SELECT, transaction: transaction ?? null },
  );
  if (row?.customers) throw new SeedRefusedError('the database already holds customers');
  if (row?.brokers || row?.clients) throw new SeedRefusedError('the database already holds brokers or partner clients');
}

async function insertAll(
  sequelize: Sequelize,
  transaction: Transaction,
  data: SeedData,
  pdfs: Map<string, IssuedDocument>,
  hashes: Map<string, string>,
  partnerSecrets: PartnerSecretVault,
): Promise<Record<SeededTable, number>> {
  const insert = (table: string, columns: string[], rows: unknown[][], options?: Parameters<typeof insertRows>[5]) =>
    insertRows(sequelize, transaction, table, columns, rows, options);
  const idMap = (rows: Record<string, unknown>[], key: string) => new Map(rows.map((row) => [String(row[key]), Number(row.id)]));
  const lookup = (map: Map<string, number>, key: string | null, what: string): number | null => {
    if (key === null) return null;
    const id = map.get(key);
    if (id === undefined) throw new Error(`seed: unknown ${what} ${key}`);
    return id;
  };

  const brokers = idMap(
    await insert(
      'brokers',
      ['code', 'name', 'phone', 'email', 'website'],
      data.brokers.map((b) => [b.code, b.name, b.phone ?? null, b.email ?? null, b.website ?? null]),
      { returning: ['id', 'code'] },
    ),
    'code',
  );

  // Every partner is a confidential client of the API (BFF): a random secret each, not part of the deterministic plan, stored sealed.
  const sealedSecrets = await Promise.all(data.partnerClients.map((c) => partnerSecrets.seal(c.clientId, generateClientSecret())));
  await insert(
    'partner_clients',
    ['client_id', 'broker_id', 'display_name', 'origins', 'redirect_uris', 'policy_scope', 'client_secret'],
    data.partnerClients.map((c, i) => [
      c.clientId,
      lookup(brokers, c.brokerCode, 'broker'),
      c.displayName,
      c.origins,
      c.redirectUris,
      c.policyScope,
      sealedSecrets[i],
    ]),
    { casts: { origins: 'text[]', redirect_uris: 'text[]' } },
  );

  const customers = idMap(
    await insert(
      'customers',
      [
        'customer_number',
        'kind',
        'name',
        'birth_date',
        'tax_number',
        'postcode',
        'city',
        'address_line',
        'email',
        'phone',
        'language',
        'created_at',
        'updated_at',
      ],
      data.customers.map((c) => [
        c.customerNumber,
        c.kind,
        c.name,
        c.birthDate,
        c.taxNumber,
        c.postcode,
        c.city,
        c.addressLine,
        c.email,
        c.phone,
        c.language,
        c.createdAt,
        c.createdAt,
      ]),
      { returning: ['id', 'customer_number'] },
    ),
    'customer_number',
  );
  const customerId = (number: string) => lookup(customers, number, 'customer')!;

  const withAccounts = data.customers.filter((c) => c.account);
  await insert(
    'accounts',
    ['customer_id', 'username', 'password_hash', 'email_verified_at', 'password_changed_at', 'created_at', 'updated_at'],
    withAccounts.map((c) => [
      customerId(c.customerNumber),
      c.account!.username,
      hashes.get(c.customerNumber),
      c.account!.emailVerifiedAt,
      c.createdAt,
      c.createdAt,
      c.createdAt,
    ]),
  );

  const policies = idMap(
    await insert(
      'policies',
      [
        'policy_number',
        'customer_id',
        'broker_id',
        'product',
        'status',
        'start_date',
        'end_date',
        'cancelled_at',
        'cancel_reason',
        'annual_premium_huf',
        'payment_frequency',
        'payment_method',
        'insured_object',
        'created_at',
        'updated_at',
      ],
      data.policies.map((p) => [
        p.policyNumber,
        customerId(p.customerNumber),
        lookup(brokers, p.brokerCode, 'broker'),
        p.product,
        p.status,
        p.startDate,
        p.endDate,
        p.cancelledAt,
        p.cancelReason,
        p.annualPremiumHuf,
        p.paymentFrequency,
        p.paymentMethod,
        json(p.insuredObject),
        p.createdAt,
        p.createdAt,
      ]),
      { casts: { insured_object: 'jsonb' }, returning: ['id', 'policy_number'] },
    ),
    'policy_number',
  );
  const policyId = (number: string | null) => lookup(policies, number, 'policy');

  await insert(
    'invoices',
    ['invoice_number', 'policy_id', 'customer_id', 'period_start', 'period_end', 'amount_huf', 'due_date', 'status', 'paid_at', 'created_at'],
    data.invoices.map((i) => [
      i.invoiceNumber,
      policyId(i.policyNumber),
      customerId(i.customerNumber),
      i.periodStart,
      i.periodEnd,
      i.amountHuf,
      i.dueDate,
      i.status,
      i.paidAt,
      i.createdAt,
    ]),
  );

  const claims = idMap(
    await insert(
      'claims',
      [...CLAIM_COLUMNS, 'created_at', 'updated_at'],
      data.claims.map((c) => [
        c.claimNumber,
        policyId(c.policyNumber),
        customerId(c.customerNumber),
        c.claimType,
        c.occurredAt,
        c.place,
        c.description,
        c.estimatedDamageHuf,
        json(c.otherParty),
        c.otherPartySituation,
        c.contactPreference,
        c.status,
        c.clientId,
        c.createdAt,
        c.updatedAt,
      ]),
      { casts: { other_party: 'jsonb' }, returning: ['id', 'claim_number'] },
    ),
    'claim_number',
  );
  // The seed numbers its claims in the portal's format, outside the sequence: a claim reported later draws a number above them.
  await reserveClaimNumbers(sequelize, Math.max(0, ...data.claims.map((c) => Number(c.claimNumber.split('-')[2]))), transaction);
  const history = data.claims.flatMap((c) => c.history.map((h) => [lookup(claims, c.claimNumber, 'claim'), h.status, h.note, h.createdAt]));
  await insert('claim_status_history', ['claim_id', 'status', 'note', 'created_at'], history);

  await insert(
    'documents',
    [...DOCUMENT_COLUMNS, 'read_at', 'created_at'],
    data.documents.map((d) => {
      const pdf = pdfs.get(d.id)!;
      return [
        d.id,
        customerId(d.customerNumber),
        policyId(d.policyNumber),
        pdf.type,
        pdf.title,
        pdf.filename,
        pdf.contentType,
        pdf.content,
        pdf.sizeBytes,
        pdf.sha256,
        'seed',
        pdf.issuedAt,
        d.readAt,
        pdf.issuedAt,
      ];
    }),
    { maxBatchBytes: 2_000_000 },
  );

  return {
    brokers: data.brokers.length,
    partner_clients: data.partnerClients.length,
    customers: data.customers.length,
    accounts: withAccounts.length,
    policies: data.policies.length,
    invoices: data.invoices.length,
    claims: data.claims.length,
    claim_status_history: history.length,
    documents: data.documents.length,
  };
}
