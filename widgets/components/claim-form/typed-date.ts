import { formatDate } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';

/**
 * A date typed in the page's language, not the browser's: a native `type=date` shows
 * `01/15/2027` on a Hungarian page when the browser is American. Hungarian is year first
 * (`2027. 01. 15.`, spaces and the last dot optional), English day first (`15/01/2027`, also
 * with dots or hyphens); the ISO form `2027-01-15` is understood on every page.
 */
const HU = /^(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\s*\.?$/;
const EN = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The typed date as `YYYY-MM-DD`, or null when it is no calendar date. */
export function parseTypedDate(text: string, lang: Lang): string | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  const hu = lang === 'hu' ? HU.exec(value) : null;
  const en = lang === 'en' ? EN.exec(value) : null;
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : hu ? [hu[1], hu[2], hu[3]] : en ? [en[3], en[2], en[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` as the page writes it (`2027. 01. 15.`, `15/01/2027`): what the field shows for a known date. */
export const typedDateOf = (iso: string, lang: Lang): string => formatDate(iso, lang, 'short');
