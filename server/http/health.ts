import { Hono } from 'hono';
import type { Sequelize } from 'sequelize';
import { problemResponse } from '../../common/http/problem.ts';

/** `/healthz`: the process answers. `/readyz`: it can also reach its database. */
export function healthRoutes(sequelize: Sequelize): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' }));
  app.get('/readyz', async (c) => {
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
