import type { hu } from './hu.ts';

/**
 * The shape every language must have: exactly the keys of the Hungarian reference,
 * each a string or a function with the same parameters that returns a string.
 */
export type Translation = {
  readonly [K in keyof typeof hu]: (typeof hu)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/** A translation key. API problem `code`s will join these keys so that widgets never show a raw error. */
export type TermKey = keyof Translation;

/** The arguments a term takes: none for a plain string. */
export type TermArgs<K extends TermKey> = Translation[K] extends (...args: infer A) => string ? A : [];
