import { AesGcmKeyring } from './aes-gcm-keyring.ts';

/**
 * A small secret kept at rest encrypted (an `AesGcmKeyring`), as one string `kid.iv.data`
 * (base64url, the kid too), so it fits a text column. `purpose` goes into the key derivation; the
 * associated data binds a value to its row (the account). The IdP's form; the API's is `TokenVault`.
 */
export class SealedBox {
  private readonly keyring: AesGcmKeyring;

  constructor(secrets: readonly string[], purpose: string) {
    this.keyring = new AesGcmKeyring(secrets, { purpose, kid: { encoding: 'base64url', length: 12 } });
  }

  seal(plain: string, associatedData: string): string {
    const { kid, iv, data } = this.keyring.seal(plain, associatedData);
    return [kid, iv, data].join('.');
  }

  /** Throws when no key fits or the value or its associated data were altered. */
  open(sealed: string, associatedData: string): string {
    const [kid = '', iv = '', data = ''] = sealed.split('.');
    return this.keyring.open({ kid, iv, data }, associatedData);
  }
}
