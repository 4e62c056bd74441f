import { QueryTypes, type Sequelize } from 'sequelize';
import type { Logger } from '../../../common/http/logger.ts';

/**
 * Every web origin of every active partner, the set CORS answers: read from `partner_clients`,
 * kept for `ttlMs` (30 s), then read again (one read at a time; on a failed read the previous set
 * is kept and the failure logged). A partner registered or removed shows within `ttlMs`.
 *
 * Under steady traffic the set is read again ahead of time, once it is half its time to live old,
 * while requests go on with the set in hand: only a request after a quiet spell longer than
 * `ttlMs` waits for the read (before, every request in flight waited for it every 30 s).
 */
export class PartnerOrigins {
  private origins: Set<string> | null = null;
  private loadedAt = 0;
  private loading: Promise<Set<string>> | null = null;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly logger: Logger,
    private readonly ttlMs = 30_000,
  ) {}

  async has(origin: string): Promise<boolean> {
    return (await this.current()).has(origin);
  }

  private current(): Promise<Set<string>> {
    const age = Date.now() - this.loadedAt;
    if (this.origins && age < this.ttlMs) {
      // With a set in hand `refreshed()` never rejects: a failed read is logged there.
      if (age >= this.ttlMs / 2) void this.refreshed();
      return Promise.resolve(this.origins);
    }
    return this.refreshed();
  }

  /** The set after a read (the one under way, or a new one); on a failed read the set in hand, if any. */
  private async refreshed(): Promise<Set<string>> {
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    try {
      return await this.loading;
    } catch (error) {
      if (!this.origins) throw error;
      this.logger.warn('partner_origins_reload_failed', { error });
      return this.origins;
    }
  }

  private async load(): Promise<Set<string>> {
    const rows = await this.sequelize.query<{ origin: string }>('select distinct unnest(origins) as origin from partner_clients where active', {
      type: QueryTypes.SELECT,
    });
    this.origins = new Set(rows.map((r) => r.origin));
    this.loadedAt = Date.now();
    return this.origins;
  }
}
