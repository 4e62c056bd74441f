import { readFileSync } from 'node:fs';
import type { Language } from '../../common/language.ts';

/**
 * What a new password must be (NIST SP 800-63B §3.1.1.2, OWASP ASVS V2.1): long enough, not
 * absurdly long, not a known-common password and not built from the account's own e-mail
 * address or customer number. No composition rules ("a digit and a symbol"): they make
 * passwords harder to remember, not to guess. Every refusal has a stable code and a message in
 * both languages; the pages show the message, tests and clients key on the code.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordPolicyCode =
  'password_too_short' | 'password_too_long' | 'password_common' | 'password_contains_email' | 'password_contains_customer_number';

export interface PasswordPolicyViolation {
  code: PasswordPolicyCode;
  message: { hu: string; en: string };
}

/** What the password must not contain: the account's e-mail address and customer number. */
export interface PasswordContext {
  email?: string | null;
  customerNumber?: string | null;
}

const MESSAGES: Record<PasswordPolicyCode, { hu: string; en: string }> = {
  password_too_short: {
    hu: `A jelszó legyen legalább ${PASSWORD_MIN_LENGTH} karakter hosszú. Egy könnyen megjegyezhető kifejezés is jó.`,
    en: `Your password must be at least ${PASSWORD_MIN_LENGTH} characters long. An easy-to-remember phrase works well.`,
  },
  password_too_long: {
    hu: `A jelszó legfeljebb ${PASSWORD_MAX_LENGTH} karakter lehet.`,
    en: `Your password can be at most ${PASSWORD_MAX_LENGTH} characters long.`,
  },
  password_common: {
    hu: 'Ez a jelszó túl gyakori vagy túl könnyen kitalálható. Válasszon egy kevésbé nyilvánvalót, például néhány véletlenszerű szót.',
    en: 'This password is too common or too easy to guess. Choose a less obvious one, for example a few random words.',
  },
  password_contains_email: {
    hu: 'A jelszó nem tartalmazhatja az e-mail-címét vagy annak részét.',
    en: 'Your password must not contain your e-mail address or part of it.',
  },
  password_contains_customer_number: {
    hu: 'A jelszó nem tartalmazhatja az ügyfélszámát.',
    en: 'Your password must not contain your customer number.',
  },
};

/** The first rule `password` breaks, or null when it is acceptable. Never trims or alters it. */
export function checkPasswordPolicy(password: string, context: PasswordContext = {}): PasswordPolicyViolation | null {
  const code = violation(password.normalize('NFC'), context);
  return code ? { code, message: MESSAGES[code] } : null;
}

export function passwordPolicyMessage(code: PasswordPolicyCode, lang: Language): string {
  return MESSAGES[code][lang];
}

function violation(password: string, context: PasswordContext): PasswordPolicyCode | null {
  const length = [...password].length; // code points: "é" or an emoji counts once
  if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';

  const folded = fold(password);
  const customerNumber = context.customerNumber?.replace(/\D/g, '');
  if (customerNumber && customerNumber.length >= 6 && password.replace(/\s/g, '').includes(customerNumber)) {
    return 'password_contains_customer_number';
  }
  if (context.email && emailParts(context.email).some((part) => folded.includes(part))) return 'password_contains_email';
  if (isCommon(folded)) return 'password_common';
  return null;
}

/** Lower case without accents ("Jelszó" → "jelszo"), so variants of a listed word match. */
function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The e-mail's local part (3+ characters), and its name-like pieces of 4+ characters
 * ("odon.gyori" → "odon.gyori", "odon", "gyori"); the domain is not personal enough to refuse.
 */
function emailParts(email: string): string[] {
  const local = fold(email.trim()).split('@')[0] ?? '';
  const parts = new Set<string>();
  if (local.length >= 3) parts.add(local);
  for (const piece of local.split(/[^\p{L}\p{N}]+/u)) if (piece.length >= 4) parts.add(piece);
  return [...parts];
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

function isCommon(folded: string): boolean {
  const list = commonPasswords();
  const compact = folded.replace(/\s+/g, '');
  if (new Set(compact).size < 4) return true; // "aaaaaaaaaa", "1212121212", "abababab12"
  if (isSequence(compact)) return true; // "abcdefghij", "9876543210"
  const candidates = new Set<string>([compact]);
  // "Jelszo2024!", "!!budapest1" → the word in the middle.
  const core = compact.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
  if (core.length >= 3) {
    candidates.add(core);
    candidates.add(deLeet(core)); // "p@ssw0rd" → "password"
    const repeated = /^(.+?)\1+$/u.exec(core); // "jelszojelszo" → "jelszo"
    if (repeated?.[1] && repeated[1].length >= 3) candidates.add(repeated[1]);
  }
  // Mostly digits ("a123456789", "12345678ab"): the digits alone.
  const digits = compact.replace(/\D/g, '');
  if (compact.length - digits.length <= 2 && digits.length >= 6) {
    candidates.add(digits);
    if (isSequence(digits) || new Set(digits).size < 4) return true;
  }
  for (const candidate of candidates) if (list.has(candidate)) return true;
  return false;
}

function deLeet(value: string): string {
  return [...value].map((ch) => LEET[ch] ?? ch).join('');
}

/** Every character one step up (or down) from the previous one: "abcdef…", "98765…". */
function isSequence(value: string): boolean {
  if (value.length < 6) return false;
  const codes = [...value].map((ch) => ch.codePointAt(0) ?? 0);
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  if (step !== 1 && step !== -1) return false;
  return codes.every((code, i) => i === 0 || code - (codes[i - 1] ?? 0) === step);
}

let cached: ReadonlySet<string> | undefined;

/** The list in ./common-passwords.txt (lower case, accents removed; `#` lines are comments). */
export function commonPasswords(): ReadonlySet<string> {
  if (!cached) {
    const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
    cached = new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#')),
    );
  }
  return cached;
}
