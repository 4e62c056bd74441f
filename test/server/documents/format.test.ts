import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatHuf, formatPeriod } from '../../../server/documents/format.ts';

describe('Hungarian formatting on documents', () => {
  it('groups forints with no-break spaces and keeps "Ft" on the same line', () => {
    expect(formatHuf(125_400)).toBe('125\u00a0400\u00a0Ft');
    expect(formatHuf(1_234_567)).toBe('1\u00a0234\u00a0567\u00a0Ft');
    expect(formatHuf(0)).toBe('0\u00a0Ft');
  });

  it('writes calendar dates the Hungarian way, without shifting them by time zone', () => {
    expect(formatDate('2026-11-24')).toBe('2026. 11. 24.');
    expect(formatDate('2026-01-01')).toBe('2026. 01. 01.');
  });

  it('shows timestamps on the Budapest calendar', () => {
    // 23:30 UTC on the 23rd is already the 24th in Budapest (UTC+1 in winter).
    expect(formatDate('2026-11-23T23:30:00Z')).toBe('2026. 11. 24.');
    expect(formatDateTime('2026-07-01T08:05:00Z')).toBe('2026. 07. 01. 10:05');
  });

  it('formats open and closed periods', () => {
    expect(formatPeriod('2026-01-01', '2026-12-31')).toBe('2026. 01. 01. – 2026. 12. 31.');
    expect(formatPeriod('2026-01-01', null)).toBe('2026. 01. 01. –');
  });
});
