import { langOfAttribute } from '../i18n/lang.ts';
import { loadPack } from '../i18n/packs.ts';
import { prefetchKeyStore } from '../session/key-store.ts';
import { loadDpop } from '../session/dpop-session.ts';
import { normalizeApiBase } from './script-origin.ts';

/**
 * Imported first by `<gp-portal>`'s module, so it runs before any element is defined (defining
 * them renders them, which keeps the main thread busy): starts what the first screen waits for.
 * - The page language's core pack (the portal's `lang`, as its own attribute converter reads it),
 *   fetched while the elements are defined rather than once they render.
 * - The session: the key store opened and read, and with a handle held, the `dpop` library that
 *   signs the first requests' proofs. The portal takes the store over (`openKeyStore`), so its
 *   session check and the widgets' first requests leave some 30 ms sooner (bench, first rows).
 */
const portal = document.querySelector('gp-portal');
if (portal) {
  const lang = langOfAttribute(portal.getAttribute('lang'));
  // A failure here is retried by the first render that needs the pack.
  loadPack(lang).catch(() => undefined);
  prefetchKeyStore(normalizeApiBase(portal.getAttribute('api')))
    .then(async (stored) => {
      if (stored?.handle) await loadDpop();
    })
    // The portal's own reads report what fails.
    .catch(() => undefined);
}
