import type { hu } from './hu.ts';

/** The same keys as `T`, each a string or a function with the same parameters that returns a string. */
export type TermsOf<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/**
 * The shape every language must have: exactly the keys of the Hungarian reference,
 * each a string or a function with the same parameters that returns a string.
 */
export type Translation = TermsOf<typeof hu>;

/** A translation key. API problem `code`s are keys too (`problem.<code>`), so widgets never show a raw error. */
export type TermKey = keyof Translation;

/** The arguments a term takes: none for a plain string. */
export type TermArgs<K extends TermKey> = Translation[K] extends (...args: infer A) => string ? A : [];
