import { describe, expect, it } from 'vitest';
import { Hono, type MiddlewareHandler } from 'hono';
import { ProblemError, problemResponse } from '../../../../common/http/problem.ts';
import { customerRoutes, principalOf, requireCustomer, type ApiEnv, type Principal } from '../../../../server/api/auth/index.ts';

/** The guard resource routes will use, on a stand-in `authenticate` (the real one is tested through GET /api/session). */
const principal: Principal = {
  customerId: 7,
  accountId: '00000000-0000-4000-8000-000000000007',
  clientId: 'biztos-pont',
  policyScope: 'broker',
  brokerId: 1,
  via: 'dpop',
};
const fakeAuth: MiddlewareHandler<ApiEnv> = async (c, next) => {
  if (c.req.header('x-test-customer')) c.set('principal', principal);
  return next();
};

function app() {
  const api = new Hono<ApiEnv>();
  const policies = new Hono<ApiEnv>();
  policies.get('/', (c) => c.json({ customerId: principalOf(c).customerId }));
  policies.get('/:id', (c) => c.json({ id: c.req.param('id'), clientId: principalOf(c).clientId }));
  api.route('/policies', customerRoutes(fakeAuth, policies));
  api.get('/open', (c) => c.json({ open: true }));
  api.get('/needs', fakeAuth, requireCustomer(), (c) => c.json(principalOf(c)));
  api.get('/unguarded', (c) => c.json(principalOf(c)));
  api.onError((error, c) => (error instanceof ProblemError ? problemResponse(c, error.toProblem()) : c.text('boom', 500)));
  return api;
}

describe('requireCustomer / customerRoutes', () => {
  it('answers 401 unauthenticated (problem+json) without a principal, on every route of the router', async () => {
    for (const path of ['/policies', '/policies/', '/policies/12', '/needs', '/unguarded']) {
      const response = await app().request(path);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    }
  });

  it('lets a request with a principal through, and leaves other routes alone', async () => {
    const a = app();
    const headers = { 'x-test-customer': '1' };
    expect(await (await a.request('/policies', { headers })).json()).toEqual({ customerId: 7 });
    expect(await (await a.request('/policies/12', { headers })).json()).toEqual({ id: '12', clientId: 'biztos-pont' });
    expect(await (await a.request('/needs', { headers })).json()).toEqual(principal);
    expect((await a.request('/open')).status).toBe(200);
  });
});
