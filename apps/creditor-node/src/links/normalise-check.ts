import type { AccountLinkCheck } from '#contracts';

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const POSTCODE = /^([1-9][0-9]{3})\s?([A-Za-z]{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A link check as the node compares it: the reference as the creditor writes it, the postcode as
 * `1234AB`, the birth date as YYYY-MM-DD. Undefined when the check cannot be a real one (refused as a
 * bad request, which says nothing about whether an account exists).
 */
export function normaliseCheck(raw: unknown): AccountLinkCheck | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { reference, postcode, birthDate } = raw as Record<string, unknown>;
  if (typeof reference !== 'string' || !REFERENCE.test(reference.trim())) return undefined;
  if (typeof postcode !== 'string') return undefined;
  const match = POSTCODE.exec(postcode.trim());
  if (match === null) return undefined;
  if (birthDate !== undefined && birthDate !== null && (typeof birthDate !== 'string' || !DATE.test(birthDate))) return undefined;
  return {
    reference: reference.trim(),
    postcode: `${match[1] ?? ''}${(match[2] ?? '').toUpperCase()}`,
    ...(typeof birthDate === 'string' ? { birthDate } : {}),
  };
}
