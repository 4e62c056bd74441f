import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, commonPasswords, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../idp/accounts/password-policy.ts';

const code = (password: string, context = {}) => checkPasswordPolicy(password, context)?.code ?? null;

describe('password policy', () => {
  it('needs at least 10 characters, counted as characters, not UTF-16 units', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(code('tq8#mVz2L')).toBe('password_too_short');
    expect(code('tq8#mVz2Lp')).toBeNull();
    expect(code('')).toBe('password_too_short');
    // 9 characters, 10 UTF-16 units (the last is an astral-plane emoji).
    expect('árvíztűr🙂'.length).toBe(10);
    expect(code('árvíztűr🙂')).toBe('password_too_short');
  });

  it('allows at most 128 characters, and sets no composition rules', () => {
    expect(PASSWORD_MAX_LENGTH).toBe(128);
    const phrase = 'vidám tavaszi szél vizet áraszt ';
    expect(code(phrase.repeat(4).slice(0, 128))).toBeNull();
    expect(code(phrase.repeat(5).slice(0, 129))).toBe('password_too_long');
    expect(code('csak kisbetus szavak sora')).toBeNull(); // no digit, no capital, no symbol: fine
  });

  it('refuses common passwords, whatever the case, accents, added digits, symbols or leetspeak', () => {
    for (const password of [
      '1234567890',
      'qwertzuiop',
      'Jelszo123456',
      'jelszó2024!!',
      'JELSZO-2026',
      'Budapest1234',
      'Budapest1!',
      '!!Ferencvaros1899',
      'P@ssw0rd2024',
      'Password123!',
      'jelszojelszo',
      'passwordpassword',
      'aaaaaaaaaaaa',
      'abababababab',
      'abcdefghijkl',
      '9876543210',
      'a123456789',
      'iloveyou2024',
      'Szeretlek123',
      'ugyfelportal1',
    ]) {
      expect(code(password), password).toBe('password_common');
    }
  });

  it('accepts uncommon passwords that merely contain a common word', () => {
    for (const password of ['jelszo a hegytetőn 7', 'Budapest-Zürich éjjel', 'tq8#mVz2LpQ', 'correct horse battery staple']) {
      expect(code(password), password).toBeNull();
    }
  });

  it('refuses passwords built from the account’s e-mail address', () => {
    const email = 'odon.gyori@example.com';
    expect(code('odon.gyori.titka', { email })).toBe('password_contains_email');
    expect(code('Győri-és-a-kertje', { email })).toBe('password_contains_email');
    expect(code('az en nevem Odon!', { email })).toBe('password_contains_email');
    expect(code('kék alma fa hegy', { email })).toBeNull();
    // Tiny local parts are not personal enough to refuse every password containing them.
    expect(code('jo napot mindenkinek', { email: 'jo@example.com' })).toBeNull();
  });

  it('refuses passwords containing the customer number', () => {
    expect(code('en vagyok a 10467023', { customerNumber: '10467023' })).toBe('password_contains_customer_number');
    expect(code('en vagyok a 1046 7023', { customerNumber: '10467023' })).toBe('password_contains_customer_number');
    expect(code('en vagyok a 10467024', { customerNumber: '10467023' })).toBeNull();
  });

  it('gives each refusal a stable code and a message in Hungarian and English', () => {
    const result = checkPasswordPolicy('rövid');
    expect(result).toEqual({
      code: 'password_too_short',
      message: { hu: expect.stringContaining('legalább 10 karakter'), en: expect.stringContaining('at least 10 characters') },
    });
    for (const password of ['x'.repeat(129), 'jelszo123456']) {
      const r = checkPasswordPolicy(password)!;
      expect(r.message.hu.length).toBeGreaterThan(10);
      expect(r.message.en.length).toBeGreaterThan(10);
      expect(r.message.hu).not.toBe(r.message.en);
    }
  });

  it('ships a list of a few thousand common passwords, Hungarian ones included', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThan(1500);
    for (const word of ['123456', 'password', 'qwerty', 'qwertz', 'jelszo', 'jelszo123', 'budapest', 'szeretlek', 'ferencvaros', 'granitpont']) {
      expect(list.has(word), word).toBe(true);
    }
    for (const word of list) expect(word, word).toBe(word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''));
  });
});
