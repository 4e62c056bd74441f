import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../../support/database.ts';
import { CliError } from '../../../../server/cli/cli-error.ts';
import { parseDocumentArgs, runDocumentCommand, type DocumentCommandEnvironment } from '../../../../server/cli/commands/document.ts';
import { commands } from '../../../../server/cli/commands/index.ts';
import { count, createCustomer, createInvoice, createPolicy, minimalPdf, type TestCustomer, type TestPolicy } from './fixtures.ts';

/** The `portal document` command's body, in process, against the test database (works on PGlite and PostgreSQL). */
const db = useTestDatabase();
let dir: string;
let customer: TestCustomer;
let policy: TestPolicy;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gp-doc-cli-'));
  customer = await createCustomer(db.sequelize, { name: 'Fekete Ödön', email: 'fekete.odon@example.hu' });
  policy = await createPolicy(db.sequelize, customer.id, { product: 'kgfb' });
  await createInvoice(db.sequelize, policy);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function environment(stderrIsTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const env: DocumentCommandEnvironment = {
    sequelize: db.sequelize,
    publicUrl: new URL('https://portal.example'),
    actorId: 'cli:test',
    stdout: { write: (chunk: string) => out.push(chunk) },
    stderr: { isTTY: stderrIsTTY, write: (chunk: string) => err.push(chunk) },
  };
  return { env, stdout: () => out.join(''), stderr: () => err.join('') };
}

const usage = (values: Record<string, string | boolean | undefined>, positionals: string[]) => {
  try {
    parseDocumentArgs(values, positionals);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return error as CliError;
  }
  throw new Error('expected a usage error');
};

describe('portal document: arguments', () => {
  it('is registered as a command', () => {
    expect(commands.document?.summary).toMatch(/issue documents/);
    expect(commands.document?.usage).toContain('portal document issue-bulk --type <type> --product');
  });

  it('refuses incomplete or wrong arguments with exit code 2 and the usage, before touching the database', () => {
    const cases: [Record<string, string | boolean | undefined>, string[], RegExp][] = [
      [{}, [], /Missing the action/],
      [{}, ['publish'], /Unknown action "publish"/],
      [{ type: 'kotveny' }, ['issue'], /Missing --customer/],
      [{ customer: 'Kovács', type: 'kotveny' }, ['issue'], /not a customer number/],
      [{ customer: '40000001' }, ['issue'], /Missing --type/],
      [{ customer: '40000001', type: 'levél' }, ['issue'], /Unknown document type "levél"/],
      [{ customer: '40000001', type: 'kotveny', product: 'kgfb' }, ['issue'], /--product does not apply/],
      [{ type: 'dijbekero' }, ['issue-bulk'], /Missing --product/],
      [{ type: 'dijbekero', product: 'boat' }, ['issue-bulk'], /Unknown product "boat"/],
      [{ type: 'dijbekero', product: 'kgfb', customer: '40000001' }, ['issue-bulk'], /--customer does not apply/],
      [{ type: 'dijbekero', product: 'kgfb' }, ['issue-bulk', 'extra'], /Unexpected argument "extra"/],
    ];
    for (const [values, positionals, message] of cases) {
      const error = usage(values, positionals);
      expect(error.exitCode).toBe(2);
      expect(error.message).toMatch(message);
      expect(error.message).toContain('Usage:');
    }
    expect(parseDocumentArgs({ customer: '40000001', type: 'dijbekero', policy: '310000001' }, ['issue'])).toEqual({
      action: 'issue',
      customerNumber: '40000001',
      type: 'dijbekero',
      policyNumber: '310000001',
      file: null,
    });
    expect(parseDocumentArgs({ type: 'dijbekero', product: 'kgfb', again: true }, ['issue-bulk'])).toEqual({
      action: 'issue-bulk',
      type: 'dijbekero',
      product: 'kgfb',
      again: true,
    });
  });
});

describe('portal document: running', () => {
  it('issue: prints the document id and that the e-mail is queued, and nothing personal', async () => {
    const { env, stdout } = environment();
    await runDocumentCommand(parseDocumentArgs({ customer: customer.customerNumber, type: 'dijbekero', policy: policy.policyNumber }, ['issue']), env);
    const [row] = await db.sequelize.query<{ id: string }>('select id from documents where customer_id = $1', { bind: [customer.id], type: QueryTypes.SELECT });
    expect(stdout()).toContain(`Issued Díjbekérő (dijbekero) for policy ${policy.policyNumber} into the mailbox of customer ${customer.customerNumber}`);
    expect(stdout()).toContain(`document   ${row!.id}`);
    expect(stdout()).toMatch(/e-mail {5}queued \(notification [0-9a-f-]{36}\); the running portal sends it\./);
    for (const personal of [customer.name, 'fekete', 'Győr', 'Széchenyi']) expect(stdout()).not.toContain(personal);
    expect(await count(db.sequelize, 'select 1 from notifications where customer_id = $1', [customer.id])).toBe(1);
  });

  it('issue: says when no e-mail could be queued', async () => {
    const silent = await createCustomer(db.sequelize, { email: null });
    const home = await createPolicy(db.sequelize, silent.id, { product: 'home' });
    const { env, stdout } = environment();
    await runDocumentCommand(parseDocumentArgs({ customer: silent.customerNumber, type: 'kotveny', policy: home.policyNumber }, ['issue']), env);
    expect(stdout()).toContain('e-mail     NOT queued: the customer has no e-mail address on file.');
  });

  it('issue --file: delivers a PDF, refuses anything else with the error code and stores nothing', async () => {
    const pdf = join(dir, 'modositas.pdf');
    const notPdf = join(dir, 'modositas.docx');
    await writeFile(pdf, minimalPdf());
    await writeFile(notPdf, Buffer.from('PK\x03\x04 word document', 'latin1'));
    const before = await count(db.sequelize, 'select 1 from documents where customer_id = $1', [customer.id]);

    const refused = environment();
    const error = await runDocumentCommand(
      parseDocumentArgs({ customer: customer.customerNumber, type: 'modositas_visszaigazolas', policy: policy.policyNumber, file: notPdf }, ['issue']),
      refused.env,
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toMatch(/^Not issued \(not_a_pdf\): /);
    const missing = await runDocumentCommand(
      parseDocumentArgs({ customer: customer.customerNumber, type: 'modositas_visszaigazolas', policy: policy.policyNumber, file: join(dir, 'nope.pdf') }, [
        'issue',
      ]),
      refused.env,
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect((missing as CliError).message).toContain('Cannot read --file');
    expect(await count(db.sequelize, 'select 1 from documents where customer_id = $1', [customer.id])).toBe(before);

    const ok = environment();
    await runDocumentCommand(
      parseDocumentArgs({ customer: customer.customerNumber, type: 'modositas_visszaigazolas', policy: policy.policyNumber, file: pdf }, ['issue']),
      ok.env,
    );
    expect(ok.stdout()).toContain('Issued Szerződésmódosítás visszaigazolása (modositas_visszaigazolas)');
    expect(ok.stdout()).toContain('(uploaded PDF)');
    expect(await count(db.sequelize, 'select 1 from documents where customer_id = $1', [customer.id])).toBe(before + 1);
  });

  it('issue: a refusal names its code (an event type without --file)', async () => {
    const { env } = environment();
    const error = await runDocumentCommand(
      parseDocumentArgs({ customer: customer.customerNumber, type: 'karbejelentes_visszaigazolas', policy: policy.policyNumber }, ['issue']),
      env,
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as CliError).message).toMatch(/^Not issued \(type_not_issuable\): .*prepared PDF/);
  });

  it('issue-bulk: progress on stderr (a line per 10 % off a terminal), a summary on stdout', async () => {
    for (let i = 0; i < 3; i++) {
      const c = await createCustomer(db.sequelize);
      await createInvoice(db.sequelize, await createPolicy(db.sequelize, c.id, { product: 'casco' }));
    }
    await createPolicy(db.sequelize, (await createCustomer(db.sequelize)).id, { product: 'casco' }); // nothing to bill
    const { env, stdout, stderr } = environment(false);
    await runDocumentCommand(parseDocumentArgs({ type: 'dijbekero', product: 'casco' }, ['issue-bulk']), env);
    expect(stdout()).toContain('Issuing Díjbekérő (dijbekero) for every active CASCO policy');
    expect(stdout()).toMatch(/Done in [\d.]+ s: 3 of 4 active policies got a document \([\d.]+ documents\/s\)\./);
    expect(stdout()).toContain('e-mails    3 queued; the running portal sends them.');
    expect(stdout()).toMatch(/1 {2}nothing_to_bill \(no open invoice\)/);
    expect(stderr()).toMatch(/Díjbekérő: 4\/4 100%/);
    expect(stderr()).not.toContain('\r');
  });
});
