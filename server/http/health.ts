import { Hono, type Context } from 'hono';
import type { Sequelize } from 'sequelize';
import { problemResponse } from '../../common/http/problem.ts';
import { problems } from '../api/auth/problems.ts';

/**
 * `/healthz`: the process answers, and its IdP thread (when it has one) runs: a thread that
 * stopped does not come back by itself, so the process must be restarted. `/readyz`: both, and it
 * can also reach its database (which may come back by itself: the process then stays up).
 */
export function healthRoutes(sequelize: Sequelize, parts: { idpAlive?: () => boolean } = {}): Hono {
  const app = new Hono();
  const idpStopped = () => parts.idpAlive !== undefined && !parts.idpAlive();
  app.get('/healthz', (c) => (idpStopped() ? idpUnavailable(c) : c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' })));
  app.get('/readyz', async (c) => {
    if (idpStopped()) return idpUnavailable(c);
    try {
      await sequelize.query('select 1');
      return c.json({ status: 'ready' }, 200, { 'Cache-Control': 'no-store' });
    } catch {
      return problemResponse(c, {
        type: 'about:blank#database_unavailable',
        title: 'The database is not reachable',
        status: 503,
        code: 'database_unavailable',
      });
    }
  });
  return app;
}

function idpUnavailable(c: Context): Response {
  return problemResponse(c, problems.idpUnavailable().toProblem());
}
