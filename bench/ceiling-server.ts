// The ceiling for the API figures: a minimal node:http server on a bare `pg` pool that runs the
// same SQL the API runs for `GET /api/policies` and `GET /api/documents` (server/domain/policies/
// list-policies.ts and server/domain/mailbox/list-documents.ts: same filters, default page size
// 20, same order), for a fixed customer and broker scope, and answers JSON. No session, no
// routing framework, no validation, no mapping beyond JSON.stringify: what PostgreSQL and Node
// can give on this machine.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { POLICY_COLUMNS } from '../server/domain/policies/policy-access.ts';
import { DEFAULT_PAGE_SIZE } from '../server/domain/policies/paging.ts';
import { DOCUMENT_COLUMNS, DOCUMENT_SCOPE } from '../server/domain/mailbox/document-view.ts';

export interface CeilingServer {
  origin: string;
  close(): Promise<void>;
}

const POLICY_COUNTS = `select count(*) filter (where status = 'active') as active, count(*) filter (where status = 'cancelled') as cancelled
  from policies where customer_id = $1 and ($2::int is null or broker_id = $2::int)`;

const POLICY_PAGE = `select ${POLICY_COLUMNS}, o.outstanding_huf, o.open_invoices, o.overdue_invoices, r.pending_changes
   from policies p
   left join brokers b on b.id = p.broker_id
   cross join lateral (
     select coalesce(sum(i.amount_huf), 0) as outstanding_huf, count(*) as open_invoices,
            count(*) filter (where i.due_date < $4::date) as overdue_invoices
       from invoices i where i.policy_id = p.id and i.status = 'open') o
   cross join lateral (
     select count(*) as pending_changes from change_requests cr where cr.policy_id = p.id and cr.status = 'pending') r
  where p.customer_id = $1 and ($2::int is null or p.broker_id = $2::int) and ($3::text is null or p.status = $3::text)
  order by case p.status when 'active' then 0 else 1 end, p.start_date desc, p.id desc
  limit $5 offset $6`;

const FROM = `documents d left join policies p on p.id = d.policy_id`;
const FILTERS = `($3::text is null or d.type = $3::text) and ($4::int is null or d.policy_id = $4::int)
  and ($5::boolean is not true or d.read_at is null)`;
const FILTER = `${DOCUMENT_SCOPE} and ${FILTERS}`;
const DOCUMENTS_COUNTS = `select count(*) filter (where ${FILTERS}) as total, count(*) filter (where d.read_at is null) as unread from ${FROM} where ${DOCUMENT_SCOPE}`;
const DOCUMENTS_PAGE = `select ${DOCUMENT_COLUMNS} from ${FROM} where ${FILTER} order by d.issued_at desc, d.id limit $6 offset $7`;

export async function startCeilingServer(databaseUrl: string, scope: { customerId: number; brokerId: number | null }, poolMax = 10): Promise<CeilingServer> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax });
  const { customerId, brokerId } = scope;
  const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Budapest' });

  async function policies(): Promise<unknown> {
    const counts = (await pool.query(POLICY_COUNTS, [customerId, brokerId])).rows[0];
    const items = (await pool.query(POLICY_PAGE, [customerId, brokerId, null, today(), DEFAULT_PAGE_SIZE, 0])).rows;
    const active = Number(counts?.active ?? 0);
    const cancelled = Number(counts?.cancelled ?? 0);
    return { items, page: 1, pageSize: DEFAULT_PAGE_SIZE, total: active + cancelled, status: 'all', counts: { active, cancelled } };
  }

  async function documents(): Promise<unknown> {
    const bind = [customerId, brokerId, null, null, null];
    const counts = (await pool.query(DOCUMENTS_COUNTS, bind)).rows[0];
    const items = (await pool.query(DOCUMENTS_PAGE, [...bind, DEFAULT_PAGE_SIZE, 0])).rows;
    return { items, page: 1, pageSize: DEFAULT_PAGE_SIZE, total: Number(counts?.total ?? 0), unreadCount: Number(counts?.unread ?? 0) };
  }

  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const handler = path === '/policies' ? policies : path === '/documents' ? documents : null;
    if (!handler) {
      response.writeHead(404).end();
      return;
    }
    handler().then(
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
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.end();
    },
  };
}
