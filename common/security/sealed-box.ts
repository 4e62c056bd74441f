import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A small secret kept at rest encrypted (AES-256-GCM), as one string `kid.iv.data` (base64url;
 * data is the ciphertext followed by the 16-byte tag). The first key seals, every key opens, so
 * keys rotate by putting a new one in front. `purpose` goes into the HKDF info: the same secrets
 * give unrelated keys for unrelated uses. The associated data binds a value to its row (the
 * account), so a sealed value copied onto another row does not open.
 * (The same construction as the API's `TokenVault`, here in common/ so the IdP can use it.)
 */
export class SealedBox {
  private readonly keys: { kid: string; key: Buffer }[];

  constructor(secrets: readonly string[], purpose: string) {
    if (!secrets.length) throw new Error('SealedBox needs at least one key');
    this.keys = secrets.map((secret) => {
      const key = Buffer.from(hkdfSync('sha256', secret, 'gp-portal', purpose, 32));
      return { kid: createHash('sha256').update(key).digest('base64url').slice(0, 12), key };
    });
  }

  seal(plain: string, associatedData: string): string {
    const { kid, key } = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [kid, iv.toString('base64url'), data.toString('base64url')].join('.');
  }

  /** Throws when no key fits or the value or its associated data were altered. */
  open(sealed: string, associatedData: string): string {
    const [kid, iv, encoded] = sealed.split('.');
    const entry = this.keys.find((k) => k.kid === kid);
    if (!entry || !iv || !encoded) throw new Error('sealed with an unknown key');
    const data = Buffer.from(encoded, 'base64url');
    if (data.length < 17) throw new Error('sealed value too short');
    const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
  }
}
