import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase } from '../../../support/database.ts';
import { openDatabase } from '../../../../server/db/database.ts';
import { migrate } from '../../../../server/db/migrator.ts';
import { count, createCustomer, createInvoice, createPolicy, type TestCustomer, type TestPolicy } from './fixtures.ts';

/**
 * `node bin/portal.js document …` as operations runs it, as a child process. On PostgreSQL the
 * child gets a throw-away database's DATABASE_URL; without it, its own embedded database
 * (DATA_DIR), which this process fills and reads only while the child is not running (PGlite
 * serves one process at a time).
 */
const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../../../bin/portal.js', import.meta.url));

interface Target {
  env: NodeJS.ProcessEnv;
  /** Runs `work` with a connection to the child's database. */
  use<T>(work: (sequelize: Sequelize) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function target(): Promise<Target> {
  const base = { ...process.env, PUBLIC_URL: 'https://portal.example', NODE_ENV: 'development', LOG_LEVEL: 'error' };
  if (process.env.DATABASE_URL) {
    const db = await createTestDatabase();
    return { env: { ...base, DATABASE_URL: db.url! }, use: (work) => work(db.sequelize), close: () => db.drop() };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'gp-doc-cli-'));
  const env: NodeJS.ProcessEnv = { ...base, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return {
    env,
    async use(work) {
      const database = await openDatabase({ dataDir });
      try {
        await migrate(database.sequelize);
        return await work(database.sequelize);
      } finally {
        await database.close();
      }
    },
    close: () => rm(dataDir, { recursive: true, force: true }),
  };
}

let db: Target;
let customer: TestCustomer;
let policy: TestPolicy;
let unbilled: TestPolicy;

beforeAll(async () => {
  db = await target();
  await db.use(async (sequelize) => {
    customer = await createCustomer(sequelize, { name: 'Vörös Győző', email: 'voros.gyozo@example.hu' });
    policy = await createPolicy(sequelize, customer.id, { product: 'kgfb' });
    unbilled = await createPolicy(sequelize, customer.id, { product: 'home' });
    await createInvoice(sequelize, policy);
    for (let i = 0; i < 3; i++) {
      const c = await createCustomer(sequelize);
      await createInvoice(sequelize, await createPolicy(sequelize, c.id, { product: 'kgfb' }));
    }
  });
}, 120_000);
afterAll(async () => {
  await db?.close();
}, 60_000);

async function portal(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: db.env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('node bin/portal.js document', () => {
  it('issues one document: the row and its queued e-mail exist, the output names the document id and no personal data', async () => {
    const result = await portal('document', 'issue', '--customer', customer.customerNumber, '--type', 'dijbekero', '--policy', policy.policyNumber);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const id = /document {3}([0-9a-f-]{36})/.exec(result.stdout)?.[1];
    expect(id).toBeDefined();
    expect(result.stdout).toContain('queued');
    expect(result.stdout).toContain('the running portal sends it');
    for (const personal of ['Vörös', 'voros.gyozo', 'Győr']) expect(result.stdout).not.toContain(personal);

    await db.use(async (sequelize) => {
      const [row] = await sequelize.query<{ type: string; source: string; policy_id: number }>('select type, source, policy_id from documents where id = $1', {
        bind: [id],
        type: QueryTypes.SELECT,
      });
      expect(row).toMatchObject({ type: 'dijbekero', source: 'operations', policy_id: policy.id });
      const [mail] = await sequelize.query<{ to_address: string; status: string; data: { loginUrl: string } }>(
        'select to_address, status, data from notifications where customer_id = $1',
        { bind: [customer.id], type: QueryTypes.SELECT },
      );
      expect(mail).toMatchObject({
        to_address: 'voros.gyozo@example.hu',
        status: 'pending',
        data: { loginUrl: `https://portal.example/?view=levelezes&document=${id}` },
      });
      const [audit] = await sequelize.query<{ actor_type: string; actor_id: string }>('select actor_type, actor_id from audit_events where subject_id = $1', {
        bind: [id],
        type: QueryTypes.SELECT,
      });
      expect(audit?.actor_type).toBe('operator');
      expect(audit?.actor_id).toMatch(/^cli/);
    });
  }, 60_000);

  it('refuses with the error code and exit code 1, and with the usage and exit code 2 for bad arguments', async () => {
    const refused = await portal('document', 'issue', '--customer', customer.customerNumber, '--type', 'dijbekero', '--policy', unbilled.policyNumber);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Not issued (nothing_to_bill)');
    const bad = await portal('document', 'issue', '--customer', customer.customerNumber, '--type', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown document type "nope"');
    expect(bad.stderr).toContain('Usage:');
    const help = await portal('document', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('portal document issue-bulk --type <type> --product <kgfb|casco|home|travel>');
    await db.use(async (sequelize) => expect(await count(sequelize, 'select 1 from documents where policy_id = $1', [unbilled.id])).toBe(0));
  }, 60_000);

  it('issue-bulk: one per active policy of the product, progress lines on a non-terminal stderr, then a summary', async () => {
    const result = await portal('document', 'issue-bulk', '--type', 'dijbekero', '--product', 'kgfb');
    expect(result.code).toBe(0);
    // The first policy got its notice in the test above today: skipped, not doubled.
    expect(result.stdout).toMatch(/Done in [\d.]+ s: 3 of 4 active policies got a document/);
    expect(result.stdout).toContain('already_issued_today');
    expect(result.stdout).toContain('e-mails    3 queued; the running portal sends them.');
    expect(result.stderr).toMatch(/Díjbekérő: 4\/4 100%/);
    await db.use(async (sequelize) => {
      expect(await count(sequelize, `select 1 from documents where type = 'dijbekero'`)).toBe(4);
      expect(await count(sequelize, `select 1 from notifications where template = 'document_notification'`)).toBe(4);
    });
  }, 60_000);
});
