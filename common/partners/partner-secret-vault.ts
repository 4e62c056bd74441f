import { compactDecrypt, CompactEncrypt, decodeProtectedHeader } from 'jose';
import { deriveKeys, type DerivedKey } from '../security/aes-gcm-keyring.ts';

/** A compact JWE: five base64url parts, the second (the encrypted key) empty with `dir`. */
const COMPACT_DIR_JWE = /^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Partner client secrets at rest: `partner_clients.client_secret` holds a compact JWE (`dir`,
 * A256GCM), never the secret, so a copy of the table (a backup, a dump) authenticates no one.
 * The keys are derived with HKDF from the server's session keys (`SESSION_KEYS`): the first
 * seals, every one opens, so rotation is "add a new key in front, re-seal, drop the old one".
 * The protected header names the key (`kid`) and the client (`client_id`): GCM authenticates
 * the header, so a row's value copied to another client does not open.
 */
export class PartnerSecretVault {
  private readonly keys: DerivedKey[];

  /** `secrets`: the session keys (at least 32 characters of random data each), newest first. */
  constructor(secrets: readonly string[]) {
    if (secrets.some((secret) => secret.length < 32)) throw new Error('Partner secret keys must be at least 32 characters of random data');
    // The kids stored values carry: a longer fingerprint than the AES-GCM keyring's, in the JWE header.
    this.keys = deriveKeys(secrets, { purpose: 'partner-client-secrets v1', kid: { encoding: 'base64url', length: 16 } });
  }

  /** The kid new values are sealed with (the first key's). */
  get currentKid(): string {
    return this.keys[0]!.kid;
  }

  async seal(clientId: string, secret: string): Promise<string> {
    const { kid, key } = this.keys[0]!;
    return new CompactEncrypt(new TextEncoder().encode(secret)).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid, client_id: clientId }).encrypt(key);
  }

  /** Whether a stored value has the shape of a sealed one (a clear secret never does: it has no dots). */
  static looksSealed(stored: string): boolean {
    return COMPACT_DIR_JWE.test(stored);
  }

  /** The secret, or undefined when the value is clear, sealed with a key no longer listed, altered, or sealed for another client. */
  async open(clientId: string, stored: string | null): Promise<string | undefined> {
    if (!stored || !PartnerSecretVault.looksSealed(stored)) return undefined;
    try {
      const header = decodeProtectedHeader(stored);
      const entry = this.keys.find((k) => k.kid === header.kid);
      if (!entry) return undefined;
      const { plaintext, protectedHeader } = await compactDecrypt(stored, entry.key, {
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
      });
      if (protectedHeader['client_id'] !== clientId) return undefined;
      return new TextDecoder().decode(plaintext);
    } catch {
      return undefined;
    }
  }

  /** The kid a stored value was sealed with (for re-sealing after a rotation), or undefined. */
  static kidOf(stored: string): string | undefined {
    if (!PartnerSecretVault.looksSealed(stored)) return undefined;
    try {
      const kid = decodeProtectedHeader(stored).kid;
      return typeof kid === 'string' ? kid : undefined;
    } catch {
      return undefined;
    }
  }
}
