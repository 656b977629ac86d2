/**
 * Exact integer arithmetic for entitlements: floor(a × b / c) and friends for non-negative safe
 * integers. Plain numbers while the product stays below 2^53 (the common case, and fast); BigInt
 * beyond it, so no rounding error ever reaches a cent.
 */

/** floor(a × b / c) and the remainder (a × b) mod c, for safe integers a, b ≥ 0 and c > 0. */
export function mulDivFloor(a: number, b: number, c: number): { readonly quotient: number; readonly remainder: number } {
  const product = a * b;
  if (product <= Number.MAX_SAFE_INTEGER) {
    let quotient = Math.floor(product / c);
    let remainder = product - quotient * c;
    // The float division may round across an integer; one correction step fixes it (all values exact).
    if (remainder < 0) {
      quotient -= 1;
      remainder += c;
    } else if (remainder >= c) {
      quotient += 1;
      remainder -= c;
    }
    return { quotient, remainder };
  }
  const big = BigInt(a) * BigInt(b);
  const divisor = BigInt(c);
  return { quotient: Number(big / divisor), remainder: Number(big % divisor) };
}

/** ceil(a × b / c) for safe integers a, b ≥ 0 and c > 0. */
export function mulDivCeil(a: number, b: number, c: number): number {
  const { quotient, remainder } = mulDivFloor(a, b, c);
  return remainder === 0 ? quotient : quotient + 1;
}

/** a × b, exact, or throws when the result is not a safe integer (never silently wrong). */
export function safeMultiply(a: number, b: number): number {
  const product = a * b;
  if (!Number.isSafeInteger(product)) throw new RangeError(`${a} × ${b} is beyond the safe integer range`);
  return product;
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * Rounds a rational n / d (n ≥ 0 or < 0, d > 0) to whole cents, half away from zero: RULES.md's one
 * rounding rule ("once, at the end of each rule").
 */
export function roundHalfAwayFromZero(numerator: number, denominator: number): number {
  const negative = numerator < 0;
  const { quotient, remainder } = mulDivFloor(Math.abs(numerator), 1, denominator);
  const rounded = remainder * 2 >= denominator ? quotient + 1 : quotient;
  return negative ? -rounded : rounded;
}
