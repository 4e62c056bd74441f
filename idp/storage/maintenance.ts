import type { Sequelize } from 'sequelize';
import { Throttle } from '../security/throttle.ts';
import { deleteExpiredOidcModels } from './sequelize-adapter.ts';

export interface MaintenanceLogger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
}

export interface IdpMaintenance {
  /** Runs one sweep now (also what the timer runs). */
  runOnce(): Promise<{ oidcModels: number }>;
  stop(): void;
}

/**
 * Deletes expired provider rows (codes, sessions, interactions, refresh tokens, grants) and
 * expired throttling counters, every `intervalMs` (10 minutes by default). Every process may run
 * it: the statements are idempotent. The timer is unref'd, so it never keeps a process alive.
 */
export function startIdpMaintenance(sequelize: Sequelize, logger: MaintenanceLogger, intervalMs = 10 * 60_000): IdpMaintenance {
  const throttle = new Throttle(sequelize);
  let running: Promise<unknown> | null = null;
  const runOnce = async () => {
    const oidcModels = await deleteExpiredOidcModels(sequelize);
    await throttle.sweep();
    if (oidcModels) logger.info('idp_expired_rows_deleted', { oidcModels });
    return { oidcModels };
  };
  const timer = setInterval(() => {
    if (running) return;
    running = runOnce()
      .catch((error: unknown) => logger.warn('idp_maintenance_failed', { error }))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    runOnce,
    stop: () => clearInterval(timer),
  };
}
