/**
 * Small, dependency-free helpers shared by the e-mail templates (and the language type, re-exported): HTML
 * escaping, URL checking and the locale-aware formatting of dates and amounts.
 */

import type { Language } from '../../../common/language.ts';

export { LANGUAGES, isLanguage, type Language } from '../../../common/language.ts';

/** Thrown when a template's data is missing or malformed (the outbox records `code`). */
export class TemplateDataError extends Error {
  readonly code = 'ETEMPLATEDATA';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'TemplateDataError';
  }
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes for both element content and (quoted) attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]!);
}

/** A required, non-empty string field of the template data. */
export function requireText(value: unknown, field: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value.trim() === '') throw new TemplateDataError(`${field} must be a non-empty string`, field);
  return value.trim();
}

/** An optional string field: `null`/`undefined`/blank mean "not given". */
export function optionalText(value: unknown, field: string): string | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  return requireText(value, field);
}

/**
 * Accepts only absolute http(s) URLs (so never `javascript:`, `data:` and the like) and returns
 * them normalised by the WHATWG URL parser. Credentials in a URL are refused as well.
 */
export function httpUrl(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new TemplateDataError(`${field} must be an http(s) URL`, field);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new TemplateDataError(`${field} must be an absolute http(s) URL`, field);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TemplateDataError(`${field} must use http or https`, field);
  if (url.username || url.password) throw new TemplateDataError(`${field} must not carry credentials`, field);
  return url.href;
}

/** `url` with one query parameter set (replacing any earlier value of it). */
export function withQuery(url: string, name: string, value: string): string {
  const u = new URL(url);
  u.searchParams.set(name, value);
  return u.href;
}

export function requireAmount(value: unknown, field: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new TemplateDataError(`${field} must be a number`, field);
  return n;
}

export const TIME_ZONE = 'Europe/Budapest';
const LOCALES: Record<Language, string> = { hu: 'hu-HU', en: 'en-GB' };

// Intl formatters are comparatively expensive to build: one of each per language.
const dateFormat = perLanguage((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: TIME_ZONE }));
const dateTimeFormat = perLanguage((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }));
const hufFormat = new Intl.NumberFormat('hu-HU', { style: 'currency', currency: 'HUF', maximumFractionDigits: 0 });

function perLanguage<T>(make: (locale: string) => T): Record<Language, T> {
  return { hu: make(LOCALES.hu), en: make(LOCALES.en) };
}

function toDate(value: unknown, field: string): Date {
  const date = typeof value === 'string' || value instanceof Date ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new TemplateDataError(`${field} must be an ISO date`, field);
  return date;
}

/** "2026. november 24." / "24 November 2026" (Budapest calendar day). */
export function formatDate(value: unknown, lang: Language, field: string): string {
  return dateFormat[lang].format(toDate(value, field));
}

/** "2026. november 24. 18:30" / "24 November 2026 at 18:30" (Budapest time). */
export function formatDateTime(value: unknown, lang: Language, field: string): string {
  return dateTimeFormat[lang].format(toDate(value, field));
}

/** "12 345 Ft" in both languages: forints are always written the Hungarian way. */
export function formatHuf(value: unknown, field: string): string {
  return hufFormat.format(requireAmount(value, field));
}

/** "k•••••@example.com": enough for the owner to recognise, little for anyone else; null when not an address. */
export function maskedAddress(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1) return null;
  const local = email.slice(0, at);
  return `${local[0]}${'•'.repeat(Math.min(5, Math.max(3, local.length - 1)))}${email.slice(at)}`;
}

/** A template's address field, masked (see `maskedAddress`); refuses what is not an address. */
export function maskEmail(value: unknown, field: string): string {
  const masked = maskedAddress(requireText(value, field));
  if (masked === null) throw new TemplateDataError(`${field} must be an e-mail address`, field);
  return masked;
}

/** Subjects go into a header: no line breaks, no runs of white space. */
export function oneLine(value: string): string {
  return value
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
