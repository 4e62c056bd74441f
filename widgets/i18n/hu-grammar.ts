/**
 * The little Hungarian grammar the terms need, so that no text says "a(z)": the definite article
 * chosen by the sound that follows (*az 5*, *a 6*, *az SMS*, *a KGFB*), and the suffixes that
 * follow a number's spoken form (*az 5-ből*, *3-szor*). Of the widgets only the Hungarian pack
 * imports it, so it travels in that lazy chunk. The e-mails and PDFs import this same file (the
 * one module of widgets/ the back end may import, see .dependency-cruiser.cjs): it imports
 * nothing and runs anywhere, so one function chooses every article the customer reads.
 */

const VOWELS = 'aáeéiíoóöőuúüű';

/** Consonant letters whose Hungarian names start with a vowel (ef, el, em, en, er, es, iksz, ipszilon). */
const VOWEL_NAMED_LETTERS = 'flmnrsxy';

/** How a spoken word harmonises a suffix: back (-ból, -szor), front (-ből, -szer) or front rounded (-ből, -ször). */
type Harmony = 'back' | 'front' | 'rounded';

/** The units 1–9 and the tens 10–90 as spoken: does the word start with a vowel, and how does it harmonise? */
const UNITS: readonly [vowel: boolean, harmony: Harmony][] = [
  [true, 'front'], // egy
  [false, 'front'], // kettő, két
  [false, 'back'], // három
  [false, 'front'], // négy
  [true, 'rounded'], // öt
  [false, 'back'], // hat
  [false, 'front'], // hét
  [false, 'back'], // nyolc
  [false, 'front'], // kilenc
];
const TENS: readonly [vowel: boolean, harmony: Harmony][] = [
  [false, 'front'], // tíz
  [false, 'back'], // húsz
  [false, 'back'], // harminc
  [false, 'front'], // negyven
  [true, 'front'], // ötven
  [false, 'back'], // hatvan
  [false, 'front'], // hetven
  [false, 'back'], // nyolcvan
  [false, 'front'], // kilencven
];

/** The leading whole number of a text (`"1 000 Ft"` → `"1000"`), digit groups separated by spaces joined. */
function leadingDigits(text: string): string | undefined {
  return /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|^\d+/.exec(text)?.[0].replace(/\D/g, '');
}

/** Whether a whole number, read aloud, starts with a vowel: egy, öt…, ezer (1000–1999), egymillió… */
function numberStartsWithVowel(digits: string): boolean {
  const n = digits.replace(/^0+(?=\d)/, '');
  const first = Number(n[0]);
  if (first === 5) return true; // öt, ötven, ötszáz, ötezer …
  if (first !== 1) return false; // nulla, kettő, három …; húsz, harminc …
  // 1, 1xxx, 1xxxxxx …: egy, ezer, egymillió; but 1x tíz/tizen-, 1xx száz, 1xxxx tízezer …
  return n.length % 3 === 1;
}

/** The spoken form's last word's harmony: 15 → tizenöt, 20 → húsz, 100 → száz, 2000 → kétezer. */
function numberHarmony(digits: string): Harmony {
  const n = digits.replace(/^0+(?=\d)/, '');
  const units = Number(n.at(-1));
  if (units) return UNITS[units - 1]![1];
  const tens = Number(n.at(-2) ?? 0);
  if (tens) return TENS[tens - 1]![1];
  if (n === '0') return 'back'; // nulla
  // Round hundreds: száz; round thousands: ezer; round millions: millió, milliárd.
  const zeros = n.length - n.replace(/0+$/, '').length;
  if (zeros >= 6) return 'back';
  if (zeros >= 3) return 'front';
  return 'back';
}

/** The harmony of a word by its last vowel (enough for the suffixes here). */
function wordHarmony(word: string): Harmony {
  const vowels = word.toLowerCase().replace(/[^aáeéiíoóöőuúüű]/g, '');
  const last = vowels.at(-1) ?? 'e';
  if ('öőüű'.includes(last)) return 'rounded';
  if ('eéií'.includes(last)) return /[aáoóuú]/.test(vowels) ? 'back' : 'front';
  return 'back';
}

function harmonyOf(text: string): Harmony {
  const digits = leadingDigits(text.trim());
  return digits ? numberHarmony(digits) : wordHarmony(text.trim());
}

/** Whether the text, read aloud, starts with a vowel sound. */
function startsWithVowel(text: string): boolean {
  const word = text.trim().replace(/^[„"'“‘«»([]+/, '');
  const digits = leadingDigits(word);
  if (digits) return numberStartsWithVowel(digits);
  const first = word[0];
  if (!first) return false;
  const lower = first.toLowerCase();
  if (VOWELS.includes(lower)) return true;
  // An abbreviation without vowels is spelled out letter by letter: az SMS, az MNB, a KGFB, a PDF.
  const token = /^[\p{L}]+/u.exec(word)?.[0] ?? '';
  const spelled = token.length > 1 && token === token.toUpperCase() && !/[AÁEÉIÍOÓÖŐUÚÜŰ]/.test(token);
  return (spelled || token.length === 1) && VOWEL_NAMED_LETTERS.includes(lower);
}

/** The definite article for what follows: `a` or `az`. */
export function article(next: string | number): 'a' | 'az' {
  return startsWithVowel(String(next)) ? 'az' : 'a';
}

/**
 * The text with its article in front: `withArticle(5)` → `"az 5"`, `withArticle('Kötvény')` →
 * `"a Kötvény"`; at the start of a sentence `withArticle(5, { capital: true })` → `"Az 5"`.
 */
export function withArticle(next: string | number, options: { capital?: boolean } = {}): string {
  const chosen = article(next);
  return `${options.capital ? (chosen === 'az' ? 'Az' : 'A') : chosen} ${next}`;
}

/** A number with the elative suffix (from which): `5` → `"5-ből"`, `6` → `"6-ból"`. */
export function fromNumber(n: number): string {
  return `${n}-${numberHarmony(String(Math.trunc(Math.abs(n)))) === 'back' ? 'ból' : 'ből'}`;
}

/** A number with the multiplicative suffix (times): `3` → `"3-szor"`, `2` → `"2-szer"`, `5` → `"5-ször"`. */
export function times(n: number): string {
  const suffix = { back: 'szor', front: 'szer', rounded: 'ször' }[numberHarmony(String(Math.trunc(Math.abs(n))))];
  return `${n}-${suffix}`;
}

/**
 * A noun phrase in the formal "your" form (3rd person possessive), lower-cased:
 * `Kötvény` → `kötvénye`, `Kártörténeti igazolás` → `kártörténeti igazolása`,
 * `Évfordulós értesítő` → `évfordulós értesítője`. Regular nouns only (the document types).
 */
export function possessive(phrase: string): string {
  const text = phrase.trim().toLocaleLowerCase('hu-HU');
  const last = text.at(-1) ?? '';
  const harmony = harmonyOf(text.split(/\s+/).at(-1) ?? text);
  const back = harmony === 'back';
  if (last === 'a') return `${text.slice(0, -1)}ája`;
  if (last === 'e') return `${text.slice(0, -1)}éje`;
  if (VOWELS.includes(last)) return `${text}${back ? 'ja' : 'je'}`;
  return `${text}${back ? 'a' : 'e'}`;
}
