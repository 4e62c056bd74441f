import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/** A 256-bit key derived from one configured secret, named by a fingerprint (never the key itself). */
export interface DerivedKey {
  kid: string;
  key: Buffer;
}

export interface KeyDerivation {
  /** The HKDF info: the same secrets give unrelated keys for unrelated uses. */
  purpose: string;
  /**
   * How the fingerprint is written and how long it is. Stored values carry it, so for a purpose
   * in use it never changes (a value whose kid no key has does not open).
   */
  kid: { encoding: 'base64url' | 'hex'; length: number };
}

/** HKDF-SHA-256 (salt `gp-portal`, info the purpose) of each secret, in the order given. */
export function deriveKeys(secrets: readonly string[], derivation: KeyDerivation): DerivedKey[] {
  if (!secrets.length) throw new Error(`${derivation.purpose}: at least one key is needed`);
  return secrets.map((secret) => {
    const key = Buffer.from(hkdfSync('sha256', secret, 'gp-portal', derivation.purpose, 32));
    return { kid: createHash('sha256').update(key).digest(derivation.kid.encoding).slice(0, derivation.kid.length), key };
  });
}

/** A sealed value's parts: which key sealed it, the 12-byte IV, the ciphertext followed by the 16-byte tag (both base64url). */
export interface SealedParts {
  kid: string;
  iv: string;
  data: string;
}

const TAG_BYTES = 16;

/**
 * AES-256-GCM with keys derived per purpose: the first key seals, every key opens, so keys rotate
 * by putting a new one in front and dropping the old one once nothing sealed with it is left. The
 * associated data binds a value to where it is kept (its row, its session), so a sealed value
 * copied elsewhere does not open. `SealedBox` and `TokenVault` are its stored forms.
 */
export class AesGcmKeyring {
  private readonly keys: DerivedKey[];

  constructor(secrets: readonly string[], derivation: KeyDerivation) {
    this.keys = deriveKeys(secrets, derivation);
  }

  seal(plain: string, associatedData: string): SealedParts {
    const { kid, key } = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { kid, iv: iv.toString('base64url'), data: data.toString('base64url') };
  }

  /** Throws when no key fits or the value or its associated data were altered. */
  open(sealed: SealedParts, associatedData: string): string {
    const entry = this.keys.find((k) => k.kid === sealed.kid);
    if (!entry || !sealed.iv || !sealed.data) throw new Error('sealed with an unknown key');
    const data = Buffer.from(sealed.data, 'base64url');
    if (data.length <= TAG_BYTES) throw new Error('sealed value too short');
    const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(sealed.iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
