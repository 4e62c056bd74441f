import type { Lang } from './lang.ts';
import type { Translation } from './translation.ts';

/**
 * The language packs. Each is its own chunk, fetched the first time a widget renders in that
 * language, so a page downloads the strings of the language it shows and no other.
 */
const loaders: Readonly<Record<Lang, () => Promise<Translation>>> = {
  hu: () => import('./hu.ts').then((m) => m.hu),
  en: () => import('./en.ts').then((m) => m.en),
};

const loaded = new Map<Lang, Translation>();
const loading = new Map<Lang, Promise<Translation>>();

/** The pack of `lang` if it has arrived. */
export function packOf(lang: Lang): Translation | undefined {
  return loaded.get(lang);
}

/** Fetches a pack once; every caller gets the same promise. */
export function loadPack(lang: Lang): Promise<Translation> {
  let promise = loading.get(lang);
  if (!promise) {
    promise = loaders[lang]().then((pack) => {
      loaded.set(lang, pack);
      return pack;
    });
    // A failed fetch (network) may be retried by the next render.
    promise.catch(() => loading.delete(lang));
    loading.set(lang, promise);
  }
  return promise;
}

/** Any loaded pack (every pack has the same keys): for checks that do not depend on the language. */
export function anyPack(): Translation | undefined {
  return loaded.values().next().value;
}
