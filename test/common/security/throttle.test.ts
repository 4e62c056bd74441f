import { describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { Throttle } from '../../../common/security/throttle.ts';
import { useTestDatabase } from '../../support/database.ts';

const db = useTestDatabase();
const rule = { name: 'test-login', limit: 3, windowSeconds: 60 };

describe('Throttle', () => {
  it('allows up to the limit within a window, then refuses with a retry time', async () => {
    const throttle = new Throttle(db.sequelize);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await throttle.hit(rule, 'Anna@Example.com'));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results[4]!.retryAfter).toBeGreaterThan(0);
    expect(results[4]!.retryAfter).toBeLessThanOrEqual(60);
    // Keys are case-insensitive and other subjects are independent.
    expect((await throttle.peek(rule, 'anna@example.com')).allowed).toBe(false);
    expect((await throttle.hit(rule, 'bela@example.com')).allowed).toBe(true);
  });

  it('stores no subject in clear, and forgets a subject on reset', async () => {
    const throttle = new Throttle(db.sequelize);
    await throttle.hit(rule, 'secret.person@example.com');
    const keys = await db.sequelize.query<{ key: string }>('select key from rate_limits', { type: QueryTypes.SELECT });
    expect(keys.some((k) => k.key.includes('secret'))).toBe(false);
    await throttle.reset(rule, 'secret.person@example.com');
    expect((await throttle.peek(rule, 'secret.person@example.com')).hits).toBe(0);
  });

  it('starts a new window once the old one has passed', async () => {
    const throttle = new Throttle(db.sequelize);
    const short = { name: 'test-short', limit: 1, windowSeconds: 1 };
    expect((await throttle.hit(short, 'x')).allowed).toBe(true);
    expect((await throttle.hit(short, 'x')).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await throttle.hit(short, 'x')).allowed).toBe(true);
  });
});
