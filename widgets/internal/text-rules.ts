/**
 * Free text as the API takes it (server/domain/policies/text-input.ts `cleanText`), so that forms
 * refuse before sending, with the API's own codes.
 */
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** One line of text as the API stores it: NFC, whitespace collapsed, trimmed. */
export const squash = (value: string): string => value.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * What is wrong with a piece of free text (`control_characters`, `required`, `too_short`,
 * `too_long`), or undefined. Multi-line text keeps its line breaks and tabs and is only trimmed.
 */
export function textProblem(input: string, [min, max]: readonly [number, number], multiline = false): string | undefined {
  const value = input.normalize('NFC');
  if (CONTROL.test(multiline ? value.replace(/[\r\n\t]/g, '') : value)) return 'control_characters';
  const length = [...(multiline ? value.trim() : squash(value))].length;
  if (length === 0) return 'required';
  if (length < min) return 'too_short';
  if (length > max) return 'too_long';
  return undefined;
}
