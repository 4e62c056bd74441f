import { describe, expect, it } from 'vitest';
import { AesGcmKeyring, deriveKeys } from '../../../common/security/aes-gcm-keyring.ts';

const NEW_KEY = 'a-fixed-test-secret-of-at-least-32-characters';
const OLD_KEY = 'another-fixed-test-secret-of-32-characters!!';
const derivation = (purpose: string) => ({ purpose, kid: { encoding: 'base64url' as const, length: 12 } });

describe('deriveKeys', () => {
  it('gives unrelated keys for unrelated purposes, each named by a fingerprint in the encoding and length asked', () => {
    const [first] = deriveKeys([NEW_KEY], derivation('one purpose v1'));
    const [second] = deriveKeys([NEW_KEY], derivation('another purpose v1'));
    expect(first!.key).toHaveLength(32);
    expect(first!.key.equals(second!.key)).toBe(false);
    expect(first!.kid).not.toBe(second!.kid);
    expect(first!.kid).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(deriveKeys([NEW_KEY], { purpose: 'one purpose v1', kid: { encoding: 'hex', length: 16 } })[0]!.kid).toMatch(/^[0-9a-f]{16}$/);
  });

  it('needs at least one secret', () => {
    expect(() => deriveKeys([], derivation('one purpose v1'))).toThrow(/at least one key/);
  });
});

describe('AesGcmKeyring', () => {
  it('seals with the first key and opens with any key listed, so keys rotate by putting a new one in front', () => {
    const before = new AesGcmKeyring([OLD_KEY], derivation('rotation v1'));
    const after = new AesGcmKeyring([NEW_KEY, OLD_KEY], derivation('rotation v1'));
    const old = before.seal('sealed before the rotation', 'row-1');
    const fresh = after.seal('sealed after the rotation', 'row-1');
    expect(after.open(old, 'row-1')).toBe('sealed before the rotation');
    expect(fresh.kid).not.toBe(old.kid);
    expect(() => before.open(fresh, 'row-1')).toThrow(/unknown key/);
    expect(new AesGcmKeyring([NEW_KEY], derivation('rotation v1')).open(fresh, 'row-1')).toBe('sealed after the rotation');
  });

  it('opens only with the same associated data and purpose, and a fresh IV every time', () => {
    const keyring = new AesGcmKeyring([NEW_KEY], derivation('binding v1'));
    const sealed = keyring.seal('árvíztűrő tükörfúrógép', 'row-1');
    expect(keyring.open(sealed, 'row-1')).toBe('árvíztűrő tükörfúrógép');
    expect(() => keyring.open(sealed, 'row-2')).toThrow();
    expect(() => new AesGcmKeyring([NEW_KEY], derivation('binding v2')).open(sealed, 'row-1')).toThrow(/unknown key/);
    expect(keyring.seal('árvíztűrő tükörfúrógép', 'row-1').iv).not.toBe(sealed.iv);
    expect(() => keyring.open({ ...sealed, iv: '' }, 'row-1')).toThrow(/unknown key/);
  });
});
