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
