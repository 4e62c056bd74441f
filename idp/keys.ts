import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/**
 * The IdP's signing keys and cookie keys. In production they come from the environment
 * (`OIDC_JWKS`: a private JWKS as JSON; `OIDC_COOKIE_KEYS`: comma-separated secrets). In development
 * they are generated once into `<dataDir>/keys/` (ignored by git) and reused on every start.
 */
export interface IdpKeys {
  jwks: { keys: JWK[] };
  cookieKeys: string[];
}

export async function loadIdpKeys(options: { dataDir: string; production: boolean; jwks?: string | null; cookieKeys?: string | null }): Promise<IdpKeys> {
  if (options.jwks && options.cookieKeys) {
    const jwks = JSON.parse(options.jwks) as { keys?: JWK[] };
    if (!Array.isArray(jwks.keys) || !jwks.keys.every((k) => typeof k.d === 'string')) {
      throw new Error('OIDC_JWKS must be a JSON Web Key Set of private keys ({"keys":[…]} with "d")');
    }
    return {
      jwks: { keys: jwks.keys },
      cookieKeys: options.cookieKeys
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    };
  }
  if (options.production) throw new Error('OIDC_JWKS and OIDC_COOKIE_KEYS are required in production');

  const dir = join(options.dataDir, 'keys');
  const file = join(dir, 'idp-keys.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as IdpKeys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = await generateIdpKeys();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

export async function generateIdpKeys(): Promise<IdpKeys> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  jwk.kid = `es256-${randomBytes(6).toString('hex')}`;
  jwk.alg = 'ES256';
  jwk.use = 'sig';
  return { jwks: { keys: [jwk] }, cookieKeys: [randomBytes(32).toString('base64url')] };
}
