/**
 * Reading a yes/no value. GraphQL sends a real boolean; a CSV cell is text, and Dutch back-offices
 * write 'ja'/'nee' as often as 'true'/'false' or 1/0, so all of those are accepted.
 */

const TRUE_WORDS: readonly string[] = ['true', 'ja', 'yes', '1'];
const FALSE_WORDS: readonly string[] = ['false', 'nee', 'no', '0'];

/** The words accepted in a CSV cell, in pairs, for error messages. */
export const IMPORT_BOOLEAN_WORDS: readonly string[] = TRUE_WORDS.map((word, i) => `${word}/${FALSE_WORDS[i] ?? ''}`);

/** The boolean the value stands for, or null when it stands for none (case-insensitive). */
export function readImportBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return null;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  return null;
}
