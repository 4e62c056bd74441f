// The ceiling for the API figures: a minimal node:http server on a bare `pg` pool that runs the
// queries the API runs for a logged-in `GET /api/policies` and `GET /api/documents`, the very
// same prepared statements: the session lookup of the API's authentication (server/api/session/
// session-store.ts, for a fixed session), then the counts and the page (server/domain/policies/
// list-policies.ts, server/domain/mailbox/list-documents.ts; default page size 20), and answers
// JSON. No cookie parsing, no routing framework, no validation, no origin checks, no mapping
// beyond JSON.stringify: what PostgreSQL and Node can give on this machine for those queries.
// `/without-session/policies` and `/without-session/documents` skip the session lookup (the
// scope is looked up once at start): a second, stricter comparison, recorded without a budget.
//
// It runs in a process of its own (`startCeilingProcess`), like the product's server is the
// bench's: neither pays for the other's garbage collection or event loop.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { DEFAULT_PAGE_SIZE } from '../server/kernel/paging.ts';
import { POLICY_LIST } from '../server/domain/policies/list-policies.ts';
import { MAILBOX_LIST, type MailboxListRow } from '../server/domain/mailbox/list-documents.ts';
import type { PreparedStatement } from '../server/db/prepared-statement.ts';
import { FIND_SESSION, findSessionValues, type SessionRow } from '../server/domain/session/session-store.ts';
import { budapestDate } from '../server/kernel/calendar.ts';
import { closeServerNow } from '../test/support/close-server.ts';
import { undoable } from './interrupt.ts';
import { serverHeapFlags } from './lib.ts';
import { DEFAULT_SESSION_LIFETIMES } from '../common/security/session-lifetimes.ts';

export interface CeilingServer {
  origin: string;
  close(): Promise<void>;
}

export async function startCeilingServer(databaseUrl: string, sessionIdHash: string, poolMax = 10): Promise<CeilingServer> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax });
  const today = () => budapestDate(new Date());

  // The API's own statements, prepared the same way (named, once per connection).
  const select = async <Row extends object>(statement: PreparedStatement, values: readonly unknown[]) =>
    (await pool.query<Row>({ name: statement.name, text: statement.text, values: [...values] })).rows;

  /** The customer and broker scope of the session, as the API's authentication looks them up for every request. */
  async function lookUpSession(): Promise<{ customerId: number; brokerId: number | null }> {
    const [row] = await select<SessionRow>(FIND_SESSION, findSessionValues(sessionIdHash, DEFAULT_SESSION_LIFETIMES.absoluteSeconds));
    if (!row || row.expired || !row.active) throw new Error("the ceiling's session is gone");
    return { customerId: row.customer_id, brokerId: row.policy_scope === 'broker' ? row.broker_id : null };
  }
  // For the `/without-session/…` variant (a figure of its own, no budget): the scope looked up once.
  const known = await lookUpSession();

  async function policies(withSession: boolean): Promise<unknown> {
    const { customerId, brokerId } = withSession ? await lookUpSession() : known;
    const rows = await select<Record<string, unknown>>(POLICY_LIST, [customerId, brokerId, null, today(), DEFAULT_PAGE_SIZE, 0]);
    const items = rows.filter((row) => row.p_id != null);
    const active = Number(rows[0]?.active_count ?? 0);
    const cancelled = Number(rows[0]?.cancelled_count ?? 0);
    return { items, page: 1, pageSize: DEFAULT_PAGE_SIZE, total: active + cancelled, status: 'all', counts: { active, cancelled } };
  }

  async function documents(withSession: boolean): Promise<unknown> {
    const { customerId, brokerId } = withSession ? await lookUpSession() : known;
    const rows = await select<MailboxListRow>(MAILBOX_LIST, [customerId, brokerId, null, null, null, DEFAULT_PAGE_SIZE, 0]);
    const totals = rows[0]!;
    const items = rows.filter((row) => row.id != null);
    const types = (JSON.parse(totals.type_counts) as [string, number][]).map(([type, count]) => ({ type, count }));
    return { items, page: 1, pageSize: DEFAULT_PAGE_SIZE, total: Number(totals.matching_total), unreadCount: Number(totals.unread_total), types };
  }

  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const withSession = !path.startsWith('/without-session/');
    const name = withSession ? path : path.slice('/without-session'.length);
    const handler = name === '/policies' ? policies : name === '/documents' ? documents : null;
    if (!handler) {
      response.writeHead(404).end();
      return;
    }
    handler(withSession).then(
      (body) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      },
    );
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      await closeServerNow(server);
      await pool.end();
    },
  };
}

/** The ceiling server in a child process; `close()` ends it. */
export async function startCeilingProcess(databaseUrl: string, sessionIdHash: string): Promise<CeilingServer> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [...serverHeapFlags(), '--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.write(`${JSON.stringify({ databaseUrl, sessionIdHash })}\n`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = undoable(async () => {
    child.stdin.end(); // the child closes its server and pool, then exits
    await exited;
  });
  const [line] = await Promise.race([
    (async () => {
      for await (const first of createInterface({ input: child.stdout })) return [first];
      return [undefined];
    })(),
    exited.then(() => [undefined]),
  ]);
  const origin = line ? (JSON.parse(line) as { origin?: string }).origin : undefined;
  if (!origin) {
    child.kill();
    await close();
    throw new Error('the ceiling server did not start');
  }
  return { origin, close };
}

// As a child process: the job on stdin's first line, the origin on stdout, runs until stdin ends.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lines = createInterface({ input: process.stdin });
  const iterator = lines[Symbol.asyncIterator]();
  const { value } = await iterator.next();
  const job = JSON.parse(String(value)) as { databaseUrl: string; sessionIdHash: string };
  const server = await startCeilingServer(job.databaseUrl, job.sessionIdHash);
  process.stdout.write(`${JSON.stringify({ origin: server.origin })}\n`);
  while (!(await iterator.next()).done) {
    // nothing else comes: wait for the end of stdin
  }
  await server.close();
  process.exit(0);
}
