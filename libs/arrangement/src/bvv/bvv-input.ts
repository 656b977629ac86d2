/** What the beslagvrije voet is computed from (RULES.md §1 and the `bvv` command-line contract, §4). */
export const HOUSEHOLDS = ['single', 'single_parent', 'couple', 'couple_with_children'] as const;
export type Household = (typeof HOUSEHOLDS)[number];

export const AGE_BANDS = ['18-20', '21-aow', 'aow'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface BvvInput {
  /** The day the beslagvrije voet applies to (YYYY-MM-DD); picks the parameter set. */
  readonly date: string;
  readonly household: Household;
  readonly ageBand: AgeBand;
  /** A couple's partner; the same band as the resident when left out. */
  readonly partnerAgeBand?: AgeBand;
  /** Net income per month incl. holiday allowance, in cents (with a partner: both together). */
  readonly netIncomeCents: number;
  /** Yearly taxable income (belastbaar inkomen) of the resident and partner, in cents. */
  readonly taxableAnnualIncomeCents?: number;
  /** No address in the population register (briefadres, abroad). */
  readonly noFixedAddress?: boolean;
  /** The resident asked under art. 475e Rv to have the normal rules applied all the same. */
  readonly art475eRequest?: boolean;
  /** A temporary increase for too-high housing costs, granted on request, per month in cents. */
  readonly housingIncreaseCents?: number;
  /** The amount printed on an official notice (modelmededeling): it overrides the computation. */
  readonly officialBvvCents?: number;
  /** A higher floor a counsellor set (e.g. a VTLB); capacity is computed above it. Never below the BVV. */
  readonly counsellorFloorCents?: number;
}

export type IncomeGroup = 'low' | 'middle' | 'high' | 'no_fixed_address' | 'official';
