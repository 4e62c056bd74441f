import { randomBytes } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { hashPassword, needsRehash, verifyPassword } from '../../common/accounts/password.ts';
import { canonicalEmail } from '../../common/accounts/email-address.ts';
import { findAccountByUsername, type AccountRecord } from './find-account.ts';
import { recordAuditEvent } from './audit.ts';
import type { Throttle, ThrottleRule } from '../../common/security/throttle.ts';

/** Per username (whether or not it exists): 5 attempts per 15 minutes. */
export const LOGIN_ACCOUNT_RULE: ThrottleRule = { name: 'login-account', limit: 5, windowSeconds: 15 * 60 };
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
 * - attempts are counted per username and per address in PostgreSQL (short fixed windows, never
 *   a permanent lock), and a throttled attempt is refused without looking at the password;
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
    const [perAccount, perAddress] = [await this.throttle.hit(LOGIN_ACCOUNT_RULE, username), await this.throttle.hit(LOGIN_ADDRESS_RULE, input.address)];
    if (!perAccount.allowed || !perAddress.allowed) {
      await this.audit('login.failed', null, input, { reason: 'throttled' });
      return { kind: 'throttled', retryAfter: Math.max(perAccount.allowed ? 0 : perAccount.retryAfter, perAddress.allowed ? 0 : perAddress.retryAfter) };
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

    await this.throttle.reset(LOGIN_ACCOUNT_RULE, username);
    if (needsRehash(account.passwordHash)) {
      const rehashed = await hashPassword(input.password);
      await this.sequelize.query('update accounts set password_hash = :hash, updated_at = now() where id = :id', {
        replacements: { hash: rehashed, id: account.id },
      });
    }
    await this.audit('login.succeeded', account, input, { method: 'pwd' });
    return { kind: 'success', account };
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
