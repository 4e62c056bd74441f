import { describe, expect, it } from 'vitest';
import { SealedBox } from '../../../common/security/sealed-box.ts';

const KEY = 'a-fixed-test-secret-of-at-least-32-characters';
const OLDER_KEY = 'another-fixed-test-secret-of-32-characters!!';
const PURPOSE = 'two-step-totp v1';

/**
 * Values sealed by the SealedBox of before the shared AES-GCM core (commit 25b757f), kept as
 * they would be in `two_step.secret_sealed`: what is stored must still open after any rewrite.
 */
const SEALED_BEFORE = {
  withKey: { sealed: 'Z6vOtOa0Jfys.hhdq9Yczxc8Wz9oD.e8lrDrMVh8jJDVvmwbpqiLr8pBYuTeT8zPybBs9YEnU', associatedData: 'account-42', plain: 'JBSWY3DPEHPK3PXP' },
  withOlderKey: { sealed: 'iQZS5LCfx0Mw.c_LJo-uaAHXluEXf.dzyyP9JMEs5ILnLTJDBov_BF56aGEu4sObSoVwSn', associatedData: 'account-7', plain: 'old key secret' },
};

describe('SealedBox', () => {
  it('opens values sealed by the earlier code, with the first key and with a key behind it', () => {
    const box = new SealedBox([KEY, OLDER_KEY], PURPOSE);
    for (const { sealed, associatedData, plain } of Object.values(SEALED_BEFORE)) expect(box.open(sealed, associatedData)).toBe(plain);
  });

  it('seals as `kid.iv.data` in base64url with the first key, the kid being the one stored values carry', () => {
    const sealed = new SealedBox([KEY, OLDER_KEY], PURPOSE).seal('JBSWY3DPEHPK3PXP', 'account-42');
    const [kid, iv, data] = sealed.split('.');
    expect(kid).toBe(SEALED_BEFORE.withKey.sealed.split('.')[0]);
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(data!, 'base64url')).toHaveLength('JBSWY3DPEHPK3PXP'.length + 16);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(new SealedBox([KEY], PURPOSE).open(sealed, 'account-42')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a value of another row, another purpose, a dropped key or altered bytes', () => {
    const { sealed, associatedData } = SEALED_BEFORE.withKey;
    expect(() => new SealedBox([KEY], PURPOSE).open(sealed, 'account-43')).toThrow();
    expect(() => new SealedBox([KEY], 'another-purpose v1').open(sealed, associatedData)).toThrow(/unknown key/);
    expect(() => new SealedBox([OLDER_KEY], PURPOSE).open(sealed, associatedData)).toThrow(/unknown key/);
    const [kid, iv, data] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => new SealedBox([KEY], PURPOSE).open([kid, iv, flipped.toString('base64url')].join('.'), associatedData)).toThrow();
    expect(() => new SealedBox([KEY], PURPOSE).open(`${kid}.${iv}`, associatedData)).toThrow();
  });

  it('needs a key', () => {
    expect(() => new SealedBox([], PURPOSE)).toThrow(/at least one key/);
  });
});
