import { AGE_BANDS, HOUSEHOLDS, type BvvInput } from '../bvv/bvv-input.js';
import { reject, type Validated } from './input-error.js';
import { catchRejected, FieldReader } from './field-readers.js';

/**
 * No net monthly income above this is plausible for a household in a debt arrangement (€100,000);
 * larger figures are typing errors (an amount in euros read as cents, extra zeros).
 */
export const MAX_MONTHLY_INCOME_CENTS = 10_000_000;
export const MAX_ANNUAL_INCOME_CENTS = MAX_MONTHLY_INCOME_CENTS * 14;

const FIELDS = [
  'date',
  'household',
  'ageBand',
  'partnerAgeBand',
  'netIncomeCents',
  'taxableAnnualIncomeCents',
  'noFixedAddress',
  'art475eRequest',
  'housingIncreaseCents',
  'officialBvvCents',
  'counsellorFloorCents',
] as const;

/** Checks a `bvv` request (RULES.md §4); the first problem is named with its field. */
export function validateBvvInput(value: unknown): Validated<BvvInput> {
  return catchRejected(() => {
    const reader = new FieldReader(value, '', FIELDS);
    const household = reader.oneOf('household', HOUSEHOLDS);
    const input: BvvInput = {
      date: reader.date('date'),
      household,
      ageBand: reader.oneOf('ageBand', AGE_BANDS),
      ...(reader.has('partnerAgeBand') ? { partnerAgeBand: reader.oneOf('partnerAgeBand', AGE_BANDS) } : {}),
      netIncomeCents: reader.cents('netIncomeCents', { min: 0, max: MAX_MONTHLY_INCOME_CENTS, what: 'a net monthly income' }),
      ...(reader.has('taxableAnnualIncomeCents')
        ? { taxableAnnualIncomeCents: reader.cents('taxableAnnualIncomeCents', { min: 0, max: MAX_ANNUAL_INCOME_CENTS, what: 'a yearly taxable income' }) }
        : {}),
      ...(reader.has('noFixedAddress') ? { noFixedAddress: reader.boolean('noFixedAddress') } : {}),
      ...(reader.has('art475eRequest') ? { art475eRequest: reader.boolean('art475eRequest') } : {}),
      ...(reader.has('housingIncreaseCents')
        ? { housingIncreaseCents: reader.cents('housingIncreaseCents', { min: 0, max: MAX_MONTHLY_INCOME_CENTS, what: 'a housing increase' }) }
        : {}),
      ...(reader.has('officialBvvCents') ? { officialBvvCents: reader.cents('officialBvvCents', { min: 0, max: MAX_MONTHLY_INCOME_CENTS, what: 'an official beslagvrije voet' }) } : {}),
      ...(reader.has('counsellorFloorCents')
        ? { counsellorFloorCents: reader.cents('counsellorFloorCents', { min: 0, max: MAX_MONTHLY_INCOME_CENTS, what: "a counsellor's floor" }) }
        : {}),
    };
    if (reader.has('partnerAgeBand') && household !== 'couple' && household !== 'couple_with_children') {
      reject('UNKNOWN_FIELD', 'partnerAgeBand', `partnerAgeBand goes only with household "couple" or "couple_with_children"`);
    }
    return input;
  });
}
