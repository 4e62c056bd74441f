import { describe, expect, it } from 'vitest';
import { TokenVault } from '../../../../server/domain/session/token-vault.ts';

const KEY = 'a-fixed-test-secret-of-at-least-32-characters';
const OLDER_KEY = 'another-fixed-test-secret-of-32-characters!!';

/**
 * Values sealed by the TokenVault of before the shared AES-GCM core (commit 25b757f), as
 * `bff_sessions.tokens.sealed` holds them: a session opened before a rewrite must stay usable.
 */
const SEALED_BEFORE = {
  withKey: {
    sealed: {
      kid: '59589e989aa1',
      iv: 'eSLNI9sj3sc2cWod',
      data: 'lwUjLk483GuciQ0kLUQsWb7_Y4D5Jqr299wtbP6Aba4F0_QIwpQnxlnDqITcJO2CDSFDtOe3ldcD-RXBsB5oVM2P9fE16gkAd77eYdLKliq6Ng',
    },
    associatedData: 'client|customer|acc',
    value: { refreshToken: 'rt-1', accountId: 'acc-1', expiresAt: 1700000000 },
  },
  withOlderKey: {
    sealed: { kid: 'c03f5bdf1f43', iv: 'hbWUeZxh0tyZng7m', data: '311b8rrCJ6jKFBkKUWAuNey_viecZ42kSsx89XAMsc8cs0tXTgzhYEU' },
    associatedData: 'c|d|e',
    value: { refreshToken: 'rt-old' },
  },
};

describe('TokenVault', () => {
  it('opens values sealed by the earlier code, with the first key and with a key behind it', () => {
    const vault = new TokenVault([KEY, OLDER_KEY]);
    for (const { sealed, associatedData, value } of Object.values(SEALED_BEFORE)) expect(vault.open(sealed, associatedData)).toEqual(value);
  });

  it('seals JSON values as `{kid, iv, data}` with the first key, the kid in hex as stored values carry it', () => {
    const value = { refreshToken: 'rt-2', idToken: null, scopes: ['openid'] };
    const sealed = new TokenVault([KEY, OLDER_KEY]).seal(value, 'client|customer|acc');
    expect(Object.keys(sealed).sort()).toEqual(['data', 'iv', 'kid']);
    expect(sealed.kid).toBe(SEALED_BEFORE.withKey.sealed.kid);
    expect(sealed.kid).toMatch(/^[0-9a-f]{12}$/);
    expect(Buffer.from(sealed.iv, 'base64url')).toHaveLength(12);
    expect(new TokenVault([KEY]).open(sealed, 'client|customer|acc')).toEqual(value);
  });

  it("refuses another session's value, a dropped key or altered bytes", () => {
    const { sealed, associatedData } = SEALED_BEFORE.withKey;
    expect(() => new TokenVault([KEY]).open(sealed, 'client|customer|other')).toThrow();
    expect(() => new TokenVault([OLDER_KEY]).open(sealed, associatedData)).toThrow(/unknown key/);
    const flipped = Buffer.from(sealed.data, 'base64url');
    flipped[3]! ^= 1;
    expect(() => new TokenVault([KEY]).open({ ...sealed, data: flipped.toString('base64url') }, associatedData)).toThrow();
    expect(() => new TokenVault([KEY]).open({ ...sealed, data: 'AAAA' }, associatedData)).toThrow(/too short/);
  });

  it('needs keys of at least 32 characters', () => {
    expect(() => new TokenVault([])).toThrow(/at least one key/);
    expect(() => new TokenVault(['short-key'])).toThrow(/at least 32 characters/);
    expect(() => new TokenVault([KEY, 'x'.repeat(31)])).toThrow(/at least 32 characters/);
  });
});
