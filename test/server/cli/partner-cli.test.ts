import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { useTestDatabase } from '../../support/database.ts';
import {
  addPartnerClient,
  listPartnerClients,
  parseOrigin,
  PartnerInputError,
  removePartnerClient,
  rotatePartnerSecret,
  validateNewPartner,
} from '../../../common/partners/partner-clients.ts';
import { sequelizeAdapterFactory } from '../../../idp/storage/sequelize-adapter.ts';
import { formatPartners } from '../../../server/cli/commands/partner.ts';
import { partnerEnds } from '../../../server/app/partner-ends.ts';
import { testPartnerSecrets } from '../../support/partner-secrets.ts';

const db = useTestDatabase();
const publicUrl = new URL('https://portal.example');
const valid = { clientId: 'uj-alkusz', name: 'Új Alkusz Kft.', origins: ['https://www.ujalkusz.example'], brokerCode: 'UJALKUSZ' };

describe('partner input', () => {
  it('accepts origins (scheme, host, port) and normalises them', () => {
    expect(parseOrigin('https://www.broker.example')).toBe('https://www.broker.example');
    expect(parseOrigin('https://WWW.Broker.example:443/')).toBe('https://www.broker.example');
    expect(parseOrigin('https://broker.example:8443')).toBe('https://broker.example:8443');
    expect(parseOrigin('http://localhost:3001')).toBe('http://localhost:3001');
    expect(parseOrigin('http://127.0.0.1:3001')).toBe('http://127.0.0.1:3001');
  });

  it.each([
    ['https://broker.example/portal', /without a path/],
    ['https://broker.example/?x=1', /without a path, query or fragment/],
    ['https://broker.example#top', /without a path, query or fragment/],
    ['http://broker.example', /must use https/],
    ['ftp://broker.example', /must use https/],
    ['broker.example', /is not a URL/],
    ['https://user:pw@broker.example', /user name or password/],
  ])('refuses %s with a clear message', (origin, message) => {
    expect(() => parseOrigin(origin)).toThrow(PartnerInputError);
    expect(() => parseOrigin(origin)).toThrow(message);
  });

  it('checks the client id, the name, the broker code, the scope and the logo', () => {
    expect(validateNewPartner(valid)).toMatchObject({ scope: 'broker', brokerCode: 'UJALKUSZ', logoUrl: null });
    expect(() => validateNewPartner({ ...valid, clientId: 'Uj Alkusz' })).toThrow(/--client-id "Uj Alkusz" must be/);
    expect(() => validateNewPartner({ ...valid, name: '  ' })).toThrow(/--name is required/);
    expect(() => validateNewPartner({ ...valid, origins: [] })).toThrow(/--origin is required/);
    expect(() => validateNewPartner({ ...valid, brokerCode: 'uj' })).toThrow(/--broker-code "uj" must be/);
    expect(() => validateNewPartner({ ...valid, brokerCode: null })).toThrow(/--broker-code is required with --scope broker/);
    expect(validateNewPartner({ ...valid, brokerCode: null, scope: 'all' }).scope).toBe('all');
    expect(() => validateNewPartner({ ...valid, logoUrl: 'http://cdn.example/logo.png' })).toThrow(/--logo-url .* must use https/);
    expect(validateNewPartner({ ...valid, logoUrl: 'https://cdn.example/logo.png' }).logoUrl).toBe('https://cdn.example/logo.png');
  });
});

describe('registering partners', () => {
  it('adds a confidential client with a fresh secret, the API callback as redirect URI, and a new broker', async () => {
    const added = await addPartnerClient(db.sequelize, testPartnerSecrets, publicUrl, {
      ...valid,
      origins: ['https://www.ujalkusz.example', 'https://ujalkusz.example/'],
    });
    expect(added).toMatchObject({ clientId: 'uj-alkusz', redirectUri: 'https://portal.example/api/session/callback', brokerCreated: true });
    expect(added.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const client = await sequelizeAdapterFactory(db.sequelize, testPartnerSecrets)('Client').find('uj-alkusz');
    expect(client).toMatchObject({ client_secret: added.clientSecret, token_endpoint_auth_method: 'client_secret_basic', redirect_uris: [added.redirectUri] });

    const second = await addPartnerClient(db.sequelize, testPartnerSecrets, publicUrl, { ...valid, clientId: 'uj-alkusz-2' });
    expect(second.brokerCreated).toBe(false);
    expect(second.clientSecret).not.toBe(added.clientSecret);

    await expect(addPartnerClient(db.sequelize, testPartnerSecrets, publicUrl, valid)).rejects.toThrow(/already exists/);

    const list = await listPartnerClients(db.sequelize);
    expect(list.find((p) => p.clientId === 'uj-alkusz')).toEqual({
      clientId: 'uj-alkusz',
      name: 'Új Alkusz Kft.',
      brokerCode: 'UJALKUSZ',
      scope: 'broker',
      origins: ['https://www.ujalkusz.example', 'https://ujalkusz.example'],
      active: true,
      hasSecret: true,
    });
    const table = formatPartners(list);
    expect(table.split('\n')[0]).toMatch(/^CLIENT ID\s+NAME\s+BROKER\s+SCOPE\s+ACTIVE\s+ORIGINS$/);
    expect(table).toContain('uj-alkusz ');
    expect(table).not.toContain(added.clientSecret);
  });

  it('deactivates on remove (history keeps its reference), ending grants and API sessions; --purge deletes', async () => {
    await addPartnerClient(db.sequelize, testPartnerSecrets, publicUrl, { ...valid, clientId: 'tavozo' });
    await db.sequelize.query(
      `insert into oidc_models (model, id, payload, grant_id, expires_at) values
         ('Grant', 'g-t', '{"clientId":"tavozo","accountId":"a"}', null, now() + interval '1 day'),
         ('RefreshToken', 'r-t', '{"clientId":"tavozo","grantId":"g-t"}', 'g-t', now() + interval '1 day'),
         ('RefreshToken', 'r-other', '{"clientId":"uj-alkusz","grantId":"g-o"}', 'g-o', now() + interval '1 day')`,
    );
    const removed = await removePartnerClient(db.sequelize, 'tavozo', partnerEnds(db.sequelize));
    expect(removed).toMatchObject({ purged: false, revokedArtefacts: 2 });
    expect(await sequelizeAdapterFactory(db.sequelize, testPartnerSecrets)('Client').find('tavozo')).toBeUndefined();
    const remaining = await db.sequelize.query<{ id: string }>(`select id from oidc_models where id in ('g-t', 'r-t', 'r-other')`, { type: QueryTypes.SELECT });
    expect(remaining.map((r) => r.id)).toEqual(['r-other']);
    expect((await listPartnerClients(db.sequelize)).find((p) => p.clientId === 'tavozo')?.active).toBe(false);
    await expect(addPartnerClient(db.sequelize, testPartnerSecrets, publicUrl, { ...valid, clientId: 'tavozo' })).rejects.toThrow(
      /deactivated partner .* --purge/,
    );

    await removePartnerClient(db.sequelize, 'tavozo', partnerEnds(db.sequelize), { purge: true });
    expect((await listPartnerClients(db.sequelize)).find((p) => p.clientId === 'tavozo')).toBeUndefined();
    await expect(removePartnerClient(db.sequelize, 'tavozo', partnerEnds(db.sequelize))).rejects.toThrow(/No partner with client id "tavozo"/);
  });

  it('rotates a secret (the old one is gone), and gives a secret to a partner registered without one', async () => {
    await db.sequelize.query(
      `insert into partner_clients (client_id, display_name, origins, redirect_uris, policy_scope) values ('regi', 'Régi', '{https://r.example}', '{https://portal.example/api/session/callback}', 'all')`,
    );
    expect(await sequelizeAdapterFactory(db.sequelize, testPartnerSecrets)('Client').find('regi')).toBeUndefined();
    const secret = await rotatePartnerSecret(db.sequelize, testPartnerSecrets, 'regi');
    expect(await sequelizeAdapterFactory(db.sequelize, testPartnerSecrets)('Client').find('regi')).toMatchObject({ client_secret: secret });
    const next = await rotatePartnerSecret(db.sequelize, testPartnerSecrets, 'regi');
    expect(next).not.toBe(secret);
    await expect(rotatePartnerSecret(db.sequelize, testPartnerSecrets, 'nincs')).rejects.toThrow(/No partner/);
  });
});

describe('portal partner (the installed command)', () => {
  const run = promisify(execFile);
  const bin = fileURLToPath(new URL('../../../bin/portal.js', import.meta.url));
  let dataDir = '';
  afterAll(() => (dataDir ? rm(dataDir, { recursive: true, force: true }) : undefined));

  async function portal(...args: string[]) {
    dataDir ||= await mkdtemp(join(tmpdir(), 'gp-partner-'));
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: 'https://portal.example' };
    delete env.DATABASE_URL;
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('adds (printing the secret once), lists, refuses bad input with a message, and removes', async () => {
    expect((await portal('migrate')).code).toBe(0);
    const added = await portal(
      'partner',
      'add',
      '--client-id',
      'cli-alkusz',
      '--name',
      'CLI Alkusz Kft.',
      '--origin',
      'https://cli.example',
      '--origin',
      'https://www.cli.example',
      '--broker-code',
      'CLIALKUSZ',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Partner "cli-alkusz" registered.');
    expect(added.stdout).toContain('redirect URI:   https://portal.example/api/session/callback');
    const secret = /client secret:\s+(\S+)/.exec(added.stdout)?.[1];
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const list = await portal('partner', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/cli-alkusz\s+CLI Alkusz Kft\.\s+CLIALKUSZ\s+broker\s+yes\s+https:\/\/cli\.example https:\/\/www\.cli\.example/);
    expect(list.stdout).not.toContain(secret!);

    const bad = await portal('partner', 'add', '--client-id', 'rossz', '--name', 'Rossz', '--origin', 'https://rossz.example/oldal', '--broker-code', 'ROSSZ');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not an origin');

    const removed = await portal('partner', 'remove', 'cli-alkusz');
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('Partner "cli-alkusz" deactivated');
    expect((await portal('partner', 'list')).stdout).toMatch(/cli-alkusz\s+.*\s+no\s+https:\/\/cli\.example/);

    const usage = await portal('partner', 'frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage:');
  }, 120_000);
});
