import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { Secret, TOTP } from 'otpauth';
import { SealedBox } from '../../common/security/sealed-box.ts';
import { INSURER } from '../../common/insurer.ts';
import type Provider from 'oidc-provider';
import { newRecoveryCodes, replaceRecoveryCodes, useRecoveryCode } from './recovery-codes.ts';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30 seconds. */
const TOTP_PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** One step either side: the phone's clock may be 30 s off, or the code typed as it turned. */
const WINDOW = 1;

export interface Enrolment {
  /** Base32, for typing into the app by hand. */
  secret: string;
  /** The `otpauth://` URI the QR code carries. */
  uri: string;
}

export type SecondFactorResult = 'totp' | 'recovery_code' | 'invalid';

/**
 * Two-step log-in with an authenticator app (TOTP, via otpauth). The secret is kept sealed
 * (AES-256-GCM, keys derived from the IdP's cookie secrets, bound to the account); a row
 * without `enabled_at` is an enrolment waiting for its first code. A code's time step is
 * remembered once used, so a code seen over someone's shoulder cannot be replayed.
 */
export class TwoStep {
  private readonly box: SealedBox;

  constructor(
    private readonly sequelize: Sequelize,
    secrets: readonly string[],
  ) {
    this.box = new SealedBox(secrets, 'two-step-totp v1');
  }

  async isEnabled(accountId: string, transaction?: Transaction): Promise<boolean> {
    const [row] = await this.sequelize.query<{ on: boolean }>('select enabled_at is not null as on from two_step where account_id = :accountId', {
      replacements: { accountId },
      type: QueryTypes.SELECT,
      transaction: transaction ?? null,
    });
    return row?.on ?? false;
  }

  /** A new secret waiting for its first code (replaces an earlier unfinished one); null when two-step is already on. */
  async startEnrolment(account: { id: string; username: string }): Promise<Enrolment | null> {
    const secret = new Secret({ size: 20 });
    const rows = await this.sequelize.query<{ account_id: string }>(
      `insert into two_step (account_id, secret_sealed) values (:accountId, :sealed)
       on conflict (account_id) do update set secret_sealed = excluded.secret_sealed, last_used_step = null, created_at = now()
         where two_step.enabled_at is null
       returning account_id`,
      { replacements: { accountId: account.id, sealed: this.box.seal(secret.base32, account.id) }, type: QueryTypes.SELECT },
    );
    if (!rows.length) return null;
    return { secret: secret.base32, uri: this.totp(secret, account.username).toString() };
  }

  /** The enrolment's secret again (the page is shown anew after a wrong code), or null. */
  async pendingEnrolment(account: { id: string; username: string }): Promise<Enrolment | null> {
    const [row] = await this.sequelize.query<{ secret_sealed: string }>(
      'select secret_sealed from two_step where account_id = :accountId and enabled_at is null',
      {
        replacements: { accountId: account.id },
        type: QueryTypes.SELECT,
      },
    );
    if (!row) return null;
    const secret = Secret.fromBase32(this.box.open(row.secret_sealed, account.id));
    return { secret: secret.base32, uri: this.totp(secret, account.username).toString() };
  }

  /** The first code proves the app has the secret: two-step is on, and the recovery codes are made (returned once). */
  async confirmEnrolment(transaction: Transaction, accountId: string, code: string): Promise<string[] | null> {
    if (!(await this.checkTotp(transaction, accountId, code, false))) return null;
    await this.sequelize.query('update two_step set enabled_at = now() where account_id = :accountId', { replacements: { accountId }, transaction });
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(this.sequelize, transaction, accountId, codes);
    return codes;
  }

  /**
   * A new set of recovery codes for an account with two-step on (returned once): the old set is
   * gone in the same transaction, so none of them works from then on. Null when two-step is off.
   */
  async regenerateRecoveryCodes(transaction: Transaction, accountId: string): Promise<string[] | null> {
    // Row-locked: a "turn off" at the same moment cannot leave codes behind for a disabled account.
    const [row] = await this.sequelize.query('select 1 from two_step where account_id = :accountId and enabled_at is not null for update', {
      replacements: { accountId },
      type: QueryTypes.SELECT,
      transaction,
    });
    if (!row) return null;
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(this.sequelize, transaction, accountId, codes);
    return codes;
  }

  /** The log-in's second step: a code from the app, or else one of the recovery codes (used up). */
  async verify(transaction: Transaction, accountId: string, input: string): Promise<SecondFactorResult> {
    const compact = input.replace(/\s/g, '');
    if (/^\d{6}$/.test(compact)) return (await this.checkTotp(transaction, accountId, compact, true)) ? 'totp' : 'invalid';
    if (compact.length > 0 && compact.length <= 32 && (await useRecoveryCode(this.sequelize, transaction, accountId, compact))) return 'recovery_code';
    return 'invalid';
  }

  async disable(transaction: Transaction, accountId: string): Promise<boolean> {
    const [, count] = (await this.sequelize.query('delete from two_step where account_id = :accountId and enabled_at is not null', {
      replacements: { accountId },
      transaction,
    })) as unknown as [unknown, { rowCount?: number } | number];
    await this.sequelize.query('delete from recovery_codes where account_id = :accountId', { replacements: { accountId }, transaction });
    return (typeof count === 'number' ? count : (count.rowCount ?? 0)) > 0;
  }

  /** Checks a 6-digit code and claims its time step (row-locked, so two tries at once cannot both use it). */
  private async checkTotp(transaction: Transaction, accountId: string, code: string, enabled: boolean): Promise<boolean> {
    const [row] = await this.sequelize.query<{ secret_sealed: string; last_used_step: string | null }>(
      `select secret_sealed, last_used_step from two_step
        where account_id = :accountId and (enabled_at is not null) = :enabled for update`,
      { replacements: { accountId, enabled }, type: QueryTypes.SELECT, transaction },
    );
    if (!row || !/^\d{6}$/.test(code)) return false;
    const secret = Secret.fromBase32(this.box.open(row.secret_sealed, accountId));
    const delta = TOTP.validate({ token: code, secret, ...TOTP_PARAMS, window: WINDOW });
    if (delta === null) return false;
    const step = TOTP.counter({ period: TOTP_PARAMS.period }) + delta;
    if (row.last_used_step !== null && step <= Number(row.last_used_step)) return false;
    await this.sequelize.query('update two_step set last_used_step = :step where account_id = :accountId', { replacements: { accountId, step }, transaction });
    return true;
  }

  private totp(secret: Secret, username: string): TOTP {
    return new TOTP({ issuer: INSURER.name, label: username, secret, ...TOTP_PARAMS });
  }
}

/** The IdP's TOTP service, its sealing keys derived from the provider's cookie secrets (the IdP's own secrets, shared by every process). */
export function twoStepFor(deps: { sequelize: Sequelize; provider: Provider }): TwoStep {
  const secrets = Array.isArray(deps.provider.keys) ? (deps.provider.keys as string[]) : [];
  return new TwoStep(deps.sequelize, secrets);
}
