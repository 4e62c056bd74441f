import { Hono } from 'hono';
import type { Sequelize } from 'sequelize';

export interface ApiDependencies {
  sequelize: Sequelize;
}

/**
 * The resource API and the widgets' backend-for-frontend, mounted at `/api`.
 * One folder per resource (routes, handlers); domain services stay free of Hono.
 */
export function createApi(deps: ApiDependencies): Hono {
  const api = new Hono();
  api.get('/', (c) => c.json({ name: 'gp-portal API', openapi: '/api/openapi.json' }));
  void deps;
  return api;
}
