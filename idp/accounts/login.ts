import { randomBytes } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { hashPassword, needsRehash, verifyPassword } from '../../common/accounts/password.ts';
import { canonicalEmail } from '../../common/accounts/email-address.ts';
import { findAccountByUsername, type AccountRecord } from './find-account.ts';
import { recordAuditEvent } from './audit.ts';
import type { Throttle, ThrottleRule } from '../../common/security/throttle.ts';

/**
 * Per username (whether or not it exists) AND client address: 5 attempts per 15 minutes. This is
 * the hard stop, and it only stops that address: a stranger's wrong passwords cannot lock the
 * owner out, who logs in from elsewhere.
 */
export const LOGIN_ACCOUNT_ADDRESS_RULE: ThrottleRule = { name: 'login-account-address', limit: 5, windowSeconds: 15 * 60 };
/**
 * Per username from every address (a spray over many addresses): the first 10 attempts in 15
 * minutes go through; after them each attempt needs a pause after the previous one that doubles
 * (2, 4, 8 … seconds, at most `LOGIN_PAUSE_MAX_SECONDS`). It slows a spray to about one guess a
 * minute, and the owner waits at most that long: never a lock-out.
 */
export const LOGIN_ACCOUNT_RULE: ThrottleRule = { name: 'login-account', limit: 10, windowSeconds: 15 * 60 };
export const LOGIN_PAUSE_MAX_SECONDS = 60;
/** The pause's slot: one attempt per pause (`windowSeconds` is the current pause). */
const LOGIN_PAUSE = 'login-account-pause';
/** Per client address: 50 attempts per 15 minutes (stops one client from trying many accounts). */
export const LOGIN_ADDRESS_RULE: ThrottleRule = { name: 'login-address', limit: 50, windowSeconds: 15 * 60 };

export type LoginOutcome =
  | { kind: 'success'; account: AccountRecord }
  /** Unknown username or wrong password: indistinguishable to the caller, by design. */
  | { kind: 'invalid' }
  /** Too many attempts for this username or address; `retryAfter` in seconds. */
  | { kind: 'throttled'; retryAfter: number }
  /** The password was right, but the e-mail address has not been confirmed yet. */
  | { kind: 'unverified' };

export interface LoginAttempt {
  username: string;
  password: string;
  /** The client's address, for the per-address limit (and the audit record). */
  address: string;
  clientId: string | null;
}

/**
 * Checks a username and password the way the login page needs it:
 * - unknown usernames are verified against a dummy hash, so both failures cost the same time;
 * - attempts are counted in PostgreSQL per address, per username and address (a hard limit), and
 *   per username (growing pauses), in short fixed windows, never a permanent lock; a throttled
 *   attempt is refused without looking at the password;
 * - "e-mail not confirmed" is only told after a correct password, so it reveals nothing;
 * - success forgets the username's failed attempts and upgrades an old hash;
 * - every attempt is audited (`login.succeeded` / `login.failed`), without the e-mail address.
 */
export class LoginService {
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly throttle: Throttle,
  ) {}

  /** Computes the dummy hash ahead of the first unknown username (it costs one scrypt). */
  warmUp(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
    return this.dummyHash;
  }

  async attempt(input: LoginAttempt): Promise<LoginOutcome> {
    const username = canonicalEmail(input.username);
    const pair = accountAtAddress(username, input.address);
    const [perPair, perAddress] = [await this.throttle.hit(LOGIN_ACCOUNT_ADDRESS_RULE, pair), await this.throttle.hit(LOGIN_ADDRESS_RULE, input.address)];
    const paused = perPair.allowed && perAddress.allowed ? await this.pause(username) : 0;
    if (!perPair.allowed || !perAddress.allowed || paused > 0) {
      await this.audit('login.failed', null, input, { reason: 'throttled' });
      return { kind: 'throttled', retryAfter: Math.max(perPair.allowed ? 0 : perPair.retryAfter, perAddress.allowed ? 0 : perAddress.retryAfter, paused) };
    }

    const account = username ? await findAccountByUsername(this.sequelize, username) : undefined;
    const valid = await verifyPassword(input.password, account?.passwordHash ?? (await this.warmUp()));
    if (!account || !valid) {
      await this.audit('login.failed', account ?? null, input, { reason: account ? 'wrong_password' : 'unknown_username' });
      return { kind: 'invalid' };
    }
    if (!account.emailVerified) {
      await this.audit('login.failed', account, input, { reason: 'email_unverified' });
      return { kind: 'unverified' };
    }

    await this.throttle.reset(LOGIN_ACCOUNT_ADDRESS_RULE, pair);
    await this.throttle.reset(LOGIN_ACCOUNT_RULE, username);
    await this.throttle.reset({ name: LOGIN_PAUSE, limit: 1, windowSeconds: 1 }, username);
    if (needsRehash(account.passwordHash)) {
      const rehashed = await hashPassword(input.password);
      await this.sequelize.query('update accounts set password_hash = :hash, updated_at = now() where id = :id', {
        replacements: { hash: rehashed, id: account.id },
      });
    }
    await this.audit('login.succeeded', account, input, { method: 'pwd' });
    return { kind: 'success', account };
  }

  /**
   * Counts an attempt on the username from any address; past the free ones it takes the pause's
   * one slot (atomic: of a concurrent burst only one gets it). Returns 0 when the attempt may go
   * on, else the seconds to wait; a refused attempt is given back, so waiting is what lengthens nothing.
   */
  private async pause(username: string): Promise<number> {
    const perAccount = await this.throttle.hit(LOGIN_ACCOUNT_RULE, username);
    if (perAccount.allowed) return 0;
    const seconds = Math.min(2 ** (perAccount.hits - LOGIN_ACCOUNT_RULE.limit), LOGIN_PAUSE_MAX_SECONDS);
    const slot = await this.throttle.hit({ name: LOGIN_PAUSE, limit: 1, windowSeconds: seconds }, username);
    if (slot.allowed) return 0;
    await this.throttle.release(LOGIN_ACCOUNT_RULE, username);
    return Math.max(1, slot.retryAfter);
  }

  private audit(action: 'login.succeeded' | 'login.failed', account: AccountRecord | null, input: LoginAttempt, metadata: Record<string, unknown>) {
    return recordAuditEvent(this.sequelize, {
      action,
      accountId: account?.id ?? null,
      customerId: account?.customerId ?? null,
      clientId: input.clientId,
      metadata: { ...metadata, address: input.address },
    });
  }
}

/** The per-(username, address) subject; hashed with the rest of the key by the throttle. */
const accountAtAddress = (username: string, address: string) => `${username}\n${address}`;
