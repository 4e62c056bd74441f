import { QueryTypes } from 'sequelize';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../common/accounts/password.ts';
import { DEMO_LOGINS, SeedRefusedError, isDatabaseSeeded, seedDemoData, type SeedSummary } from '../../../server/seed/index.ts';
import { useTestDatabase } from '../../support/database.ts';
import { pdfText } from '../documents/pdf-text.ts';
import { testPartnerSecrets } from '../../support/partner-secrets.ts';

const TODAY = '2026-11-24';

/** The seed against a real database (PostgreSQL with DATABASE_URL, else the embedded PGlite). */
describe('seedDemoData', () => {
  const db = useTestDatabase();
  let before: boolean;
  let summary: SeedSummary;

  const rows = <T extends object>(sql: string, replacements: Record<string, unknown> = {}) =>
    db.sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });
  const one = async <T extends object>(sql: string, replacements: Record<string, unknown> = {}) => (await rows<T>(sql, replacements))[0]!;
  const count = async (sql: string, replacements: Record<string, unknown> = {}) => Number((await one<{ n: string }>(sql, replacements)).n);

  beforeAll(async () => {
    before = await isDatabaseSeeded(db.sequelize);
    summary = await seedDemoData(db.sequelize, testPartnerSecrets, { today: TODAY });
  }, 120_000);

  // How fast the seed is belongs to the benchmark, not here: a loaded machine must not fail a test.
  it('fills an empty database', async () => {
    expect(before).toBe(false);
    expect(await isDatabaseSeeded(db.sequelize)).toBe(true);
    expect(summary.today).toBe(TODAY);
    expect(summary.durationMs.total).toBeGreaterThan(0);
  });

  it('reports the counts that are in the tables', async () => {
    for (const [table, n] of Object.entries(summary.counts)) {
      expect(await count(`select count(*) as n from ${table}`), table).toBe(n);
    }
    expect(summary.demoLogins).toBe(DEMO_LOGINS);
  });

  it('stores at least 200 customers, a fifth of them companies', async () => {
    const { total, companies } = await one<{ total: string; companies: string }>(
      `select count(*) as total, count(*) filter (where kind = 'company') as companies from customers`,
    );
    expect(Number(total)).toBeGreaterThanOrEqual(200);
    expect(Number(companies) / Number(total)).toBeGreaterThanOrEqual(0.2);
  });

  it('stores at least 500 policies of all four products, live and cancelled', async () => {
    expect(await count('select count(*) as n from policies')).toBeGreaterThanOrEqual(500);
    const mix = await rows<{ product: string; status: string }>('select distinct product, status from policies');
    for (const product of ['kgfb', 'casco', 'home', 'travel']) {
      expect(mix).toContainEqual({ product, status: 'active' });
      expect(mix).toContainEqual({ product, status: 'cancelled' });
    }
    expect(await count('select count(*) as n from policies where broker_id is null')).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from policies where insured_object->>'kind' is null`)).toBe(0);
  });

  it('stores paid, open and overdue invoices relative to the reference day', async () => {
    const states = await one<{ paid: string; upcoming: string; overdue: string }>(
      `select count(*) filter (where status = 'paid') as paid,
              count(*) filter (where status = 'open' and due_date >= :today) as upcoming,
              count(*) filter (where status = 'open' and due_date < :today) as overdue
         from invoices`,
      { today: TODAY },
    );
    expect(Number(states.paid)).toBeGreaterThan(0);
    expect(Number(states.upcoming)).toBeGreaterThan(0);
    expect(Number(states.overdue)).toBeGreaterThan(0);
  });

  it('stores claims with their status history', async () => {
    expect(await count('select count(*) as n from claims')).toBeGreaterThanOrEqual(30);
    const mismatched = await count(
      `select count(*) as n from claims c
        where c.status <> (select h.status from claim_status_history h where h.claim_id = c.id order by h.created_at desc, h.id desc limit 1)`,
    );
    expect(mismatched).toBe(0);
  });

  it('stores real PDFs whose sha256 and size match their content', async () => {
    const stats = await one<{ total: string; good: string; pdf: string; unread: string; read: string }>(
      `select count(*) as total,
              count(*) filter (where encode(sha256(content), 'hex') = sha256 and octet_length(content) = size_bytes) as good,
              count(*) filter (where substring(content from 1 for 5) = '\\x255044462d'::bytea) as pdf,
              count(*) filter (where read_at is null) as unread,
              count(*) filter (where read_at is not null) as read
         from documents`,
    );
    expect(Number(stats.total)).toBeGreaterThan(0);
    expect(stats.good).toBe(stats.total);
    expect(stats.pdf).toBe(stats.total);
    expect(Number(stats.unread)).toBeGreaterThan(0);
    expect(Number(stats.read)).toBeGreaterThan(0);
  });

  it('stores documents that read as the customer’s own', async () => {
    const [doc] = await rows<{ content: Buffer; name: string; customer_number: string; title: string }>(
      `select d.content, c.name, c.customer_number, d.title from documents d join customers c on c.id = d.customer_id
        where c.customer_number = :number and d.type = 'kotveny' order by d.issued_at limit 1`,
      { number: DEMO_LOGINS.person.customerNumber },
    );
    expect(doc).toBeDefined();
    const text = await pdfText(doc!.content);
    expect(text).toContain('Szőke Erzsébet');
    expect(text).toContain(`Ügyfélszám`);
    expect(text).toContain(doc!.customer_number);
    expect(doc!.title).toMatch(/^Kötvény – \d{9}$/);
  });

  it('creates accounts for the registered demo customers only', async () => {
    for (const login of [DEMO_LOGINS.person, DEMO_LOGINS.company]) {
      const account = await one<{ password_hash: string; email_verified_at: Date | null; customer_number: string }>(
        `select a.password_hash, a.email_verified_at, c.customer_number from accounts a join customers c on c.id = a.customer_id
          where lower(a.username) = lower(:username)`,
        { username: login.username },
      );
      expect(account.customer_number).toBe(login.customerNumber);
      expect(account.email_verified_at).not.toBeNull();
      expect(await verifyPassword(login.password, account.password_hash)).toBe(true);
    }
    for (const login of [DEMO_LOGINS.unregisteredPerson, DEMO_LOGINS.unregisteredCompany]) {
      const n = await count(`select count(*) as n from accounts a join customers c on c.id = a.customer_id where c.customer_number = :number`, {
        number: login.customerNumber,
      });
      expect(n).toBe(0);
      const live = await count(
        `select count(*) as n from policies p join customers c on c.id = p.customer_id join brokers b on b.id = p.broker_id
          where c.customer_number = :number and p.status = 'active' and b.code = 'BIZTOSPONT'`,
        { number: login.customerNumber },
      );
      expect(live).toBeGreaterThan(0);
    }
    const registered = await one<{ birth_date: string; postcode: string }>(
      `select birth_date::text as birth_date, postcode from customers where customer_number = :number`,
      { number: DEMO_LOGINS.unregisteredPerson.customerNumber },
    );
    expect(registered).toEqual({ birth_date: DEMO_LOGINS.unregisteredPerson.birthDate, postcode: DEMO_LOGINS.unregisteredPerson.postcode });
  });

  it('registers the portal and the brokers as partner clients', async () => {
    const clients = await rows<{
      client_id: string;
      policy_scope: string;
      code: string | null;
      origins: string[];
      redirect_uris: string[];
      client_secret: string | null;
    }>(
      `select pc.client_id, pc.policy_scope, b.code, pc.origins, pc.redirect_uris, pc.client_secret
         from partner_clients pc left join brokers b on b.id = pc.broker_id order by pc.client_id`,
    );
    const portal = clients.find((c) => c.client_id === 'portal');
    expect(portal).toMatchObject({ policy_scope: 'all', code: null, origins: ['http://localhost:3000'] });
    // Every client is confidential (the API authenticates with client_secret_basic), each with its own random secret.
    // Stored sealed (a JWE), never in clear.
    const secrets = await Promise.all(clients.map((c) => testPartnerSecrets.open(c.client_id, c.client_secret)));
    for (const c of clients) expect(c.client_secret).not.toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(secrets).size).toBe(clients.length);
    expect(clients.find((c) => c.client_id === 'biztos-pont')).toMatchObject({
      policy_scope: 'broker',
      code: 'BIZTOSPONT',
      origins: ['http://127.0.0.1:3001'],
    });
    expect(clients).toHaveLength(4);
    for (const c of clients) expect(c.redirect_uris).toEqual(['http://localhost:3000/api/session/callback']);
    const first = await one<{ name: string }>(`select name from brokers where code = 'BIZTOSPONT'`);
    expect(first.name).toBe('Biztos Pont Alkusz Kft.');
  });

  it('refuses to seed twice and leaves the data alone', async () => {
    const customers = await count('select count(*) as n from customers');
    await expect(seedDemoData(db.sequelize, testPartnerSecrets, { today: TODAY })).rejects.toBeInstanceOf(SeedRefusedError);
    await expect(seedDemoData(db.sequelize, testPartnerSecrets, { today: TODAY })).rejects.toThrow(/already holds customers/);
    expect(await count('select count(*) as n from customers')).toBe(customers);
  });
});
