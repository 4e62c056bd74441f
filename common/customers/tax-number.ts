/**
 * Hungarian tax numbers (adószám) `12345678-1-12`: an 8-digit base whose last digit is a check
 * digit over the first seven (weights 9, 7, 3, 1 repeating; check = (10 − sum mod 10) mod 10),
 * a VAT code (1–5) and a county code (02–44, or 51 for large taxpayers).
 */
const WEIGHTS = [9, 7, 3, 1, 9, 7, 3] as const;
const FORMAT = /^(\d{8})-([1-5])-(\d{2})$/;

export function taxCheckDigit(firstSeven: string): number {
  if (!/^\d{7}$/.test(firstSeven)) throw new RangeError(`Expected 7 digits, got "${firstSeven}"`);
  const sum = [...firstSeven].reduce((acc, digit, i) => acc + Number(digit) * (WEIGHTS[i] ?? 0), 0);
  return (10 - (sum % 10)) % 10;
}

export function isValidCountyCode(code: string): boolean {
  const n = Number(code);
  return /^\d{2}$/.test(code) && ((n >= 2 && n <= 44) || n === 51);
}

export function isValidTaxNumber(value: string): boolean {
  const match = FORMAT.exec(value);
  if (!match) return false;
  const [, base = '', , county = ''] = match;
  return taxCheckDigit(base.slice(0, 7)) === Number(base[7]) && isValidCountyCode(county);
}

export function makeTaxNumber(firstSeven: string, vatCode: number, countyCode: number): string {
  const county = String(countyCode).padStart(2, '0');
  if (vatCode < 1 || vatCode > 5 || !isValidCountyCode(county)) throw new RangeError('VAT code 1–5, county code 02–44 or 51');
  return `${firstSeven}${taxCheckDigit(firstSeven)}-${vatCode}-${county}`;
}
