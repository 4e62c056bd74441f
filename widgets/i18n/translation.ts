import type { hu } from './hu.ts';
import type { profileTermsHu } from './profile.hu.ts';
import type { claimFormHu } from './terms/claim-form.hu.ts';

/** The same keys as `T`, each a string or a function with the same parameters that returns a string. */
export type TermsOf<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/** The core of every language's pack: exactly the keys of the Hungarian core. */
export type CoreTranslation = TermsOf<typeof hu>;

/**
 * The shape every language must have, its core and the parts of the lazily defined widgets
 * together (see packs.ts): exactly the keys of the Hungarian reference, each a string or a
 * function with the same parameters that returns a string.
 */
export type Translation = TermsOf<typeof hu & typeof claimFormHu & typeof profileTermsHu>;

/** A translation key. API problem `code`s are keys too (`problem.<code>`), so widgets never show a raw error. */
export type TermKey = keyof Translation;

/** The arguments a term takes: none for a plain string. */
export type TermArgs<K extends TermKey> = Translation[K] extends (...args: infer A) => string ? A : [];
