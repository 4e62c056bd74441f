import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ForeignKeyConstraintError, QueryTypes, UniqueConstraintError, type ModelStatic, type Model, type Transaction } from 'sequelize';
import {
  Broker,
  Claim,
  ClaimStatusHistory,
  Customer,
  Document,
  Invoice,
  Payment,
  PaymentInvoice,
  Policy,
  initModels,
  models,
  type InsuredVehicle,
} from '../../../server/db/models/index.ts';
import { useTestDatabase } from '../../support/database.ts';

const db = useTestDatabase();

/** Tables reached through raw SQL by their owners, on purpose without a model. */
const RAW_SQL_TABLES = ['oidc_models', 'bff_sessions', 'bff_login_states', 'rate_limits', 'schema_migrations', 'payment_webhook_events', 'demo_payment_checkouts'];

/** The column type (information_schema `udt_name`) each sequelize data type stands for. */
const UDT_BY_TYPE: Record<string, string> = {
  INTEGER: 'int4',
  BIGINT: 'int8',
  TEXT: 'text',
  BOOLEAN: 'bool',
  DATE: 'timestamptz',
  DATEONLY: 'date',
  JSONB: 'jsonb',
  BLOB: 'bytea',
  UUID: 'uuid',
  'ARRAY(TEXT)': '_text',
};

interface ColumnRow {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  udt_name: string;
}

async function columnsOf(): Promise<Map<string, Map<string, ColumnRow>>> {
  const rows = await db.sequelize.query<ColumnRow>(
    `select table_name, column_name, is_nullable, column_default, udt_name
       from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`,
    { type: QueryTypes.SELECT },
  );
  const tables = new Map<string, Map<string, ColumnRow>>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? new Map<string, ColumnRow>();
    columns.set(row.column_name, row);
    tables.set(row.table_name, columns);
  }
  return tables;
}

function typeName(type: unknown): string {
  const t = type as { key: string; type?: { key: string } };
  return t.key === 'ARRAY' && t.type ? `ARRAY(${t.type.key})` : t.key;
}

const allModels = Object.values(models) as unknown as ModelStatic<Model>[];

let sequence = 0;
const next = () => ++sequence;
const customerNumber = () => String(10_000_000 + next());
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

async function createPerson(transaction?: Transaction, number = customerNumber()) {
  return Customer.create(
    {
      customerNumber: number,
      kind: 'person',
      name: 'Kiss Anna',
      birthDate: '1985-04-12',
      taxNumber: null,
      postcode: '1052',
      city: 'Budapest',
      addressLine: 'Váci utca 1.',
      correspondenceAddress: null,
      email: 'anna@example.test',
      phone: null,
    },
    { transaction },
  );
}

const vehicle: InsuredVehicle = { kind: 'vehicle', plate: 'ABC-123', make: 'Škoda', model: 'Octavia', year: 2019, vin: 'TMBJJ7NE0K0000001', bonusMalus: 'B10' };

async function createPolicy(customerId: number, brokerId: number | null, transaction?: Transaction) {
  return Policy.create(
    {
      policyNumber: `P-${next()}`,
      customerId,
      brokerId,
      product: 'kgfb',
      status: 'active',
      startDate: '2024-01-01',
      endDate: null,
      cancelledAt: null,
      cancelReason: null,
      annualPremiumHuf: 48_000,
      paymentFrequency: 'quarterly',
      paymentMethod: 'card',
      insuredObject: vehicle,
      correspondenceAddress: null,
    },
    { transaction },
  );
}

async function createDocument(customerId: number, policyId: number | null, transaction?: Transaction) {
  const content = Buffer.from(`%PDF-1.7 test document ${next()}`);
  return Document.create(
    {
      customerId,
      policyId,
      type: 'kotveny',
      title: 'Kötvény',
      filename: 'kotveny.pdf',
      content,
      sizeBytes: content.length,
      sha256: sha256(content),
      source: 'system',
      readAt: null,
    },
    { transaction },
  );
}

describe('models', () => {
  it('initModels binds every model once per Sequelize instance', () => {
    const first = initModels(db.sequelize);
    const associations = Object.keys(Customer.associations).sort();
    expect(initModels(db.sequelize)).toBe(first);
    expect(Object.keys(Customer.associations).sort()).toEqual(associations);
    expect(associations).toEqual(
      ['account', 'auditEvents', 'changeRequests', 'claims', 'documentRequests', 'documents', 'invoices', 'notifications', 'payments', 'policies'],
    );
    for (const model of allModels) expect(model.sequelize).toBe(db.sequelize);
  });

  describe('schema drift', () => {
    it('every table but the raw-SQL ones has a model', async () => {
      const tables = [...(await columnsOf()).keys()].filter((t) => !RAW_SQL_TABLES.includes(t)).sort();
      expect(allModels.map((m) => m.getTableName() as string).sort()).toEqual(tables);
    });

    it.each(allModels.map((m) => [m.name, m] as const))('%s matches its table', async (_name, model) => {
      initModels(db.sequelize);
      const table = model.getTableName() as string;
      const columns = (await columnsOf()).get(table);
      expect(columns, `table ${table}`).toBeDefined();
      const problems: string[] = [];
      const fields = new Set<string>();
      for (const [name, attribute] of Object.entries(model.getAttributes())) {
        const field = attribute.field ?? name;
        fields.add(field);
        const column = columns!.get(field);
        if (!column) {
          problems.push(`${name}: no column ${table}.${field}`);
          continue;
        }
        const expected = UDT_BY_TYPE[typeName(attribute.type)];
        if (expected !== column.udt_name) problems.push(`${name}: ${typeName(attribute.type)} but ${field} is ${column.udt_name}`);
        if (attribute.allowNull === false && column.is_nullable === 'YES') problems.push(`${name}: allowNull false but ${field} is nullable`);
      }
      for (const column of columns!.values()) {
        if (column.is_nullable === 'NO' && column.column_default === null) {
          if (!fields.has(column.column_name)) problems.push(`${table}.${column.column_name} is NOT NULL without default but not an attribute`);
          else {
            const attribute = Object.values(model.getAttributes()).find((a) => a.field === column.column_name);
            if (attribute && attribute.allowNull !== false) problems.push(`${table}.${column.column_name} is NOT NULL without default but its attribute allows null`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  });

  it('creates a customer graph and reads it back with includes', async () => {
    initModels(db.sequelize);
    const ids = await db.sequelize.transaction(async (transaction) => {
      const broker = await Broker.create({ code: `BRK${next()}`, name: 'Példa Alkusz Kft.' }, { transaction });
      const customer = await createPerson(transaction);
      const policy = await createPolicy(customer.id, broker.id, transaction);
      const invoice = await Invoice.create(
        {
          invoiceNumber: `I-${next()}`,
          policyId: policy.id,
          customerId: customer.id,
          periodStart: '2024-01-01',
          periodEnd: '2024-03-31',
          amountHuf: 12_000,
          dueDate: '2024-01-15',
          status: 'open',
          paidAt: null,
        },
        { transaction },
      );
      const claim = await Claim.create(
        {
          claimNumber: `K-${next()}`,
          policyId: policy.id,
          customerId: customer.id,
          claimType: 'collision_liability',
          occurredAt: new Date('2024-02-03T10:20:00Z'),
          place: 'Budapest, Andrássy út',
          description: 'Parkolás közben nekitolattam egy autónak.',
          estimatedDamageHuf: 250_000,
          otherParty: { name: 'Nagy Béla', plate: 'XYZ-987' },
          status: 'in_review',
          clientId: null,
        },
        { transaction },
      );
      await ClaimStatusHistory.create({ claimId: claim.id, status: 'received', note: null }, { transaction });
      await ClaimStatusHistory.create({ claimId: claim.id, status: 'in_review', note: 'Szakértő kirendelve' }, { transaction });
      const document = await createDocument(customer.id, policy.id, transaction);
      return { broker: broker.id, customer: customer.id, policy: policy.id, invoice: invoice.id, claim: claim.id, document: document.id };
    });

    const customer = await Customer.findByPk(ids.customer, {
      include: [
        {
          model: Policy,
          as: 'policies',
          include: [
            { model: Broker, as: 'broker' },
            { model: Invoice, as: 'invoices' },
            { model: Claim, as: 'claims', include: [{ model: ClaimStatusHistory, as: 'statusHistory' }] },
            { model: Document, as: 'documents' },
          ],
        },
        { model: Document, as: 'documents' },
      ],
      order: [[{ model: Policy, as: 'policies' }, { model: Claim, as: 'claims' }, { model: ClaimStatusHistory, as: 'statusHistory' }, 'id', 'ASC']],
    });
    expect(customer).not.toBeNull();
    expect(customer!.kind).toBe('person');
    expect(customer!.birthDate).toBe('1985-04-12');
    expect(customer!.language).toBe('hu');
    expect(customer!.createdAt).toBeInstanceOf(Date);

    const [policy] = customer!.policies!;
    expect(customer!.policies).toHaveLength(1);
    expect(policy!.id).toBe(ids.policy);
    expect(policy!.startDate).toBe('2024-01-01');
    expect(policy!.insuredObject).toEqual(vehicle);
    expect(policy!.broker!.id).toBe(ids.broker);

    expect(policy!.invoices!.map((i) => [i.id, i.amountHuf, i.dueDate, i.status])).toEqual([[ids.invoice, 12_000, '2024-01-15', 'open']]);

    const [claim] = policy!.claims!;
    expect(claim!.id).toBe(ids.claim);
    expect(claim!.contactPreference).toBe('email');
    expect(claim!.otherParty).toEqual({ name: 'Nagy Béla', plate: 'XYZ-987' });
    expect(claim!.occurredAt.toISOString()).toBe('2024-02-03T10:20:00.000Z');
    expect(claim!.statusHistory!.map((h) => [h.status, h.note])).toEqual([
      ['received', null],
      ['in_review', 'Szakértő kirendelve'],
    ]);
    expect(typeof claim!.statusHistory![0]!.id).toBe('string');

    for (const documents of [policy!.documents!, customer!.documents!]) {
      expect(documents.map((d) => d.id)).toEqual([ids.document]);
      const document = documents[0]!;
      expect(Buffer.isBuffer(document.content)).toBe(true);
      expect(document.sha256).toBe(sha256(document.content));
      expect(document.contentType).toBe('application/pdf');
      expect(document.issuedAt).toBeInstanceOf(Date);
    }

    const reverse = await Document.findByPk(ids.document, { include: [{ model: Customer, as: 'customer' }, { model: Policy, as: 'policy' }] });
    expect(reverse!.customer!.id).toBe(ids.customer);
    expect(reverse!.policy!.id).toBe(ids.policy);
  });

  it('links payments and invoices through payment_invoices', async () => {
    initModels(db.sequelize);
    const customer = await createPerson();
    const policy = await createPolicy(customer.id, null);
    const invoiceIds: number[] = [];
    for (const month of ['01', '04']) {
      const invoice = await Invoice.create({
        invoiceNumber: `I-${next()}`,
        policyId: policy.id,
        customerId: customer.id,
        periodStart: `2024-${month}-01`,
        periodEnd: `2024-${month}-28`,
        amountHuf: 12_000,
        dueDate: `2024-${month}-15`,
        status: 'open',
        paidAt: null,
      });
      invoiceIds.push(invoice.id);
    }
    const payment = await Payment.create({
      customerId: customer.id,
      provider: 'simulator',
      providerReference: null,
      idempotencyKey: `key-${next()}`,
      amountHuf: 24_000,
      status: 'pending',
      clientId: null,
      completedAt: null,
    });
    for (const invoiceId of invoiceIds) await PaymentInvoice.create({ paymentId: payment.id, invoiceId, amountHuf: 12_000 });

    const read = await Payment.findByPk(payment.id, { include: [{ model: Invoice, as: 'invoices' }], order: [[{ model: Invoice, as: 'invoices' }, 'id', 'ASC']] });
    expect(read!.invoices!.map((i) => i.id)).toEqual(invoiceIds);
    expect(read!.invoices!.map((i) => (i.get('PaymentInvoice') as PaymentInvoice).amountHuf)).toEqual([12_000, 12_000]);
    const links = await PaymentInvoice.findAll({ where: { paymentId: payment.id }, include: [{ model: Invoice, as: 'invoice' }] });
    expect(links.map((l) => l.invoice!.policyId)).toEqual([policy.id, policy.id]);
  });

  describe('database constraints are enforced', () => {
    it('customer numbers are unique', async () => {
      initModels(db.sequelize);
      const first = await createPerson();
      const error = await createPerson(undefined, first.customerNumber).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UniqueConstraintError);
      expect(error).toMatchObject({ parent: { constraint: 'customers_customer_number_key' } });
    });

    it('a person needs a birth date', async () => {
      initModels(db.sequelize);
      const error = await Customer.create({
        customerNumber: customerNumber(),
        kind: 'person',
        name: 'Kovács Péter',
        birthDate: null,
        taxNumber: null,
        postcode: '6720',
        city: 'Szeged',
        addressLine: 'Kárász utca 5.',
        correspondenceAddress: null,
        email: null,
        phone: null,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'SequelizeDatabaseError', parent: { code: '23514', constraint: 'customers_check' } });
    });

    it('an invoice needs an existing policy', async () => {
      initModels(db.sequelize);
      const customer = await createPerson();
      const error = await Invoice.create({
        invoiceNumber: `I-${next()}`,
        policyId: 2_000_000_000,
        customerId: customer.id,
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        amountHuf: 48_000,
        dueDate: '2024-01-15',
        status: 'open',
        paidAt: null,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForeignKeyConstraintError);
      expect(error).toMatchObject({ parent: { constraint: 'invoices_policy_id_fkey' } });
    });

    it('documents are immutable once issued, but can be marked read', async () => {
      initModels(db.sequelize);
      const customer = await createPerson();
      const document = await createDocument(customer.id, null);
      const original = Buffer.from(document.content);

      document.content = Buffer.from('%PDF-1.7 forged');
      const error = await document.save().catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'SequelizeDatabaseError', parent: { code: '23514' } });
      expect((error as Error).message).toMatch(/documents are immutable once issued/);

      const reloaded = await Document.findByPk(document.id);
      expect(reloaded!.content.equals(original)).toBe(true);
      const readAt = new Date('2024-05-01T08:00:00Z');
      await reloaded!.update({ readAt });
      expect((await Document.findByPk(document.id))!.readAt).toEqual(readAt);
    });

    it('a cancelled policy needs a cancellation date', async () => {
      initModels(db.sequelize);
      const customer = await createPerson();
      const error = await Policy.create({
        policyNumber: `P-${next()}`,
        customerId: customer.id,
        brokerId: null,
        product: 'home',
        status: 'cancelled',
        startDate: '2023-01-01',
        endDate: null,
        cancelledAt: null,
        cancelReason: 'customer_request',
        annualPremiumHuf: 60_000,
        paymentFrequency: 'annual',
        paymentMethod: 'bank_transfer',
        insuredObject: {
          kind: 'property',
          address: { postcode: '1111', city: 'Budapest', addressLine: 'Bartók Béla út 10.' },
          propertyType: 'flat',
          floorAreaM2: 54,
          buildYear: 1930,
          buildingSumHuf: 40_000_000,
          contentsSumHuf: 8_000_000,
        },
        correspondenceAddress: null,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'SequelizeDatabaseError', parent: { code: '23514', constraint: 'policies_check' } });
    });
  });
});
