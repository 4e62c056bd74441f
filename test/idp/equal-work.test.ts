import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../common/accounts/password.ts';
import { DEMO_LOGINS, seedDemoData } from '../../server/seed/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { codes, createHarness, freeCustomers, notificationsTo, type Harness } from './register-harness.ts';
import { testPartnerSecrets } from '../support/partner-secrets.ts';

/**
 * Audit finding 6 (issue 15): the forgotten-password and resend-verification pages did less work
 * for an address without an account (one look-up, no transaction), so their time told known
 * addresses from unknown ones. Compared here by the work itself, not by a clock: the statements
 * each request sends to the database, in order, must be the same for both (only the known one
 * stores a link and an e-mail; the outbox's round trip stores nothing for nobody).
 */
const db = useTestDatabase();
let h: Harness;
let statements: string[] = [];

beforeAll(async () => {
  await seedDemoData(db.sequelize, testPartnerSecrets);
  h = await createHarness(db.sequelize);
  const [customer] = await freeCustomers(db.sequelize, 'person', 1);
  await db.sequelize.query(`insert into accounts (customer_id, username, password_hash) values (:customerId, 'not.yet.verified@example.org', :hash)`, {
    replacements: { customerId: customer!.id, hash: await hashPassword('kék alma fa hegyoldal') },
  });
}, 120_000);
beforeEach(async () => {
  await db.sequelize.query('delete from rate_limits');
  const query = db.sequelize.query.bind(db.sequelize);
  statements = [];
  vi.spyOn(db.sequelize, 'query').mockImplementation(((sql: unknown, options?: unknown) => {
    const text = typeof sql === 'string' ? sql.replace(/\s+/g, ' ').trim() : String(sql);
    // The outbox's one round trip: an insert for a known address, a statement that stores nothing for nobody.
    statements.push(/\bnotifications\b/.test(text) ? 'the outbox' : text);
    return query(sql as string, options as never);
  }) as typeof db.sequelize.query);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The statements one POST sends, and its page's codes. */
async function workOf(path: string, email: string): Promise<{ statements: string[]; codes: string[] }> {
  statements = [];
  const response = await h.post(path, { email });
  const page = codes(await response.text());
  return { statements: [...statements], codes: page };
}

describe('the same work for a known and an unknown address', () => {
  it('on the forgotten-password page', async () => {
    const known = await workOf('/account/forgot-password', DEMO_LOGINS.person.username);
    const unknown = await workOf('/account/forgot-password', 'nobody.here@example.org');
    expect(known.codes).toEqual(['reset_link_sent']);
    expect(unknown.codes).toEqual(known.codes);
    expect(known.statements.some((s) => s.startsWith('insert into account_tokens'))).toBe(true);
    expect(known.statements).toContain('the outbox');
    expect(unknown.statements).toEqual(known.statements);
    // Only the known address gets anything.
    expect(await notificationsTo(db.sequelize, DEMO_LOGINS.person.username, 'password_reset')).toHaveLength(1);
    expect(await notificationsTo(db.sequelize, 'nobody.here@example.org')).toHaveLength(0);
  });

  it('on the resend-verification page', async () => {
    const known = await workOf('/account/verify-email/resend', 'not.yet.verified@example.org');
    const unknown = await workOf('/account/verify-email/resend', 'nobody.either@example.org');
    expect(unknown.codes).toEqual(known.codes);
    expect(known.statements.some((s) => s.startsWith('insert into account_tokens'))).toBe(true);
    expect(unknown.statements).toEqual(known.statements);
    expect(await notificationsTo(db.sequelize, 'not.yet.verified@example.org', 'verify_email')).toHaveLength(1);
    expect(await notificationsTo(db.sequelize, 'nobody.either@example.org')).toHaveLength(0);
  });
});
