import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { QueryTypes, type Sequelize } from 'sequelize';
import { insertRows } from '../server/db/insert-rows.ts';
import { issueBulk } from '../server/documents/delivery/issue-bulk.ts';
import { silentLogger } from '../common/http/logger.ts';
import { startMailSink, type MailSink } from '../server/notifications/dev-mail-sink.ts';
import { createNotificationSender, createTransport } from '../server/notifications/mailer.ts';
import { OutboxWorker } from '../server/notifications/outbox-worker.ts';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from '../server/seed/data/names.ts';
import { PLACES, STREETS } from '../server/seed/data/places.ts';
import { CARS } from '../server/seed/data/vehicles.ts';
import { seedDemoData } from '../server/seed/index.ts';
import { testPartnerSecrets } from '../test/support/partner-secrets.ts';
import { unlessInterrupted } from './interrupt.ts';
import { createBenchDatabase, runChildForJson, type BenchRecord } from './lib.ts';

/**
 * Bulk document issuing on real PostgreSQL: a throw-away database (migrated, seeded with the
 * demo data, then topped up with KGFB customers so exactly `documents` policies are active),
 * `issueBulk` of the policy document (kötvény) to every active KGFB policy — the path of
 * `portal document issue-bulk` — and then the product's outbox worker delivering every queued
 * e-mail over SMTP to a local sink. The issue run and the delivery are timed separately: the
 * command only queues the e-mails, the running portal sends them.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/bulk-documents.ts
 */

export interface BenchBulkDocumentsOptions {
  /** A PostgreSQL URL whose user may create and drop databases; the bench uses its own. */
  databaseUrl: string;
  /** Documents to issue (default 10,000). */
  documents?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

const DOCUMENTS_PER_SECOND_BUDGET = 500;
const WALL_TIME_BUDGET_S = 120;
const DELIVERY_TIMEOUT_MS = 90_000;

export async function benchBulkDocuments(options: BenchBulkDocumentsOptions): Promise<BenchRecord[]> {
  const started = performance.now();
  const target = options.documents ?? 10_000;
  const log = options.log ?? (() => {});
  const throwaway = await createBenchDatabase(options.databaseUrl, { poolMax: 5 });
  const { database } = throwaway;
  const name = new URL(throwaway.url).pathname.slice(1);
  // The sink keeps only its latest messages (whole, parsed); the bench copies out what it checks as they arrive.
  const sink = await startMailSink({ keep: 1000 });
  const received = collectReceived(sink);
  const transport = createTransport({ smtpUrl: `smtp://127.0.0.1:${sink.port}` });
  let worker: OutboxWorker | null = null;
  try {
    const { sequelize } = database;
    await seedDemoData(sequelize, testPartnerSecrets);
    const seeded = await activeKgfbPolicies(sequelize);
    await addKgfbCustomers(sequelize, Math.max(0, target - seeded));
    const prepared = performance.now();
    log(`database ${name} ready: ${await activeKgfbPolicies(sequelize)} active KGFB policies (${((prepared - started) / 1000).toFixed(1)} s)`);

    // 1. The bulk run (render workers: the command's default, one per core up to 4).
    const cpuBefore = process.cpuUsage();
    const result = await issueBulk(
      { sequelize, publicUrl: new URL('https://portal.example'), actorId: 'bench:bulk-documents' },
      { type: 'kotveny', product: 'kgfb', source: 'operations', renderWorkers: Math.min(availableParallelism(), 4) },
    );
    const cpu = process.cpuUsage(cpuBefore);
    log(`issue run CPU of this process: ${((cpu.user + cpu.system) / 1000 / result.issued).toFixed(2)} ms/document`);
    log(
      `issued ${result.issued} documents in ${(result.durationMs / 1000).toFixed(1)} s (${result.documentsPerSecond}/s, ${result.renderWorkers} render workers); ` +
        `${result.notificationsQueued} e-mails queued, ${result.withoutEmail} customers without an address`,
    );

    // 2. Delivery: the product's outbox worker, as the portal runs it, to a real SMTP server.
    const deliveryStarted = performance.now();
    worker = new OutboxWorker({ sequelize, send: createNotificationSender(transport), logger: silentLogger, pollIntervalMs: 100 });
    worker.start();
    let deliveryError: string | null = null;
    await sink.waitFor(result.notificationsQueued, DELIVERY_TIMEOUT_MS).catch((error: Error) => {
      deliveryError = error.message;
    });
    const deliveredAt = performance.now();
    const deliverySeconds = (deliveredAt - deliveryStarted) / 1000;
    // Give a duplicate (a second send of a row) the chance to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await worker.stop();
    worker = null;
    if (deliveryError) log(`delivery incomplete: ${deliveryError}`);

    received.stop();
    if (received.lost > 0) log(`${received.lost} e-mails left the sink's window before they were read`);
    const check = await checkRun(sequelize, result.runId, received.mails, received.lost);
    log(
      `delivered ${check.delivered} e-mails in ${deliverySeconds.toFixed(1)} s; ${check.duplicates} duplicates, ${check.unknown} unknown, ${check.missing} missing`,
    );
    const wallSeconds = (performance.now() - started) / 1000;
    const documentsPerSecond = round(result.issued / (result.durationMs / 1000));
    return [
      {
        name: 'bulk documents: issued per second',
        value: documentsPerSecond,
        unit: 'documents/s',
        limit: DOCUMENTS_PER_SECOND_BUDGET,
        met: documentsPerSecond >= DOCUMENTS_PER_SECOND_BUDGET,
      },
      { name: 'bulk documents: issued', value: result.issued, unit: 'documents', limit: target, met: result.issued === target && check.documents === target },
      { name: 'bulk documents: stored PDFs whose sha256 does not match', value: check.badDigests, unit: 'documents', limit: 0, met: check.badDigests === 0 },
      { name: 'bulk documents: e-mails per second', value: round(check.delivered / Math.max(deliverySeconds, 0.001)), unit: 'e-mails/s' },
      {
        name: 'bulk documents: e-mails delivered (one per document)',
        value: check.delivered,
        unit: 'e-mails',
        limit: result.notificationsQueued,
        met:
          check.delivered === result.notificationsQueued &&
          check.missing === 0 &&
          check.unknown === 0 &&
          result.notificationsQueued + result.withoutEmail === result.issued,
      },
      { name: 'bulk documents: duplicate e-mails', value: check.duplicates, unit: 'e-mails', limit: 0, met: check.duplicates === 0 },
      { name: 'bulk documents: total wall time', value: round(wallSeconds), unit: 's', limit: WALL_TIME_BUDGET_S, met: wallSeconds <= WALL_TIME_BUDGET_S },
    ];
  } finally {
    received.stop();
    await worker?.stop();
    transport.close();
    await sink.close();
    await throwaway.drop();
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

async function activeKgfbPolicies(sequelize: Sequelize): Promise<number> {
  const [row] = await sequelize.query<{ n: string }>(`select count(*) as n from policies where product = 'kgfb' and status = 'active'`, {
    type: QueryTypes.SELECT,
  });
  return Number(row!.n);
}

/** `count` person customers, each with one active KGFB policy and its own e-mail address; names drawn from the seed's lists. */
async function addKgfbCustomers(sequelize: Sequelize, count: number): Promise<void> {
  if (count === 0) return;
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
  const customers = Array.from({ length: count }, (_, i) => {
    const given = i % 2 ? pick(FEMALE_GIVEN_NAMES, i * 7) : pick(MALE_GIVEN_NAMES, i * 11);
    const place = pick(PLACES, i * 13);
    return [
      String(90_000_000 + i),
      'person',
      `${pick(FAMILY_NAMES, i * 3 + Math.floor(i / 60))} ${given}`,
      `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
      place.postcode,
      place.city,
      `${pick(STREETS, i * 5)} ${1 + (i % 97)}.`,
      `bench.${i}@example.hu`,
      i % 10 === 0 ? 'en' : 'hu',
    ];
  });
  const ids = await insertRows(
    sequelize,
    null,
    'customers',
    ['customer_number', 'kind', 'name', 'birth_date', 'postcode', 'city', 'address_line', 'email', 'language'],
    customers,
    { returning: ['id', 'customer_number'] },
  );
  const idOf = new Map(ids.map((r) => [String(r.customer_number), Number(r.id)]));
  const policies = customers.map((c, i) => {
    const [make, model] = pick(CARS, i * 17);
    const insured = {
      kind: 'vehicle',
      plate: `B${String.fromCharCode(65 + (i % 26))} ${String.fromCharCode(65 + ((i >> 3) % 26))}${String.fromCharCode(65 + ((i >> 5) % 26))}-${String(i % 1000).padStart(3, '0')}`,
      make,
      model,
      year: 2005 + (i % 20),
      vin: `TMB${String(i).padStart(14, '0')}`,
      bonusMalus: `B${1 + (i % 10)}`,
    };
    return [
      `39${String(i).padStart(7, '0')}`,
      idOf.get(String(c[0]))!,
      'kgfb',
      'active',
      `202${i % 6}-0${1 + (i % 9)}-01`,
      60_000 + (i % 400) * 250,
      ['annual', 'semiannual', 'quarterly'][i % 3],
      ['bank_transfer', 'direct_debit', 'card', 'postal_cheque'][i % 4],
      JSON.stringify(insured),
    ];
  });
  await insertRows(
    sequelize,
    null,
    'policies',
    ['policy_number', 'customer_id', 'product', 'status', 'start_date', 'annual_premium_huf', 'payment_frequency', 'payment_method', 'insured_object'],
    policies,
    { casts: { insured_object: 'jsonb' } },
  );
}

interface RunCheck {
  documents: number;
  badDigests: number;
  delivered: number;
  duplicates: number;
  /** Received e-mails that match no notification of the run (or went to another address). */
  unknown: number;
  /** Notifications of the run that were not received. */
  missing: number;
}

interface Received {
  messageId: string | undefined;
  envelopeTo: string[];
}

/** Reads the sink's sliding window every 50 ms and keeps each message's Message-ID and recipients (by the sink's sequence number). */
function collectReceived(sink: MailSink): { mails: Received[]; lost: number; stop(): void } {
  const state = { mails: [] as Received[], lost: 0, stop: () => {} };
  let last = 0;
  const collect = () => {
    for (const mail of sink.messages()) {
      if (mail.index <= last) continue;
      state.lost += mail.index - last - 1;
      last = mail.index;
      state.mails.push({ messageId: mail.messageId, envelopeTo: mail.envelopeTo });
    }
  };
  const timer = setInterval(collect, 50);
  state.stop = () => {
    clearInterval(timer);
    collect();
  };
  return state;
}

/** Compares what the sink received with the run's documents and outbox rows, by Message-ID and recipient. */
async function checkRun(sequelize: Sequelize, runId: string, received: Received[], lost: number): Promise<RunCheck> {
  const documents = await sequelize.query<{ id: string; ok: boolean }>(
    `select d.id, encode(sha256(d.content), 'hex') = d.sha256 as ok
       from documents d join audit_events a on a.subject_type = 'document' and a.subject_id = d.id::text
      where a.action = 'document.issued' and a.metadata->>'bulkRunId' = :runId`,
    { replacements: { runId }, type: QueryTypes.SELECT },
  );
  // The e-mail's deep link names its document; exactly one e-mail per document of the run.
  const notifications = await sequelize.query<{ message_id: string; to_address: string; document_id: string }>(
    `select message_id, to_address, substring(data->>'loginUrl' from 'document=([0-9a-f-]+)') as document_id
       from notifications where template = 'document_notification'`,
    { type: QueryTypes.SELECT },
  );
  const runDocuments = new Set(documents.map((d) => d.id));
  const ofRun = notifications.filter((n) => runDocuments.has(n.document_id));
  const perDocument = new Set(ofRun.map((n) => n.document_id));
  const expected = new Map(ofRun.map((n) => [n.message_id, n.to_address]));
  const seen = new Map<string, number>();
  let unknown = 0;
  for (const mail of received) {
    const id = mail.messageId ?? '';
    seen.set(id, (seen.get(id) ?? 0) + 1);
    const to = expected.get(id);
    if (to === undefined || mail.envelopeTo.length !== 1 || mail.envelopeTo[0] !== to) unknown += 1;
  }
  let duplicates = 0;
  for (const n of seen.values()) duplicates += n - 1;
  let missing = 0;
  for (const id of expected.keys()) if (!seen.has(id)) missing += 1;
  return {
    documents: documents.length,
    badDigests: documents.filter((d) => !d.ok).length,
    delivered: received.length + lost,
    duplicates,
    unknown: unknown + lost,
    missing: missing + (runDocuments.size - perDocument.size) + (ofRun.length - perDocument.size),
  };
}

/**
 * The same, in a child process of its own, as `portal document issue-bulk` runs in the command
 * line's process: nothing of the bench's other parts in its heap. Its progress lines go to `log`,
 * its records come back on its stdout.
 */
export function benchBulkDocumentsInChild(options: BenchBulkDocumentsOptions): Promise<BenchRecord[]> {
  return runChildForJson<BenchRecord[]>('the bulk documents bench', ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, DATABASE_URL: options.databaseUrl, BULK_DOCUMENTS: String(options.documents ?? 10_000), BULK_RECORDS: 'json' },
    onStderrLine: (line) => options.log?.(line),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('Set DATABASE_URL to a PostgreSQL server (a throw-away database is created and dropped there).');
    process.exit(2);
  }
  const documents = process.env.BULK_DOCUMENTS ? Number(process.env.BULK_DOCUMENTS) : undefined;
  const records = await unlessInterrupted(benchBulkDocuments({ databaseUrl, documents, log: (line) => console.error(line) }));
  if (process.env.BULK_RECORDS === 'json') {
    process.stdout.write(JSON.stringify(records));
  } else {
    for (const r of records) {
      const budget = r.limit === undefined ? '' : ` (budget ${r.limit}: ${r.met ? 'met' : 'NOT met'})`;
      console.log(`${r.name}: ${r.value} ${r.unit}${budget}`);
    }
    process.exitCode = records.every((r) => r.met !== false) ? 0 : 1;
  }
}
