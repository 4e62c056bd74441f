import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

import { LANGUAGES, type Language } from '../../common/language.ts';

/** The IdP pages speak Hungarian first, English second. */
export const LANGS = LANGUAGES;
const COOKIE = 'gp_lang';

/**
 * `?lang=` (the switch link) wins and is remembered in a cookie; then the cookie; then the
 * interaction's `ui_locales`; Hungarian otherwise (the product's default, not Accept-Language).
 */
export function pickLang(c: Context, uiLocales?: string | null): Language {
  const query = c.req.query('lang');
  if (query === 'hu' || query === 'en') {
    setCookie(c, COOKIE, query, { path: '/', sameSite: 'Lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
    return query;
  }
  const cookie = getCookie(c, COOKIE);
  if (cookie === 'hu' || cookie === 'en') return cookie;
  const locale = uiLocales?.split(/\s+/).find((l) => l.startsWith('en') || l.startsWith('hu'));
  return locale?.startsWith('en') ? 'en' : 'hu';
}

/** A translation table: `t(lang).key`. Both languages must have every key (the type says so). */
export function dictionary<T extends Record<string, string>>(tables: { hu: T; en: { [K in keyof T]: string } }) {
  return (lang: Language): T => tables[lang] as T;
}
