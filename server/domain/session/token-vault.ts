import { AesGcmKeyring, type SealedParts } from '../../../common/security/aes-gcm-keyring.ts';

/** A sealed value as `bff_sessions.tokens.sealed` keeps it. */
export type Sealed = SealedParts;

/** The HKDF info of the session tokens' keys: sessions stored under it must keep opening. */
const PURPOSE = 'bff-session-tokens v1';

/**
 * Encrypts the tokens the API keeps for a session (an `AesGcmKeyring`), so a copy of
 * `bff_sessions` (a backup, a read replica, a leaked dump) holds no usable refresh token. Values
 * are JSON, kept as the object `{kid, iv, data}` (kid in hex). Add a new key in front to rotate,
 * drop the old one once its sessions are gone. The associated data binds a sealed value to its
 * session's customer and partner.
 */
export class TokenVault {
  private readonly keyring: AesGcmKeyring;

  /** `secrets`: high-entropy strings (at least 32 characters); each is stretched to a 256-bit key with HKDF. */
  constructor(secrets: readonly string[]) {
    if (secrets.some((secret) => secret.length < 32)) throw new Error('Session token keys must be at least 32 characters of random data');
    this.keyring = new AesGcmKeyring(secrets, { purpose: PURPOSE, kid: { encoding: 'hex', length: 12 } });
  }

  seal(value: unknown, associatedData: string): Sealed {
    return this.keyring.seal(JSON.stringify(value), associatedData);
  }

  /** Throws when no key fits or the value or its associated data were altered. */
  open<T>(sealed: Sealed, associatedData: string): T {
    return JSON.parse(this.keyring.open(sealed, associatedData)) as T;
  }
}
