/**
 * Money is an integer number of euro cents, everywhere. A branded number (not bigint) because every
 * amount we handle stays far below Number.MAX_SAFE_INTEGER (€90 trillion) and plain numbers keep the
 * arrangement engine fast; the brand and the guards below make sure no fraction ever becomes Cents.
 */
export type Cents = number & { readonly __brand: 'Cents' };

/** The largest single claim amount a node accepts: €10 million. */
export const MAX_CLAIM_AMOUNT_CENTS = 1_000_000_000 as Cents;

export class InvalidCentsError extends Error {
  constructor(readonly input: unknown) {
    super(`Not a whole number of cents: ${JSON.stringify(input)}`);
    this.name = 'InvalidCentsError';
  }
}

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function cents(value: number): Cents {
  if (!isCents(value)) throw new InvalidCentsError(value);
  return value;
}

const CENTS_PATTERN = /^-?(0|[1-9][0-9]{0,15})$/;

/** Parses the wire form of money: a decimal string of whole cents ("12345" is €123.45). */
export function parseCents(text: string): Cents {
  if (!CENTS_PATTERN.test(text)) throw new InvalidCentsError(text);
  return cents(Number(text));
}

/** The wire form of money: a decimal string of whole cents. */
export function formatCentsWire(amount: Cents): string {
  return String(amount);
}

/** Adds amounts of cents; throws if the sum leaves the safe-integer range. */
export function sumCents(amounts: readonly Cents[]): Cents {
  let total = 0;
  for (const amount of amounts) total += amount;
  return cents(total);
}

const wholeEuroFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/**
 * Human form for Dutch screens and messages, e.g. "€ 1.234,56" (with a non-breaking space, so the
 * sign never wraps away from the number). Euros and cents are formatted apart: no fraction involved.
 */
export function formatEuro(amount: Cents): string {
  const sign = amount < 0 ? '-' : '';
  const absolute = Math.abs(amount);
  const euros = wholeEuroFormat.format(Math.trunc(absolute / 100));
  return `${sign}€\u00a0${euros},${String(absolute % 100).padStart(2, '0')}`;
}
