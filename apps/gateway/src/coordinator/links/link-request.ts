import type { AccountLinkCheck } from '#contracts';
import type { Problem } from '../common/coordinator-error.js';

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const POSTCODE = /^[1-9][0-9]{3}\s?[A-Za-z]{2}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks what a resident typed before any node is asked: every problem with its field, in words
 * that say how to fix it. Whether the account exists is never part of the answer.
 */
export function checkLinkRequest(request: { readonly reference: string; readonly postcode: string; readonly birthDate?: string | null }): {
  readonly check: AccountLinkCheck | undefined;
  readonly problems: readonly Problem[];
} {
  const problems: Problem[] = [];
  const reference = request.reference.trim();
  const postcode = request.postcode.trim();
  const birthDate = request.birthDate?.trim() || undefined;
  if (!REFERENCE.test(reference)) {
    problems.push({ code: 'BAD_USER_INPUT', field: 'reference', message: 'Type the customer or assessment number as it is on the letter: letters, digits, . _ / -, at most 64.' });
  }
  if (!POSTCODE.test(postcode)) problems.push({ code: 'BAD_USER_INPUT', field: 'postcode', message: 'Type a Dutch postcode, for example 3511 AB.' });
  if (birthDate !== undefined && !isRealDate(birthDate)) problems.push({ code: 'BAD_USER_INPUT', field: 'birthDate', message: 'Type the date of birth as YYYY-MM-DD, for example 1984-03-12.' });
  return { check: problems.length === 0 ? { reference, postcode, ...(birthDate === undefined ? {} : { birthDate }) } : undefined, problems };
}
