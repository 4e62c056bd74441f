import { en } from './en.ts';
import { hu } from './hu.ts';
import type { Lang } from './lang.ts';
import type { TermArgs, TermKey, Translation } from './translation.ts';

const translations: Readonly<Record<Lang, Translation>> = { hu, en };

/** Looks a term up in one language and applies its arguments. */
export function translate<K extends TermKey>(lang: Lang, key: K, ...args: TermArgs<K>): string {
  const term: unknown = translations[lang][key];
  return typeof term === 'function' ? (term as (...a: unknown[]) => string)(...args) : (term as string);
}

/** Whether a key computed at runtime (`problem.${code}`) is a plain-string term. */
export function isTermKey(key: string): key is TermKey {
  return Object.hasOwn(hu, key) && typeof (hu as Record<string, unknown>)[key] === 'string';
}

/** Every key of the reference language (for completeness checks). */
export function termKeys(lang: Lang): string[] {
  return Object.keys(translations[lang]);
}
