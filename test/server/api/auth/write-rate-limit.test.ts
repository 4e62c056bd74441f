import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../support/database.ts';
import { api, COMPANY, loginSession, PERSON, startPortal, type RunningPortal, type BrowserSession } from '../session/harness.ts';

const db = useTestDatabase();
let portal: RunningPortal;
let person: BrowserSession;
let company: BrowserSession;
const previous = process.env.API_WRITE_LIMIT_PER_MINUTE;

beforeAll(async () => {
  // A small limit, read when the API is created.
  process.env.API_WRITE_LIMIT_PER_MINUTE = '3';
  portal = await startPortal(db.sequelize);
  person = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: PERSON })).session;
  company = (await loginSession(portal, { origin: portal.origin, clientId: 'portal', user: COMPANY })).session;
}, 120_000);
afterAll(async () => {
  if (previous === undefined) delete process.env.API_WRITE_LIMIT_PER_MINUTE;
  else process.env.API_WRITE_LIMIT_PER_MINUTE = previous;
  await portal?.close();
});

const changeLanguage = (session: BrowserSession, language: 'hu' | 'en') =>
  api(portal, '/api/me', { origin: portal.origin, session, method: 'PATCH', body: { language } });

describe('the per-session write limit', () => {
  it("refuses a session's writes past the limit with 429 and Retry-After, but not its reads or another session's writes", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await changeLanguage(person, i % 2 ? 'hu' : 'en')).response.status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await changeLanguage(person, 'hu');
    expect(refused.response.status).toBe(429);
    expect(refused.json.code).toBe('rate_limited');
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(0);

    expect((await api(portal, '/api/me', { origin: portal.origin, session: person })).response.status).toBe(200);
    expect((await changeLanguage(company, 'en')).response.status).toBe(200);
  });
});
