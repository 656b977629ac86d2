/**
 * Shared test data for the claim import specs: realistic Dutch claims, a pinned 'today', and helpers
 * to write them as GraphQL input or as CSV. Not production code.
 */
import { cents } from '#contracts';
import type { ClaimImportRow } from './claim-import-row.js';

/** Every spec judges dates against this day, so they pass on any day they run. */
export const TODAY = '2025-06-15';

export const FULL_HEADER = [
  'claim_id',
  'customer_id',
  'customer_postcode',
  'customer_birth_date',
  'description',
  'principal_cents',
  'interest_cents',
  'costs_cents',
  'issued_on',
  'due_on',
  'stage',
  'preferential',
];

/** What `graphqlInput()` (and the same assessment as a CSV line) becomes after validation. */
export const GOOD_CLAIM: ClaimImportRow = {
  claimReference: 'AJ-2025-004711',
  customerReference: 'BSN-REF-88123',
  customerPostcode: '3511AB',
  customerBirthDate: '1978-04-12',
  description: 'Gemeentelijke belastingen 2025 — afvalstoffenheffing',
  principalCents: cents(41_250),
  interestCents: cents(0),
  costsCents: cents(0),
  issuedOn: '2025-02-28',
  dueOn: '2025-04-30',
  stage: 'reminder',
  preferential: false,
};

/** A municipal tax assessment as the GraphQL mutation would pass it (amounts as Cents strings). */
export function graphqlInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    claimReference: 'AJ-2025-004711',
    customerReference: 'BSN-REF-88123',
    customerPostcode: '3511 AB',
    customerBirthDate: '1978-04-12',
    description: 'Gemeentelijke belastingen 2025 — afvalstoffenheffing',
    principalCents: '41250',
    interestCents: '0',
    costsCents: '0',
    issuedOn: '2025-02-28',
    dueOn: '2025-04-30',
    stage: 'REMINDER',
    preferential: false,
    ...overrides,
  };
}

/** GraphQL rows are numbered by their position in the list, from 1. */
export function numbered(inputs: readonly Record<string, unknown>[]): { row: number; input: Record<string, unknown> }[] {
  return inputs.map((input, index) => ({ row: index + 1, input }));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
