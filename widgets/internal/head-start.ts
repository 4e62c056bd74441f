import { formatDate, formatHuf } from '../i18n/format.ts';
import { DEFAULT_LANG, toLang } from '../i18n/lang.ts';
import { loadPack } from '../i18n/packs.ts';

/**
 * Imported first by `<gp-portal>`'s module, so it runs before any element is defined (defining
 * them renders them, which keeps the main thread busy): starts what the first screen waits for.
 *
 * - The page language's core pack (the portal's `lang`, as its own attribute converter reads it),
 *   fetched while the elements are defined rather than once they render.
 * - The browser's `Intl` data (some 30–40 ms the first time a page formats a date or an amount),
 *   set up in a task of its own right after the first render, while the page waits for the
 *   session and the first data rather than when the first rows are drawn.
 */
const portal = document.querySelector('gp-portal');
if (portal) {
  const lang = toLang(portal.getAttribute('lang')) ?? DEFAULT_LANG;
  // A failure here is retried by the first render that needs the pack.
  loadPack(lang).catch(() => undefined);
  setTimeout(() => {
    formatDate('2000-01-01', lang);
    formatHuf(0, lang);
  });
}
