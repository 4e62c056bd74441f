import '../support/languages.ts';
import { describe, it } from '../mocha.ts';
import { expect } from '@open-wc/testing';
import { formatDate, formatHuf } from '../../../widgets/i18n/format.ts';

const NBSP = '\u00a0';

describe('formatHuf', () => {
  it('formats forints the Hungarian way', () => {
    expect(formatHuf(1234567, 'hu')).to.equal(`1${NBSP}234${NBSP}567${NBSP}Ft`);
    expect(formatHuf(45000, 'hu')).to.equal(`45${NBSP}000${NBSP}Ft`);
    expect(formatHuf(0, 'hu')).to.equal(`0${NBSP}Ft`);
  });

  it('formats forints for British English', () => {
    expect(formatHuf(1234567, 'en')).to.equal(`HUF${NBSP}1,234,567`);
    expect(formatHuf(-2500, 'en')).to.equal(`-HUF${NBSP}2,500`);
  });

  it('rounds to whole forints', () => {
    expect(formatHuf(1999.6, 'hu')).to.equal(`2000${NBSP}Ft`);
  });

  it('refuses what is not an amount', () => {
    expect(() => formatHuf(Number.NaN, 'hu')).to.throw(RangeError);
    expect(() => formatHuf(Number.POSITIVE_INFINITY, 'en')).to.throw(RangeError);
  });
});

describe('formatDate', () => {
  it('formats calendar dates in both languages and styles', () => {
    expect(formatDate('2025-03-14', 'hu')).to.equal('2025. 03. 14.');
    expect(formatDate('2025-03-14', 'en')).to.equal('14/03/2025');
    expect(formatDate('2025-03-14', 'hu', 'long')).to.equal('2025. március 14.');
    expect(formatDate('2025-03-14', 'en', 'long')).to.equal('14 March 2025');
  });

  it('never shifts a calendar date by a time zone', () => {
    expect(formatDate('2025-01-01', 'hu', 'short', 'America/Los_Angeles')).to.equal('2025. 01. 01.');
    expect(formatDate('2024-12-31', 'en', 'short', 'Pacific/Kiritimati')).to.equal('31/12/2024');
  });

  it('shows an instant in the requested time zone', () => {
    const lateEvening = '2025-03-14T23:30:00Z';
    expect(formatDate(lateEvening, 'hu', 'short', 'Europe/Budapest')).to.equal('2025. 03. 15.');
    expect(formatDate(new Date(lateEvening), 'en', 'long', 'UTC')).to.equal('14 March 2025');
  });

  it('refuses what is not a date', () => {
    expect(() => formatDate('2025-02-30', 'hu')).to.throw(RangeError);
    expect(() => formatDate('soon', 'en')).to.throw(RangeError);
    expect(() => formatDate(new Date(Number.NaN), 'hu')).to.throw(RangeError);
  });
});

describe('formatHuf and formatDate write the lists’ forms as Intl does (without Intl, for the first rows)', () => {
  const intlHuf = (amount: number, locale: string) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'HUF', maximumFractionDigits: 0 }).format(amount);
  const intlDate = (iso: string, locale: string) =>
    new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

  it('amounts: every digit count, signs, halves and fractions, in both languages', () => {
    const amounts = [
      0,
      -0,
      0.4,
      -0.4,
      0.5,
      -0.5,
      2.5,
      -2.5,
      7,
      99,
      999,
      1000,
      1999.5,
      9999,
      10000,
      45000,
      99999.5,
      123456,
      1234567,
      -1234567,
      98765432,
      12345678901,
      2 ** 52,
    ];
    for (let digits = 1; digits <= 15; digits++) amounts.push(Number('9'.repeat(digits)), -Number('1'.repeat(digits)));
    for (const amount of amounts) {
      expect(formatHuf(amount, 'hu'), `${amount} hu`).to.equal(intlHuf(amount, 'hu-HU'));
      expect(formatHuf(amount, 'en'), `${amount} en`).to.equal(intlHuf(amount, 'en-GB'));
    }
  });

  it('calendar dates: the short form across years, months and days, in both languages', () => {
    const dates = ['1000-01-01', '1970-12-31', '1999-09-09', '2000-02-29', '2024-02-29', '2025-03-14', '2026-10-05', '9999-12-31'];
    for (let month = 1; month <= 12; month++) dates.push(`2031-${String(month).padStart(2, '0')}-${String(month + 15).padStart(2, '0')}`);
    for (const iso of dates) {
      expect(formatDate(iso, 'hu'), `${iso} hu`).to.equal(intlDate(iso, 'hu-HU'));
      expect(formatDate(iso, 'en'), `${iso} en`).to.equal(intlDate(iso, 'en-GB'));
    }
  });
});
