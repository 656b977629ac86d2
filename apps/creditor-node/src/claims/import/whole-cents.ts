/**
 * Reading an amount of whole cents from import input. The result is a bigint so that a value far
 * beyond the safe-integer range ("99999999999999999999") is still read exactly and can be reported
 * as too large rather than as malformed; conversion to Cents happens only after the range checks.
 */

// Same shape as the Cents wire format in #contracts (no sign but '-', no leading zeros, no decimals,
// no thousands separators), without its length cap so oversized amounts stay recognisable.
const WHOLE_CENTS_PATTERN = /^-?(0|[1-9][0-9]*)$/;

/**
 * The whole number of cents in the value, or null when it is not one. Accepts the decimal string
 * form used by CSV and the Cents GraphQL scalar, and an integer number in case a caller already
 * parsed the scalar.
 */
export function readWholeCents(value: unknown): bigint | null {
  if (typeof value === 'string') return WHOLE_CENTS_PATTERN.test(value) ? BigInt(value) : null;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : null;
  return null;
}
