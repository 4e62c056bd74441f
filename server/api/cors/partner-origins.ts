import { QueryTypes, type Sequelize } from 'sequelize';
import type { Logger } from '../../../common/http/logger.ts';

/**
 * Every web origin of every active partner, the set CORS answers: read from `partner_clients`,
 * kept for `ttlMs` (30 s), then read again (one read at a time; on a failed read the previous set
 * is kept and the failure logged). A partner registered or removed shows within `ttlMs`.
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

  private async current(): Promise<Set<string>> {
    if (this.origins && Date.now() - this.loadedAt < this.ttlMs) return this.origins;
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
