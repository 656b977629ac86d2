/**
 * How a user's value appears inside an error message: quoted so leading or trailing oddities are
 * visible, control characters made visible, and cut short so one pasted paragraph cannot flood a list
 * of a thousand errors.
 */

const MAX_SHOWN_LENGTH = 40;

export function showValue(value: unknown): string {
  if (typeof value === 'string') return `'${visible(value)}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Amounts are shown bare, as the user typed them: 'got -500' reads better than "got '-500'". */
export function showAmount(value: unknown): string {
  return typeof value === 'string' ? visible(value) : showValue(value);
}

function visible(text: string): string {
  const shown = text.replace(/\p{Cc}/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const chars = Array.from(shown);
  return chars.length > MAX_SHOWN_LENGTH ? `${chars.slice(0, MAX_SHOWN_LENGTH - 1).join('')}…` : shown;
}
