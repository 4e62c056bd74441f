import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.ts';
import { LOGIN_ACCOUNT_ADDRESS_RULE, LOGIN_ACCOUNT_RULE, LOGIN_PAUSE_MAX_SECONDS, LoginService, type LoginOutcome } from '../../idp/accounts/login.ts';
import { Throttle } from '../../common/security/throttle.ts';
import { createFixtures, PASSWORD, type Fixtures } from './provider-harness.ts';

/**
 * Audit finding 5 (issue 15): wrong passwords from one address must not lock the owner out
 * (they used to: 5 from anywhere locked the account for 15 minutes), and a spray over many
 * addresses must still be slowed. The real log-in service on the real database.
 */
const db = useTestDatabase();
let f: Fixtures;
let service: LoginService;
let throttle: Throttle;

beforeAll(async () => {
  f = await createFixtures(db.sequelize, new URL('http://localhost:3000'));
  throttle = new Throttle(db.sequelize);
  service = new LoginService(db.sequelize, throttle);
}, 120_000);
beforeEach(async () => {
  await db.sequelize.query('delete from rate_limits');
});

const attempt = (password: string, address: string) => service.attempt({ username: f.verified.email, password, address, clientId: null });

/** The current pause is over (its counter's window moved into the past). */
const pauseIsOver = () => db.sequelize.query(`update rate_limits set reset_at = now() - interval '1 second' where key like 'login-account-pause:%'`);

describe('wrong passwords from one address', () => {
  it('stop that address after 5, while the owner logs in from another one', { timeout: 120_000 }, async () => {
    const attacker = '203.0.113.66';
    const kinds = [];
    for (let i = 0; i < LOGIN_ACCOUNT_ADDRESS_RULE.limit + 3; i++) kinds.push((await attempt(`wrong-${i}`, attacker)).kind);
    expect(kinds).toEqual([...Array(LOGIN_ACCOUNT_ADDRESS_RULE.limit).fill('invalid'), 'throttled', 'throttled', 'throttled']);
    // Even the right password from the attacker's address waits…
    expect((await attempt(PASSWORD, attacker)).kind).toBe('throttled');
    // …but the owner is not locked out.
    expect((await attempt(PASSWORD, '198.51.100.20')).kind).toBe('success');
  });
});

describe('a spray over many addresses on one account', () => {
  it('is slowed by pauses that grow, at most a minute long, and the owner gets in after one', { timeout: 120_000 }, async () => {
    const address = (i: number) => `192.0.2.${i + 1}`;
    const outcomes: LoginOutcome[] = [];
    for (let i = 0; i < 16; i++) outcomes.push(await attempt(`spray-${i}`, address(i)));
    const evaluated = outcomes.filter((o) => o.kind === 'invalid').length;
    // The free attempts, one more that started the first (2-second) pause, and (on a slow machine,
    // where one password check takes as long as that pause) one or two more.
    expect(evaluated).toBeGreaterThanOrEqual(LOGIN_ACCOUNT_RULE.limit + 1);
    expect(evaluated).toBeLessThanOrEqual(LOGIN_ACCOUNT_RULE.limit + 3);
    expect(outcomes.filter((o) => o.kind === 'throttled')).toHaveLength(16 - evaluated);
    const wait = (o: LoginOutcome) => (o.kind === 'throttled' ? o.retryAfter : 0);

    // Each pause is twice the one before, up to a minute (less the time one password check took).
    const pauses: number[] = [];
    for (let round = 0; round < 6 && pauses.at(-1) !== LOGIN_PAUSE_MAX_SECONDS; round++) {
      await pauseIsOver();
      expect((await attempt(`spray-next-${round}`, address(40 + round))).kind).toBe('invalid');
      const { hits } = await throttle.peek(LOGIN_ACCOUNT_RULE, f.verified.email);
      const pause = Math.min(2 ** (hits - LOGIN_ACCOUNT_RULE.limit), LOGIN_PAUSE_MAX_SECONDS);
      pauses.push(pause);
      const next = await attempt(`spray-refused-${round}`, address(60 + round));
      expect(next.kind).toBe('throttled');
      expect(wait(next)).toBeLessThanOrEqual(pause);
      expect(wait(next)).toBeGreaterThan(pause - 4);
    }
    expect(pauses.at(-1)).toBe(LOGIN_PAUSE_MAX_SECONDS);
    expect(pauses.slice(0, -1).every((p, i) => pauses[i + 1] === Math.min(2 * p, LOGIN_PAUSE_MAX_SECONDS))).toBe(true);

    // … and once it is over, the owner's right password goes through (no lock-out), and clears the pause.
    await pauseIsOver();
    expect((await attempt(PASSWORD, '198.51.100.21')).kind).toBe('success');
    expect((await attempt('one-more-typo', '198.51.100.21')).kind).toBe('invalid');
  });

  it('gets one attempt per pause evaluated however many arrive at once', { timeout: 120_000 }, async () => {
    for (let i = 0; i < LOGIN_ACCOUNT_RULE.limit; i++) expect((await attempt(`free-${i}`, `192.0.2.${100 + i}`)).kind).toBe('invalid');
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(`burst-${i}`, `198.51.100.${100 + i}`)));
    expect(burst.filter((o) => o.kind === 'invalid')).toHaveLength(1);
    expect(burst.filter((o) => o.kind === 'throttled')).toHaveLength(11);
  });
});
