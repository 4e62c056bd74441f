/** The languages the widgets speak. Hungarian is the product's first language. */
export const LANGS = ['hu', 'en'] as const;

export type Lang = (typeof LANGS)[number];

export const DEFAULT_LANG: Lang = 'hu';

/** Each language's name in itself: the same whatever language the portal is in. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { hu: 'Magyar', en: 'English' };

/** The `Intl` locale each language formats numbers and dates with. */
export const LOCALES: Readonly<Record<Lang, string>> = { hu: 'hu-HU', en: 'en-GB' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The language a `lang` attribute asks for: a supported one by its primary subtag, else Hungarian. */
export const langOfAttribute = (value: string | null): Lang => toLang(value) ?? DEFAULT_LANG;

/**
 * Maps a BCP 47 tag to a supported language by its primary subtag
 * (`"en-GB"` → `"en"`, `"HU"` → `"hu"`), or `undefined` when it is not supported.
 */
export function toLang(tag: string | null | undefined): Lang | undefined {
  const primary = tag?.trim().toLowerCase().split('-')[0];
  return isLang(primary) ? primary : undefined;
}
