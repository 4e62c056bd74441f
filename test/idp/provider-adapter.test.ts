import { afterAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../support/database.ts';
import { deleteExpiredOidcModels, sequelizeAdapterFactory } from '../../idp/storage/sequelize-adapter.ts';
import { findLatestGrantId } from '../../idp/storage/grants.ts';
import { sweepExpiredIdpRows } from '../../idp/storage/maintenance.ts';
import { startSweeper } from '../../server/app/sweeper.ts';
import { silentLogger } from '../../common/http/logger.ts';
import { testPartnerSecrets } from '../support/partner-secrets.ts';

const db = useTestDatabase();
const adapter = (model: string) => sequelizeAdapterFactory(db.sequelize, testPartnerSecrets)(model);
const stops: (() => void)[] = [];
afterAll(() => stops.forEach((stop) => stop()));

describe('the PostgreSQL adapter', () => {
  it('stores, finds and destroys a payload; finds sessions by uid', async () => {
    const sessions = adapter('Session');
    await sessions.upsert('s1', { uid: 'u1', accountId: 'a', kind: 'Session' }, 60);
    expect(await sessions.find('s1')).toMatchObject({ uid: 'u1', accountId: 'a' });
    expect(await sessions.findByUid('u1')).toMatchObject({ accountId: 'a' });
    expect(await adapter('AccessToken').find('s1')).toBeUndefined(); // models don't mix
    await sessions.upsert('s1', { uid: 'u1', accountId: 'b', kind: 'Session' }, 60);
    expect(await sessions.find('s1')).toMatchObject({ accountId: 'b' });
    await sessions.destroy('s1');
    expect(await sessions.find('s1')).toBeUndefined();
  });

  it('marks a consumed token so that a later find says so (replay detection relies on it)', async () => {
    const codes = adapter('AuthorizationCode');
    await codes.upsert('c1', { grantId: 'g1', kind: 'AuthorizationCode' }, 60);
    expect((await codes.find('c1'))?.consumed).toBeUndefined();
    const before = Math.floor(Date.now() / 1000);
    await codes.consume('c1');
    const found = await codes.find('c1');
    expect(found?.consumed).toBeGreaterThanOrEqual(before - 1);
    expect(found?.consumed).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 1);
    // Consuming again keeps the first time.
    await codes.consume('c1');
    expect((await codes.find('c1'))?.consumed).toBe(found?.consumed);
  });

  it('revokes by grant every token of that model, and nothing of other grants or other models', async () => {
    const refresh = adapter('RefreshToken');
    const interactions = adapter('Interaction');
    await refresh.upsert('r1', { grantId: 'g2', kind: 'RefreshToken' }, 60);
    await refresh.upsert('r2', { grantId: 'g2', kind: 'RefreshToken' }, 60);
    await refresh.consume('r1');
    await refresh.upsert('r3', { grantId: 'g3', kind: 'RefreshToken' }, 60);
    await interactions.upsert('i1', { grantId: 'g2', kind: 'Interaction' }, 60);
    await refresh.revokeByGrantId('g2');
    expect(await refresh.find('r1')).toBeUndefined();
    expect(await refresh.find('r2')).toBeUndefined();
    expect(await refresh.find('r3')).toBeDefined();
    expect(await interactions.find('i1')).toBeDefined();
  });

  it('never returns an expired row, and the clean-up deletes expired rows only', async () => {
    const codes = adapter('AuthorizationCode');
    await codes.upsert('old', { kind: 'AuthorizationCode' }, 60);
    await codes.upsert('fresh', { kind: 'AuthorizationCode' }, 60);
    await db.sequelize.query(`update oidc_models set expires_at = now() - interval '1 second' where id = 'old'`);
    expect(await codes.find('old')).toBeUndefined();
    expect(await deleteExpiredOidcModels(db.sequelize)).toBeGreaterThanOrEqual(1);
    const ids = await db.sequelize.query<{ id: string }>(`select id from oidc_models where id in ('old', 'fresh')`, { type: QueryTypes.SELECT });
    expect(ids.map((r) => r.id)).toEqual(['fresh']);
  });

  it('runs the clean-up on a timer that does not keep the process alive', async () => {
    await adapter('Session').upsert('gone', { uid: 'g', kind: 'Session' }, 60);
    await db.sequelize.query(`update oidc_models set expires_at = now() - interval '1 second' where id = 'gone'`);
    await db.sequelize.query(`insert into rate_limits (key, hits, reset_at) values ('x', 1, now() - interval '1 second')`);
    const maintenance = startSweeper(silentLogger, { idp: () => sweepExpiredIdpRows(db.sequelize) }, 50);
    stops.push(maintenance.stop);
    await expect.poll(async () => (await db.sequelize.query(`select 1 from oidc_models where id = 'gone'`, { type: QueryTypes.SELECT })).length).toBe(0);
    await expect.poll(async () => (await db.sequelize.query(`select 1 from rate_limits where key = 'x'`, { type: QueryTypes.SELECT })).length).toBe(0);
    maintenance.stop();
  });

  it('finds the newest live grant of an account for a client (remembered consent)', async () => {
    const grants = adapter('Grant');
    await grants.upsert('ga', { accountId: 'acc', clientId: 'cl', kind: 'Grant' }, 60);
    await grants.upsert('gb', { accountId: 'acc', clientId: 'cl', kind: 'Grant' }, 120);
    await grants.upsert('gc', { accountId: 'acc', clientId: 'other', kind: 'Grant' }, 600);
    expect(await findLatestGrantId(db.sequelize, 'acc', 'cl')).toBe('gb');
    expect(await findLatestGrantId(db.sequelize, 'acc', 'none')).toBeUndefined();
  });
});

describe('partner clients as provider clients', () => {
  const insert = (id: string, secret: string | null, active = true) =>
    db.sequelize.query(
      `insert into partner_clients (client_id, display_name, origins, redirect_uris, policy_scope, client_secret, active)
       values (:id, 'Partner', '{https://p.example}', '{https://portal.example/api/session/callback}', 'all', :secret, :active)`,
      { replacements: { id, secret, active } },
    );

  it('are confidential (client_secret_basic), code flow with refresh tokens', async () => {
    await insert('p-active', await testPartnerSecrets.seal('p-active', 's3cret'));
    expect(await adapter('Client').find('p-active')).toMatchObject({
      client_id: 'p-active',
      client_name: 'Partner',
      client_secret: 's3cret',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['https://portal.example/api/session/callback'],
    });
  });

  it('are unknown to the provider when inactive or without a secret', async () => {
    await insert('p-inactive', await testPartnerSecrets.seal('p-inactive', 's3cret'), false);
    await insert('p-nosecret', null);
    expect(await adapter('Client').find('p-inactive')).toBeUndefined();
    expect(await adapter('Client').find('p-nosecret')).toBeUndefined();
    await expect(adapter('Client').upsert('p-new', {}, 1)).rejects.toThrow(/portal partner add/);
  });

  it('are unknown when the stored secret is in clear, or sealed for another client', async () => {
    await insert('p-clear', 'a-secret-stored-in-clear-as-before-sealing-1');
    await insert('p-moved', await testPartnerSecrets.seal('p-other', 's3cret'));
    expect(await adapter('Client').find('p-clear')).toBeUndefined();
    expect(await adapter('Client').find('p-moved')).toBeUndefined();
  });
});
