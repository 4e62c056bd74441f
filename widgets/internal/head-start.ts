import { langOfAttribute } from '../i18n/lang.ts';
import { loadPack } from '../i18n/packs.ts';

/**
 * Imported first by `<gp-portal>`'s module, so it runs before any element is defined (defining
 * them renders them, which keeps the main thread busy): starts what the first screen waits for.
 * The page language's core pack (the portal's `lang`, as its own attribute converter reads it),
 * fetched while the elements are defined rather than once they render.
 */
const portal = document.querySelector('gp-portal');
if (portal) {
  const lang = langOfAttribute(portal.getAttribute('lang'));
  // A failure here is retried by the first render that needs the pack.
  loadPack(lang).catch(() => undefined);
}
