import { MAX_CLAIM_AMOUNT_CENTS } from '#money';
import { MAX_PREFERENTIAL_WEIGHT, isValidPreferentialWeight } from '../plan/preferential-weight.js';
import type { PlanClaim, PlanInput } from '../plan/plan-input.js';
import { reject, type Validated } from './input-error.js';
import { catchRejected, FieldReader } from './field-readers.js';
import { MAX_MONTHLY_INCOME_CENTS } from './validate-bvv-input.js';

export const MAX_PLAN_CLAIMS = 500;
export const MAX_SETTLEMENT_TERM_MONTHS = 120;
const ID_MAX_LENGTH = 128;

const FIELDS = ['mode', 'capacityCents', 'termMonths', 'preferentialWeight', 'minimumInstalmentCents', 'claims'] as const;
const CLAIM_FIELDS = ['id', 'creditorId', 'amountCents', 'preferential'] as const;

/** Checks a `plan` request (RULES.md §4); the first problem is named with its field. */
export function validatePlanInput(value: unknown): Validated<PlanInput> {
  return catchRejected(() => {
    const reader = new FieldReader(value, '', FIELDS);
    const mode = reader.oneOf('mode', ['repayment', 'settlement'] as const);
    const capacityCents = reader.cents('capacityCents', { min: 0, max: MAX_MONTHLY_INCOME_CENTS, what: 'a monthly capacity' });
    if (reader.has('termMonths') && mode !== 'settlement') reject('UNKNOWN_FIELD', 'termMonths', 'termMonths goes only with mode "settlement"');
    const termMonths = reader.has('termMonths') ? reader.integer('termMonths', 1, MAX_SETTLEMENT_TERM_MONTHS) : undefined;
    let preferentialWeight: number | undefined;
    if (reader.has('preferentialWeight')) {
      preferentialWeight = reader.number('preferentialWeight');
      if (!isValidPreferentialWeight(preferentialWeight)) {
        reject('OUT_OF_RANGE', 'preferentialWeight', `preferentialWeight must be between 1 and ${MAX_PREFERENTIAL_WEIGHT} with at most two decimals (got ${preferentialWeight})`);
      }
    }
    const minimumInstalmentCents = reader.has('minimumInstalmentCents')
      ? reader.cents('minimumInstalmentCents', { min: 0, max: 100_000, what: 'a minimum instalment' })
      : undefined;
    const rawClaims = reader.raw('claims');
    if (!Array.isArray(rawClaims)) reject('INVALID_TYPE', 'claims', 'claims must be a list');
    if (rawClaims.length === 0) reject('NO_CLAIMS', 'claims', 'a plan needs at least one claim');
    if (rawClaims.length > MAX_PLAN_CLAIMS) reject('TOO_MANY_CLAIMS', 'claims', `a plan holds at most ${MAX_PLAN_CLAIMS} claims (got ${rawClaims.length})`);
    const seen = new Map<string, number>();
    const claims = rawClaims.map((raw: unknown, index): PlanClaim => {
      const claim = new FieldReader(raw, `claims[${index}]`, CLAIM_FIELDS);
      const id = claim.string('id', ID_MAX_LENGTH);
      const first = seen.get(id);
      if (first !== undefined) reject('DUPLICATE_CLAIM_ID', claim.path('id'), `claim id "${id}" is used twice (claims[${first}] and claims[${index}])`);
      seen.set(id, index);
      return {
        id,
        creditorId: claim.string('creditorId', ID_MAX_LENGTH),
        amountCents: claim.cents('amountCents', { min: 1, max: MAX_CLAIM_AMOUNT_CENTS, what: 'a claim' }),
        preferential: claim.boolean('preferential'),
      };
    });
    return {
      mode,
      capacityCents,
      ...(termMonths === undefined ? {} : { termMonths }),
      ...(preferentialWeight === undefined ? {} : { preferentialWeight }),
      ...(minimumInstalmentCents === undefined ? {} : { minimumInstalmentCents }),
      claims,
    };
  });
}
