import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts the tokens the API keeps for a session (AES-256-GCM), so a copy of `bff_sessions`
 * (a backup, a read replica, a leaked dump) holds no usable refresh token. The first key seals,
 * every key opens: add a new key in front to rotate, drop the old one once its sessions are gone.
 * The associated data binds a sealed value to its session's customer and partner.
 */
export interface Sealed {
  /** Which key sealed it (a fingerprint, not the key). */
  kid: string;
  iv: string;
  /** Ciphertext followed by the 16-byte GCM tag, base64url. */
  data: string;
}

interface VaultKey {
  kid: string;
  key: Buffer;
}

export class TokenVault {
  private readonly keys: VaultKey[];

  /** `secrets`: high-entropy strings (at least 32 characters); each is stretched to a 256-bit key with HKDF. */
  constructor(secrets: readonly string[]) {
    if (!secrets.length) throw new Error('TokenVault needs at least one key');
    this.keys = secrets.map((secret) => {
      if (secret.length < 32) throw new Error('Session token keys must be at least 32 characters of random data');
      const key = Buffer.from(hkdfSync('sha256', secret, 'gp-portal', 'bff-session-tokens v1', 32));
      return { kid: createHash('sha256').update(key).digest('hex').slice(0, 12), key };
    });
  }

  seal(value: unknown, associatedData: string): Sealed {
    const { kid, key } = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { kid, iv: iv.toString('base64url'), data: data.toString('base64url') };
  }

  /** Throws when no key fits or the value or its associated data were altered. */
  open<T>(sealed: Sealed, associatedData: string): T {
    const entry = this.keys.find((k) => k.kid === sealed.kid);
    if (!entry) throw new Error('sealed with an unknown key');
    const data = Buffer.from(sealed.data, 'base64url');
    if (data.length < 17) throw new Error('sealed value too short');
    const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(sealed.iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }
}
