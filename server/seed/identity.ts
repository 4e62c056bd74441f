import type { Random } from './random.ts';

/**
 * Identifiers that look real: e-mails (only on reserved example domains), mobile numbers,
 * plates (old `ABC-123` and, since 2022, `AA BC-123`), VINs, unique-number draws.
 */
export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

/** `Szőke Erzsébet` → `szoke.erzsebet`-style ASCII for e-mail local parts and host names. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function mobilePhone(rng: Random): string {
  return `+36 ${rng.pick(['20', '30', '70'])} ${rng.int(100, 999)} ${rng.digits(4)}`;
}

const PLATE_LETTERS = 'ABCDEFGHIJKLMNOPRSTUVWXYZ';

export function plate(rng: Random, modelYear: number): string {
  const letters = (n: number) => Array.from({ length: n }, () => rng.pick([...PLATE_LETTERS])).join('');
  const digits = String(rng.int(1, 999)).padStart(3, '0');
  // The four-letter series started in 2022 at "AA AA"; new cars get it.
  return modelYear >= 2023 ? `AA ${rng.pick(['A', 'B', 'C', 'D'])}${letters(1)}-${digits}` : `${letters(3)}-${digits}`;
}

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

export function vin(rng: Random): string {
  return Array.from({ length: 17 }, () => rng.pick([...VIN_CHARS])).join('');
}

/** Draws until `make()` returns a value not yet in `taken`, then records it. */
export function unique<T>(taken: Set<T>, make: () => T): T {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const value = make();
    if (!taken.has(value)) {
      taken.add(value);
      return value;
    }
  }
  throw new Error('unique(): the value space is exhausted');
}
