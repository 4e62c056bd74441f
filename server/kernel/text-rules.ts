/**
 * Free text from a form: NFC-normalised, trimmed, length-limited, and free of control and
 * format characters (NUL, escape sequences, bidi overrides, zero-width characters, line or
 * paragraph separators), which would let a value disguise itself in a document or a log, and
 * of lone UTF-16 surrogates (JSON can carry them; they are not text and PostgreSQL refuses them),
 * and of U+FFFD: the decoders of a JSON or multipart body put it where the bytes were not UTF-8,
 * so invalid UTF-8 is refused the same way on every path instead of being stored as "�".
 */
export type TextProblem = 'required' | 'not_a_string' | 'too_short' | 'too_long' | 'control_characters';

export type TextResult = { ok: true; value: string } | { ok: false; problem: TextProblem; message: string };

export interface TextRule {
  min: number;
  max: number;
  /** Keeps line breaks (normalised to \n) and turns tabs into spaces; otherwise a single line. */
  multiline?: boolean;
}

const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029\uFFFD]/u;

export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

export function cleanText(input: unknown, rule: TextRule): TextResult {
  if (input === undefined || input === null || input === '') return { ok: false, problem: 'required', message: 'A value is required.' };
  if (typeof input !== 'string') return { ok: false, problem: 'not_a_string', message: 'The value must be text.' };
  let value = input.normalize('NFC');
  if (rule.multiline) {
    value = value
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      .split('\n')
      .map((line) => line.replace(/ +/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (CONTROL.test(value.replace(/\n/g, ''))) return { ok: false, problem: 'control_characters', message: 'The text contains control characters.' };
  } else {
    if (CONTROL.test(value)) return { ok: false, problem: 'control_characters', message: 'The text contains control characters or line breaks.' };
    value = value.replace(/\s+/g, ' ').trim();
  }
  const length = [...value].length;
  if (length === 0) return { ok: false, problem: 'required', message: 'A value is required.' };
  if (length < rule.min) return { ok: false, problem: 'too_short', message: `At least ${rule.min} characters.` };
  if (length > rule.max) return { ok: false, problem: 'too_long', message: `At most ${rule.max} characters.` };
  return { ok: true, value };
}
