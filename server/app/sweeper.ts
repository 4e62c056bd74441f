import type { Logger } from '../../common/http/logger.ts';

export interface Sweeper {
  /** Runs every task once now (also what the timer runs); a failing task does not stop the others. */
  runOnce(): Promise<void>;
  stop(): void;
}

/**
 * Periodic clean-up of expired rows (the IdP's codes and sessions, throttling counters, the
 * API's pending logins). Every process may run it: the tasks are idempotent deletes. The timer
 * is unref'd, so it never keeps a process alive, and a sweep never overlaps the previous one.
 */
export function startSweeper(logger: Pick<Logger, 'info' | 'warn'>, tasks: Record<string, () => Promise<unknown>>, intervalMs = 10 * 60_000): Sweeper {
  let running: Promise<void> | null = null;
  const runOnce = async () => {
    for (const [name, task] of Object.entries(tasks)) {
      try {
        const result = await task();
        logger.info('sweep_done', { task: name, result });
      } catch (error) {
        logger.warn('sweep_failed', { task: name, error });
      }
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = runOnce().finally(() => {
      running = null;
    });
  }, intervalMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
