import { describe, expect, it } from 'vitest';
import { isValidTaxNumber, makeTaxNumber, taxCheckDigit } from '../../../common/customers/tax-number.ts';

describe('Hungarian tax number (adószám)', () => {
  it('computes the check digit with weights 9, 7, 3, 1', () => {
    // 1·9 + 2·7 + 3·3 + 4·1 + 5·9 + 6·7 + 7·3 = 144 → (10 − 4) mod 10 = 6
    expect(taxCheckDigit('1234567')).toBe(6);
    // 2·9 + 8·7 + 4·3 + 7·1 + 5·9 + 6·7 + 1·3 = 183 → 7
    expect(taxCheckDigit('2847561')).toBe(7);
    // A sum ending in 0 gives 0, not 10: 1·9 + 7·3 = 30.
    expect(taxCheckDigit('1000007')).toBe(0);
    expect(taxCheckDigit('1000001')).toBe(8);
    expect(() => taxCheckDigit('123456a')).toThrow(RangeError);
  });

  it('accepts well-formed numbers with a correct check digit', () => {
    expect(isValidTaxNumber('12345676-2-06')).toBe(true);
    expect(isValidTaxNumber('28475617-1-18')).toBe(true);
    expect(isValidTaxNumber('24681353-4-44')).toBe(true);
    expect(isValidTaxNumber('12345676-5-51')).toBe(true); // large taxpayers
  });

  it('rejects a wrong check digit', () => {
    expect(isValidTaxNumber('12345678-1-12')).toBe(false);
    expect(isValidTaxNumber('12345677-2-06')).toBe(false);
  });

  it('rejects VAT codes outside 1–5 and unknown county codes', () => {
    expect(isValidTaxNumber('12345676-0-06')).toBe(false);
    expect(isValidTaxNumber('12345676-6-06')).toBe(false);
    expect(isValidTaxNumber('12345676-2-01')).toBe(false);
    expect(isValidTaxNumber('12345676-2-45')).toBe(false);
    expect(isValidTaxNumber('12345676-2-52')).toBe(false);
  });

  it('rejects other shapes', () => {
    expect(isValidTaxNumber('1234567-6-2-06')).toBe(false);
    expect(isValidTaxNumber('12345676206')).toBe(false);
    expect(isValidTaxNumber('')).toBe(false);
  });

  it('builds valid numbers and refuses invalid parts', () => {
    expect(makeTaxNumber('1234567', 2, 6)).toBe('12345676-2-06');
    for (const seven of ['0000000', '9999999', '1357924', '2020121']) expect(isValidTaxNumber(makeTaxNumber(seven, 3, 41))).toBe(true);
    expect(() => makeTaxNumber('1234567', 6, 6)).toThrow(RangeError);
    expect(() => makeTaxNumber('1234567', 2, 50)).toThrow(RangeError);
    expect(() => makeTaxNumber('123456', 2, 6)).toThrow(RangeError);
  });
});
