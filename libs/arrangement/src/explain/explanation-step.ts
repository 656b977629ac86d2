/**
 * One step of a calculation, in data: which rule applied and with which figures. The portal renders
 * steps in Dutch (B1) or English from the text catalogue (`explain-steps.ts`); results carry only
 * codes and numbers, so a creditor's system can check them and a translation can never change them.
 */
export type StepCode =
  // Beslagvrije voet
  | 'PARAMETER_SET'
  | 'PARAMETERS_OUTDATED'
  | 'NORM'
  | 'INCOME_GROUP_LOW'
  | 'INCOME_GROUP_MIDDLE'
  | 'INCOME_GROUP_HIGH'
  | 'NINETY_FIVE_PERCENT_OF_INCOME'
  | 'NINETY_FIVE_PERCENT_OF_NORM'
  | 'ALLOWANCE_COMPENSATION'
  | 'APPROXIMATION'
  | 'MAXIMUM_BVV'
  | 'CAPPED_AT_MAXIMUM'
  | 'NO_FIXED_ADDRESS'
  | 'HOUSING_INCREASE'
  | 'HOUSING_INCREASE_LIMITED'
  | 'OFFICIAL_NOTICE'
  | 'BVV'
  // Capacity
  | 'NET_INCOME'
  | 'CAPACITY'
  | 'COUNSELLOR_FLOOR'
  | 'ZERO_CAPACITY'
  // Plan
  | 'PLAN_REPAYMENT'
  | 'PLAN_SETTLEMENT'
  | 'TOTAL_OWED'
  | 'WEIGHTED_TOTAL'
  | 'PREFERENTIAL_WEIGHT'
  | 'PREFERENTIAL_PAID_OFF'
  | 'SETTLEMENT_POT'
  | 'SETTLEMENT_PERCENTAGE'
  | 'MINIMUM_INSTALMENT'
  | 'PLAN_MONTHS'
  | 'FORGIVEN'
  | 'CLAIM_SHARE'
  // Schedule (RULES.md §3): pauses, reminders and missed instalments
  | 'PAUSE_GRANTED'
  | 'PAUSE_TOO_LONG'
  | 'PAUSE_IN_PAST'
  | 'PAUSE_OVERLAPS'
  | 'PAUSE_NO_INSTALMENT'
  | 'INSTALMENT_REMINDER'
  | 'INSTALMENT_MISSED'
  | 'GRACE_PERIOD';

export interface ExplanationStep {
  readonly code: StepCode;
  readonly amountCents?: number;
  /** A percentage, e.g. 95 or 30.25. */
  readonly percentage?: number;
  readonly months?: number;
  /** Free detail the text uses: a household, an income group, a period. */
  readonly detail?: string;
}
