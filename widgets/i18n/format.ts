import { LOCALES, type Lang } from './lang.ts';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const moneyFormats = new Map<Lang, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats a forint amount: `1 234 567 Ft` in Hungarian, `HUF 1,234,567` in English.
 * Forint amounts are whole numbers in practice; fractions are rounded.
 */
export function formatHuf(amount: number, lang: Lang): string {
  if (!Number.isFinite(amount)) throw new RangeError(`formatHuf: not a finite amount: ${amount}`);
  const whole = Math.round(Math.abs(amount));
  if (Number.isSafeInteger(whole)) return quickHuf(whole, amount < 0 || Object.is(amount, -0), lang);
  let format = moneyFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'HUF', maximumFractionDigits: 0 });
    moneyFormats.set(lang, format);
  }
  return format.format(amount);
}

/*
 * The amounts and calendar dates the lists show are written here rather than by `Intl`: exactly
 * as `Intl` writes them (test/widgets/i18n/format.test.ts compares the two), but without the
 * 30–40 ms that a page's first `Intl` formatter costs, which would fall on the first rows.
 * Every other form (long dates, instants, other amounts) goes to `Intl`.
 */
const NBSP = '\u00a0';

/** `whole` (rounded half away from zero, as `Intl` does) with the locale's grouping: Hungarian from five digits on, English from four. */
function quickHuf(whole: number, negative: boolean, lang: Lang): string {
  const digits = String(whole);
  const grouped = lang === 'hu' ? (digits.length >= 5 ? group(digits, NBSP) : digits) : group(digits, ',');
  const sign = negative ? '-' : '';
  return lang === 'hu' ? `${sign}${grouped}${NBSP}Ft` : `${sign}HUF${NBSP}${grouped}`;
}

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, separator);
}

export type DateStyle = 'short' | 'long';

/**
 * Formats a date: `2025. 03. 14.` / `14/03/2025` (short) or `2025. március 14.` / `14 March 2025` (long).
 *
 * A `YYYY-MM-DD` string is a calendar date (a due date, a policy start) and is never shifted by
 * time zones. A `Date` or a full ISO timestamp is an instant, shown in `timeZone` (the browser's
 * own zone unless given).
 */
export function formatDate(value: Date | string, lang: Lang, style: DateStyle = 'short', timeZone?: string): string {
  let instant: Date;
  let zone = timeZone;
  const dateOnly = typeof value === 'string' ? DATE_ONLY.exec(value) : null;
  if (dateOnly) {
    const [, y, m, d] = dateOnly;
    instant = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (instant.getUTCMonth() !== Number(m) - 1) throw new RangeError(`formatDate: not a calendar date: ${value}`);
    zone = 'UTC';
  } else {
    instant = typeof value === 'string' ? new Date(value) : value;
  }
  if (Number.isNaN(instant.getTime())) throw new RangeError(`formatDate: not a date: ${String(value)}`);

  if (dateOnly && style === 'short' && Number(dateOnly[1]) >= 1000) {
    const [, y, m, d] = dateOnly;
    return lang === 'hu' ? `${y}. ${m}. ${d}.` : `${d}/${m}/${y}`;
  }
  const cacheKey = `${lang}|${style}|${zone ?? ''}`;
  let format = dateFormats.get(cacheKey);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = style === 'long' ? { dateStyle: 'long' } : { year: 'numeric', month: '2-digit', day: '2-digit' };
    if (zone) options.timeZone = zone;
    format = new Intl.DateTimeFormat(LOCALES[lang], options);
    dateFormats.set(cacheKey, format);
  }
  return format.format(instant);
}
