import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import type { TestDatabase } from '../../support/database.ts';
import { api, COMPANY, loginSession, PERSON, sessionHeaders, startPortal, type BrowserSession, type RunningPortal } from './session/harness.ts';

type Init = Parameters<typeof api>[2];

/**
 * The product on a seeded test database with the demo person and the demo company logged in on
 * the insurer's own page: what a resource's API test starts from. Call it at a test file's top
 * level (it registers `beforeAll`/`afterAll`); read its fields inside tests.
 */
export interface LoggedInCustomers {
  portal: RunningPortal;
  personSession: BrowserSession;
  companySession: BrowserSession;
  /** The demo person's `customers.id`. */
  personId: number;
  /** A request as the logged-in person / company, from the portal's own origin. */
  person(path: string, init?: Init): ReturnType<typeof api>;
  company(path: string, init?: Init): ReturnType<typeof api>;
  /** The first row of a query (`$1`… bound). */
  one<T>(sql: string, bind?: unknown[]): Promise<T>;
  /** How many rows a query answers. */
  count(sql: string, bind?: unknown[]): Promise<number>;
  /** A response's bytes (the harness's `api()` reads text, which would mangle a PDF). */
  fetchBinary(path: string, session: BrowserSession): Promise<{ response: Response; bytes: Buffer }>;
  /** The customer's first active contract of a product, by id. */
  policyIdOf(customerId: number, product: string): Promise<number>;
}

export function useLoggedInCustomers(db: TestDatabase): LoggedInCustomers {
  const one = async <T>(sql: string, bind: unknown[] = []): Promise<T> => {
    const [row] = await db.sequelize.query<T & object>(sql, { bind, type: QueryTypes.SELECT });
    return row as T;
  };
  const fixture: LoggedInCustomers = {
    portal: undefined as unknown as RunningPortal,
    personSession: undefined as unknown as BrowserSession,
    companySession: undefined as unknown as BrowserSession,
    personId: 0,
    person: (path, init = {}) => api(fixture.portal, path, { origin: fixture.portal.origin, session: fixture.personSession, ...init }),
    company: (path, init = {}) => api(fixture.portal, path, { origin: fixture.portal.origin, session: fixture.companySession, ...init }),
    one,
    count: async (sql, bind = []) => Number((await one<{ n: string }>(`select count(*) as n from (${sql}) q`, bind)).n),
    async fetchBinary(path, session) {
      const url = new URL(path, fixture.portal.origin);
      const response = await fetch(url, { headers: { origin: fixture.portal.origin, 'x-gp-request': '1', ...(await sessionHeaders(session, 'GET', url)) } });
      return { response, bytes: Buffer.from(await response.arrayBuffer()) };
    },
    async policyIdOf(customerId, product) {
      const sql = `select id from policies where customer_id = $1 and product = $2 and status = 'active' order by id limit 1`;
      return Number((await one<{ id: number }>(sql, [customerId, product])).id);
    },
  };
  beforeAll(async () => {
    fixture.portal = await startPortal(db.sequelize);
    fixture.personSession = (await loginSession(fixture.portal, { origin: fixture.portal.origin, clientId: 'portal', user: PERSON })).session;
    fixture.companySession = (await loginSession(fixture.portal, { origin: fixture.portal.origin, clientId: 'portal', user: COMPANY })).session;
    fixture.personId = Number((await one<{ id: number }>('select id from customers where customer_number = $1', [PERSON.customerNumber])).id);
  });
  afterAll(() => fixture.portal?.close());
  return fixture;
}

/** Every route of a resource answers 401 without a session (and reaches no handler). */
export function describeRefusalsWithoutSession(c: LoggedInCustomers, routes: ReadonlyArray<readonly ['GET' | 'POST' | 'PATCH' | 'DELETE', string]>): void {
  describe('without a session', () => {
    it('answers 401 on every route', async () => {
      for (const [method, path] of routes) {
        const { response } = await api(c.portal, path, { method, origin: c.portal.origin, body: method === 'GET' ? undefined : {} });
        expect(response.status, `${method} ${path}`).toBe(401);
      }
    });
  });
}

/** `/api/openapi.json` describes a resource's paths; `check` looks closer at the document. */
export function describeOpenApiPaths(c: LoggedInCustomers, paths: readonly string[], check?: (document: any) => void): void {
  describe('OpenAPI', () => {
    it('describes the routes', async () => {
      const { json } = await api(c.portal, '/api/openapi.json');
      for (const path of paths) expect(Object.keys(json.paths)).toContain(path);
      check?.(json);
    });
  });
}
