import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { InvalidCentsError, formatCentsWire, isCents, parseCents, type Cents } from '../money.js';
import { GeneralErrorCode } from '../error-codes.js';

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: GeneralErrorCode.BAD_USER_INPUT } });
}

function centsFromInput(value: unknown): Cents {
  if (typeof value !== 'string') throw badInput('Cents must be a string of whole cents, e.g. "12345" for €123.45.');
  try {
    return parseCents(value);
  } catch (error) {
    if (error instanceof InvalidCentsError) throw badInput(`Not a whole number of cents: ${JSON.stringify(value)}.`);
    throw error;
  }
}

/** Money on the wire: a string of whole euro cents. Never a JSON number, never a fraction. */
export const CentsScalar = new GraphQLScalarType<Cents, string>({
  name: 'Cents',
  description: 'An amount in whole euro cents, as a decimal string ("12345" is EUR 123.45).',
  serialize(value) {
    if (!isCents(value)) throw new GraphQLError('Internal error: an amount is not whole cents.');
    return formatCentsWire(value);
  },
  parseValue: centsFromInput,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('Cents must be written as a string, e.g. "12345".');
    return centsFromInput(ast.value);
  },
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether text is a real calendar date in YYYY-MM-DD form (2025-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dateFromInput(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) throw badInput(`Not a date in YYYY-MM-DD form: ${JSON.stringify(value)}.`);
  return value;
}

/** A calendar date as YYYY-MM-DD; no time, no time zone. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, ISO 8601 (YYYY-MM-DD).',
  serialize(value) {
    if (typeof value !== 'string' || !isIsoDate(value)) throw new GraphQLError('Internal error: a date is malformed.');
    return value;
  },
  parseValue: dateFromInput,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('A date must be written as a string, e.g. "2025-07-01".');
    return dateFromInput(ast.value);
  },
});

/** A moment in time, serialised as ISO 8601 in UTC. Output only in our APIs. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'A moment in time, ISO 8601 (UTC).',
  serialize(value) {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new GraphQLError('Internal error: a timestamp is malformed.');
    return value.toISOString();
  },
  parseValue(value) {
    const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw badInput(`Not an ISO 8601 timestamp: ${JSON.stringify(value)}.`);
    return date;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('A timestamp must be written as a string.');
    const date = new Date(ast.value);
    if (Number.isNaN(date.getTime())) throw badInput(`Not an ISO 8601 timestamp: ${JSON.stringify(ast.value)}.`);
    return date;
  },
});
