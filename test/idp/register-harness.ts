import { createHash } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createProvider } from '../../idp/provider.ts';
import { generateIdpKeys } from '../../idp/keys.ts';
import { createIdpRoutes } from '../../idp/routes.ts';
import { idpPorts } from '../../server/app/idp-ports.ts';
import { silentLogger } from '../../common/http/logger.ts';
import { testPartnerSecrets } from '../support/partner-secrets.ts';

/**
 * Shared by the self-service tests (register-*, verify-*, reset-*): the real IdP routes on a
 * real database, requests the way a browser sends them, and small readers for the answers.
 */
export const PUBLIC_URL = new URL('http://localhost:3000');
export const ORIGIN = PUBLIC_URL.origin;

export interface Harness {
  app: ReturnType<typeof createIdpRoutes>;
  get(path: string, options?: { ip?: string }): Promise<Response>;
  post(path: string, fields: Record<string, string>, options?: { ip?: string; origin?: string | null }): Promise<Response>;
}

let ipCounter = 0;
/** A fresh client address (TEST-NET-3), so per-address limits of one test don't touch another. */
export function nextIp(): string {
  ipCounter += 1;
  return `203.0.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

export async function createHarness(sequelize: Sequelize): Promise<Harness> {
  const provider = createProvider({
    issuer: `${ORIGIN}/oidc`,
    sequelize,
    keys: await generateIdpKeys(),
    partnerSecrets: testPartnerSecrets,
    production: false,
  });
  const app = createIdpRoutes({ provider, sequelize, publicUrl: PUBLIC_URL, logger: silentLogger, ports: idpPorts(sequelize, PUBLIC_URL) });
  const env = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });
  return {
    app,
    get: async (path, options = {}) => app.request(`${ORIGIN}${path}`, {}, env(options.ip ?? nextIp())),
    post: async (path, fields, options = {}) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
      const origin = options.origin === undefined ? ORIGIN : options.origin;
      if (origin !== null) headers.Origin = origin;
      return app.request(`${ORIGIN}${path}`, { method: 'POST', headers, body: new URLSearchParams(fields).toString() }, env(options.ip ?? nextIp()));
    },
  };
}

/** The stable codes on a page (`data-code`), in document order. */
export function codes(html: string): string[] {
  return [...html.matchAll(/data-code="([a-z_]+)"/g)].map((m) => m[1]!);
}

/** What a form-only page calls itself (`data-page`), or null. */
export function pageName(html: string): string | null {
  return /data-page="([a-z_]+)"/.exec(html)?.[1] ?? null;
}

export function sha256(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The token in a link from an e-mail (`…?token=…`). */
export function tokenOf(url: string): string {
  const token = new URL(url).searchParams.get('token');
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

/** The path and query of an absolute link, for `app.request`. */
export function pathOf(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

export interface NotificationRow {
  id: string;
  customer_id: number | null;
  to_address: string;
  template: string;
  language: string;
  data: Record<string, string>;
}

export async function notificationsTo(sequelize: Sequelize, to: string, template?: string): Promise<NotificationRow[]> {
  return sequelize.query<NotificationRow>(
    `select id, customer_id, to_address, template, language, data from notifications
      where lower(to_address) = lower(:to) ${template ? 'and template = :template' : ''} order by created_at, id`,
    { replacements: { to, template: template ?? null }, type: QueryTypes.SELECT },
  );
}

export async function count(sequelize: Sequelize, sql: string, replacements: Record<string, unknown> = {}): Promise<number> {
  const [row] = await sequelize.query<{ n: string }>(`select count(*) as n from (${sql}) q`, { replacements, type: QueryTypes.SELECT });
  return Number(row!.n);
}

export interface FreeCustomer {
  id: number;
  customerNumber: string;
  birthDate: string | null;
  taxNumber: string | null;
  postcode: string;
}

/**
 * Seeded customers without an account, other than the two demo ones (each test takes its own,
 * so the per-customer limits and accounts of one test never meet another's).
 */
export async function freeCustomers(sequelize: Sequelize, kind: 'person' | 'company', n: number, skip = 0): Promise<FreeCustomer[]> {
  const rows = await sequelize.query<{ id: number; customer_number: string; birth_date: string | null; tax_number: string | null; postcode: string }>(
    `select c.id, c.customer_number, to_char(c.birth_date, 'YYYY-MM-DD') as birth_date, c.tax_number, c.postcode
       from customers c
      where c.kind = :kind and not exists (select 1 from accounts a where a.customer_id = c.id)
        and c.customer_number not in ('10467023', '10588317')
      order by c.customer_number offset :skip limit :n`,
    { replacements: { kind, n, skip }, type: QueryTypes.SELECT },
  );
  if (rows.length < n) throw new Error(`the seed has only ${rows.length} free ${kind} customers`);
  return rows.map((r) => ({ id: r.id, customerNumber: r.customer_number, birthDate: r.birth_date, taxNumber: r.tax_number, postcode: r.postcode }));
}

export const GOOD_PASSWORD = 'kék alma fa hegyoldal';

/** The registration form of a private person, as the browser posts it. */
export function personForm(c: { customerNumber: string; birthDate: string | null; postcode: string }, email: string, password = GOOD_PASSWORD) {
  return { kind: 'person', customer: c.customerNumber, birthDate: c.birthDate ?? '', postcode: c.postcode, email, password, passwordConfirm: password };
}

export function companyForm(c: { customerNumber: string; taxNumber: string | null; postcode: string }, email: string, password = GOOD_PASSWORD) {
  return { kind: 'company', customer: c.customerNumber, taxNumber: c.taxNumber ?? '', postcode: c.postcode, email, password, passwordConfirm: password };
}
