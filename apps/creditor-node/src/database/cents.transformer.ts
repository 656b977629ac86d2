import type { ValueTransformer } from 'typeorm';
import { cents, parseCents, type Cents } from '#contracts';

/**
 * Money columns are PostgreSQL bigint; pg hands them over as strings. This is the one place where
 * they become Cents, and it refuses anything that is not a whole number.
 */
export const centsTransformer: ValueTransformer = {
  to: (value: Cents | undefined | null): string | undefined | null =>
    value === undefined || value === null ? value : String(cents(value)),
  from: (value: string | null): Cents | null => (value === null ? null : parseCents(value)),
};
