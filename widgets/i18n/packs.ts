import type { Lang } from './lang.ts';
import type { Translation } from './translation.ts';

/**
 * The language packs. Each language comes in parts, each its own chunk, fetched the first time a
 * widget needing it renders in that language: the `core` (the terms of every widget in the
 * entry, and the problems), and one part per lazily defined widget, which travels with it
 * rather than with every page. A page downloads the strings of the language it shows and of
 * the widgets it shows, and no other.
 */
export type TermPart = 'core' | 'claimForm' | 'profile';

type Terms = Partial<Translation>;

const loaders: Readonly<Record<Lang, Readonly<Record<TermPart, () => Promise<Terms>>>>> = {
  hu: {
    core: () => import('./hu.ts').then((m) => m.hu),
    claimForm: () => import('./terms/claim-form.hu.ts').then((m) => m.claimFormHu),
    profile: () => import('./profile.hu.ts').then((m) => m.profileTermsHu),
  },
  en: {
    core: () => import('./en.ts').then((m) => m.en),
    claimForm: () => import('./terms/claim-form.en.ts').then((m) => m.claimFormEn),
    profile: () => import('./profile.en.ts').then((m) => m.profileTermsEn),
  },
};

/** Every arrived part of a language, merged: one object to look terms up in. */
const loaded = new Map<Lang, Terms>();
const arrived = new Map<Lang, Set<TermPart>>();
const loading = new Map<string, Promise<Translation>>();

/** The terms of `lang` if its core has arrived (with whichever parts have arrived too). */
export function packOf(lang: Lang): Translation | undefined {
  return arrived.get(lang)?.has('core') ? (loaded.get(lang) as Translation) : undefined;
}

/** Whether `lang`'s core and every part in `parts` have arrived. */
export function hasParts(lang: Lang, parts: readonly TermPart[]): boolean {
  const have = arrived.get(lang);
  return !!have?.has('core') && parts.every((part) => have.has(part));
}

/** Fetches one part of a language once (the core by default); every caller gets the same promise. */
export function loadPack(lang: Lang, part: TermPart = 'core'): Promise<Translation> {
  const id = `${lang}:${part}`;
  let promise = loading.get(id);
  if (!promise) {
    promise = loaders[lang][part]().then((terms) => {
      loaded.set(lang, { ...loaded.get(lang), ...terms });
      arrived.set(lang, new Set(arrived.get(lang)).add(part));
      return loaded.get(lang) as Translation;
    });
    // A failed fetch (network) may be retried by the next render.
    promise.catch(() => loading.delete(id));
    loading.set(id, promise);
  }
  return promise;
}

/** Any language's core (every language has the same keys): for checks that do not depend on the language. */
export function anyPack(): Translation | undefined {
  for (const lang of arrived.keys()) {
    const pack = packOf(lang);
    if (pack) return pack;
  }
  return undefined;
}
