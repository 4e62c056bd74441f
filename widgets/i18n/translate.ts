import type { Lang } from './lang.ts';
import { anyPack, packOf } from './packs.ts';
import type { TermArgs, TermKey } from './translation.ts';

/**
 * Looks a term up in one language and applies its arguments. Until that language's pack has
 * arrived (see packs.ts) the answer is an empty string; the LocalizeController fetches the pack
 * and re-renders its element when it is there.
 */
export function translate<K extends TermKey>(lang: Lang, key: K, ...args: TermArgs<K>): string {
  const term: unknown = packOf(lang)?.[key];
  if (term === undefined) return '';
  return typeof term === 'function' ? (term as (...a: unknown[]) => string)(...args) : (term as string);
}

/** Whether a key computed at runtime (`problem.${code}`) is a plain-string term. */
export function isTermKey(key: string): key is TermKey {
  const pack = anyPack() as Record<string, unknown> | undefined;
  return pack !== undefined && Object.hasOwn(pack, key) && typeof pack[key] === 'string';
}

/** Every key of a loaded pack (for completeness checks). */
export function termKeys(lang: Lang): string[] {
  return Object.keys(packOf(lang) ?? {});
}
