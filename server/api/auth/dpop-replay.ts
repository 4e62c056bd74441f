import { QueryTypes, type Sequelize } from 'sequelize';
import type { Logger } from '../../../common/http/logger.ts';

/**
 * Remembers the `jti` of every write's DPoP proof in PostgreSQL until that proof can no longer be
 * fresh, so a write's proof is accepted once across every process. Reads are not recorded: a read
 * replayed within the freshness window returns what the page may see anyway. Rows past their
 * expiry are swept by whichever process writes, at most once a minute each.
 */
export class DpopReplayStore {
  #lastSweep = 0;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly logger: Logger,
    /** How long a proof's `jti` is kept: longer than any proof (or its nonce) stays fresh. */
    private readonly keepSeconds: number,
  ) {}

  /** True the first time this key's `jti` is seen; false when it was used already. */
  async use(jkt: string, jti: string): Promise<boolean> {
    this.#sweepSometimes();
    const rows = await this.sequelize.query(
      `insert into dpop_proof_jtis (jkt, jti, expires_at) values (:jkt, :jti, now() + make_interval(secs => :keep))
       on conflict do nothing returning jti`,
      { replacements: { jkt, jti, keep: this.keepSeconds }, type: QueryTypes.SELECT },
    );
    return rows.length === 1;
  }

  #sweepSometimes(): void {
    if (Date.now() - this.#lastSweep < 60_000) return;
    this.#lastSweep = Date.now();
    this.sequelize.query('delete from dpop_proof_jtis where expires_at < now()').catch((error: unknown) => {
      this.logger.warn('dpop_jti_sweep_failed', { error });
    });
  }
}
