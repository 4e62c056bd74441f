import { describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { compactDecrypt, decodeProtectedHeader } from 'jose';
import { useTestDatabase } from '../support/database.ts';
import { testPartnerSecrets, TEST_PARTNER_KEY } from '../support/partner-secrets.ts';
import { useIdp } from './provider-harness.ts';
import { PartnerSecretVault } from '../../common/partners/partner-secret-vault.ts';
import { addPartnerClient, rotatePartnerSecret } from '../../common/partners/partner-clients.ts';
import { sealPartnerSecrets } from '../../common/partners/seal-partner-secrets.ts';
import { sequelizeAdapterFactory } from '../../idp/storage/sequelize-adapter.ts';
import { findActivePartner } from '../../server/domain/session/partners.ts';

/**
 * Issue 15, finding 11: `partner_clients.client_secret` holds a JWE sealed with a key derived
 * from the session keys, bound to its client, never the secret; the IdP and the API open it.
 */
const db = useTestDatabase();
const idp = useIdp(db);

const storedSecret = async (clientId: string) =>
  (
    await db.sequelize.query<{ client_secret: string | null }>('select client_secret from partner_clients where client_id = :clientId', {
      replacements: { clientId },
      type: QueryTypes.SELECT,
    })
  )[0]!.client_secret;

const NEW_KEY = 'rotated-partner-secret-key-fedcba9876543210';
const partner = (clientId: string) => ({ clientId, name: 'Titkos Alkusz Kft.', origins: ['https://titkos.example'], scope: 'all' as const });

/** A code exchange with a made-up code: 400 invalid_grant means the client authenticated, 401 invalid_client that it did not. */
async function tokenEndpointAs(clientId: string, secret: string): Promise<{ status: number; error: string }> {
  const response = await fetch(`${idp.issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: 'no-such-code',
      redirect_uri: idp.fixtures.redirectUri,
      code_verifier: 'v'.repeat(43),
    }),
  });
  return { status: response.status, error: ((await response.json()) as { error: string }).error };
}

describe('partner client secrets at rest', () => {
  it('stores a JWE (dir, A256GCM, kid, client_id) whose plaintext is the secret only with the key', async () => {
    const stored = (await storedSecret(idp.fixtures.clientId))!;
    expect(stored).not.toContain(idp.fixtures.clientSecret);
    expect(stored.split('.')).toHaveLength(5);
    expect(decodeProtectedHeader(stored)).toEqual({ alg: 'dir', enc: 'A256GCM', kid: testPartnerSecrets.currentKid, client_id: idp.fixtures.clientId });
    expect(await testPartnerSecrets.open(idp.fixtures.clientId, stored)).toBe(idp.fixtures.clientSecret);
    // Another deployment's keys (or a guess) open nothing, even with the kid forced to match.
    const stranger = new PartnerSecretVault(['someone-elses-session-key-0123456789abcdef']);
    expect(await stranger.open(idp.fixtures.clientId, stored)).toBeUndefined();
    await expect(compactDecrypt(stored, new Uint8Array(32))).rejects.toThrow();
  });

  it('still authenticates the client at the token endpoint with client_secret_basic', async () => {
    expect(await tokenEndpointAs(idp.fixtures.clientId, idp.fixtures.clientSecret)).toEqual({ status: 400, error: 'invalid_grant' });
    // The stored value is no credential: presented as the secret it is refused.
    expect(await tokenEndpointAs(idp.fixtures.clientId, (await storedSecret(idp.fixtures.clientId))!)).toEqual({ status: 401, error: 'invalid_client' });
  });

  it('refuses a row sealed for client A copied to client B, at the IdP and in the API', async () => {
    const b = await addPartnerClient(db.sequelize, testPartnerSecrets, idp.publicUrl, partner('masolt-b'));
    await db.sequelize.query('update partner_clients set client_secret = :sealed where client_id = :b', {
      replacements: { b: b.clientId, sealed: await storedSecret(idp.fixtures.clientId) },
    });
    expect(await sequelizeAdapterFactory(db.sequelize, testPartnerSecrets)('Client').find(b.clientId)).toBeUndefined();
    expect((await findActivePartner(db.sequelize, testPartnerSecrets, b.clientId))?.clientSecret).toBeNull();
    expect(await tokenEndpointAs(b.clientId, idp.fixtures.clientSecret)).toEqual({ status: 401, error: 'invalid_client' });
    expect(await tokenEndpointAs(b.clientId, b.clientSecret)).toEqual({ status: 401, error: 'invalid_client' });
  });

  it('never reads a clear row as a secret; the start-up step seals it, after which it works', async () => {
    const clear = await addPartnerClient(db.sequelize, testPartnerSecrets, idp.publicUrl, partner('regi-tiszta'));
    await db.sequelize.query('update partner_clients set client_secret = :secret where client_id = :id', {
      replacements: { id: clear.clientId, secret: clear.clientSecret },
    });
    expect(await tokenEndpointAs(clear.clientId, clear.clientSecret)).toEqual({ status: 401, error: 'invalid_client' });
    expect((await findActivePartner(db.sequelize, testPartnerSecrets, clear.clientId))?.clientSecret).toBeNull();

    const result = await sealPartnerSecrets(db.sequelize, testPartnerSecrets);
    expect(result).toMatchObject({ sealedClear: 1, resealed: 0 });
    expect(await storedSecret(clear.clientId)).not.toContain(clear.clientSecret);
    expect(await tokenEndpointAs(clear.clientId, clear.clientSecret)).toEqual({ status: 400, error: 'invalid_grant' });
    expect((await sealPartnerSecrets(db.sequelize, testPartnerSecrets)).sealedClear).toBe(0);
  });

  it('with a rotated key list (new first, old second) old rows read, new rows use the new kid, and re-sealing retires the old key', async () => {
    const rotated = new PartnerSecretVault([NEW_KEY, TEST_PARTNER_KEY]);
    expect(rotated.currentKid).not.toBe(testPartnerSecrets.currentKid);
    const old = await addPartnerClient(db.sequelize, testPartnerSecrets, idp.publicUrl, partner('regi-kulcs'));
    expect(await rotated.open(old.clientId, await storedSecret(old.clientId))).toBe(old.clientSecret);

    const fresh = await addPartnerClient(db.sequelize, rotated, idp.publicUrl, partner('uj-kulcs'));
    expect(decodeProtectedHeader((await storedSecret(fresh.clientId))!).kid).toBe(rotated.currentKid);
    const rotatedSecret = await rotatePartnerSecret(db.sequelize, rotated, old.clientId);
    expect(decodeProtectedHeader((await storedSecret(old.clientId))!).kid).toBe(rotated.currentKid);
    expect(await rotated.open(old.clientId, await storedSecret(old.clientId))).toBe(rotatedSecret);

    // Start-up with the rotated list re-seals every row of the old key; then the new key alone reads them all.
    const result = await sealPartnerSecrets(db.sequelize, rotated);
    expect(result.resealed).toBeGreaterThanOrEqual(1);
    const newOnly = new PartnerSecretVault([NEW_KEY]);
    expect(await newOnly.open(idp.fixtures.clientId, await storedSecret(idp.fixtures.clientId))).toBe(idp.fixtures.clientSecret);
    expect(await newOnly.open(fresh.clientId, await storedSecret(fresh.clientId))).toBe(fresh.clientSecret);
  });
});
