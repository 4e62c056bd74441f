import { createHash } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';

/**
 * Fixed-window counters in PostgreSQL (`rate_limits`), so every process behind the load
 * balancer counts the same attempts. Keys are hashed: a key like "login:account:<e-mail>"
 * must not put an e-mail address into the database in clear.
 *
 * Windows are short (minutes), so an attacker cannot lock a customer out for long; per-address
 * limits stop one client from trying many accounts.
 */
export interface ThrottleRule {
  /** A stable name: "login-account", "register-customer", … */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface ThrottleState {
  allowed: boolean;
  hits: number;
  /** Seconds until the window resets (for Retry-After). */
  retryAfter: number;
}

/** Whole minutes until a refused caller may try again (at least 1): what a page tells the person. */
export function minutesToWait(state: Pick<ThrottleState, 'retryAfter'>): string {
  return String(Math.max(1, Math.ceil(state.retryAfter / 60)));
}

export class Throttle {
  constructor(private readonly sequelize: Sequelize) {}

  /** Counts one attempt under `rule` for `subject`; `allowed` is false past the limit. */
  async hit(rule: ThrottleRule, subject: string): Promise<ThrottleState> {
    const [row] = await this.sequelize.query<{ hits: number; retry_after: number }>(
      `insert into rate_limits (key, hits, reset_at)
       values (:key, 1, now() + make_interval(secs => :window))
       on conflict (key) do update set
         hits = case when rate_limits.reset_at <= now() then 1 else rate_limits.hits + 1 end,
         reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
       returning hits, ceil(extract(epoch from (reset_at - now())))::int as retry_after`,
      { replacements: { key: keyFor(rule, subject), window: rule.windowSeconds }, type: QueryTypes.SELECT },
    );
    return { allowed: row!.hits <= rule.limit, hits: row!.hits, retryAfter: Math.max(0, row!.retry_after) };
  }

  /**
   * Whether `subject` is over the limit now, without counting an attempt. Advisory only: a
   * peek, then the evaluation, then a `hit` lets a concurrent burst through (every request peeks
   * before any has counted). To cap what gets evaluated, `hit` first and `release` the slot when
   * the attempt turns out not to count (the details matched, the password was right).
   */
  async peek(rule: ThrottleRule, subject: string): Promise<ThrottleState> {
    const [row] = await this.sequelize.query<{ hits: number; retry_after: number }>(
      `select hits, ceil(extract(epoch from (reset_at - now())))::int as retry_after
         from rate_limits where key = :key and reset_at > now()`,
      { replacements: { key: keyFor(rule, subject) }, type: QueryTypes.SELECT },
    );
    if (!row) return { allowed: true, hits: 0, retryAfter: 0 };
    return { allowed: row.hits < rule.limit, hits: row.hits, retryAfter: Math.max(0, row.retry_after) };
  }

  /**
   * Gives back one attempt counted by `hit` that turned out not to count (in the current window
   * only; never below zero). Mismatches keep their slot, so at most `limit` of them are evaluated
   * per window however many requests arrive at once.
   */
  async release(rule: ThrottleRule, subject: string): Promise<void> {
    await this.sequelize.query('update rate_limits set hits = greatest(hits - 1, 0) where key = :key and reset_at > now()', {
      replacements: { key: keyFor(rule, subject) },
    });
  }

  /** Forgets `subject`'s attempts (after a successful login, say). */
  async reset(rule: ThrottleRule, subject: string): Promise<void> {
    await this.sequelize.query('delete from rate_limits where key = :key', { replacements: { key: keyFor(rule, subject) } });
  }

  /** Deletes expired counters; any process may run it. */
  async sweep(): Promise<void> {
    await this.sequelize.query('delete from rate_limits where reset_at <= now()');
  }
}

function keyFor(rule: ThrottleRule, subject: string): string {
  return `${rule.name}:${createHash('sha256').update(subject.normalize('NFC').toLowerCase()).digest('base64url')}`;
}
