import { computeCapacity } from '../capacity/compute-capacity.js';
import type { ExplanationStep } from '../explain/explanation-step.js';
import { roundHalfAwayFromZero } from '../plan/exact-arithmetic.js';
import { selectParameterSet } from '../parameters/select-parameter-set.js';
import { adultNorm, applicableNorm } from './applicable-norm.js';
import type { BvvInput, IncomeGroup } from './bvv-input.js';
import { middleGroupCompensation } from './middle-group-compensation.js';

export interface BvvResult {
  readonly bvvCents: number;
  readonly capacityCents: number;
  readonly incomeGroup: IncomeGroup;
  /** The bijstandsnorm that applies. */
  readonly normCents: number;
  /** "YYYY-MM": the parameter set used. */
  readonly parameterSet: string;
  /** The middle group's increase is our approximation, not the official rekenregel (docs/adr/0008). */
  readonly approximation: boolean;
  /** The date lies past the newest parameter set: that set was used. */
  readonly parametersOutdated: boolean;
  readonly steps: readonly ExplanationStep[];
}

/** 95% of an amount, in whole cents, rounded once, half away from zero. */
const ninetyFivePercent = (cents: number): number => roundHalfAwayFromZero(cents * 95, 100);

/**
 * The beslagvrije voet (RULES.md §1; art. 475da–475e Rv) and what is left for creditors. Pure; the
 * input is expected to be valid (validateBvvInput). Throws FloorBelowBvvError when a counsellor's
 * floor lies below the computed beslagvrije voet.
 */
export function computeBvv(input: BvvInput): BvvResult {
  const { parameters, outdated, allowances } = selectParameterSet(input.date);
  const steps: ExplanationStep[] = [{ code: 'PARAMETER_SET', detail: parameters.period }];
  if (outdated) steps.push({ code: 'PARAMETERS_OUTDATED', detail: parameters.period });
  const income = input.netIncomeCents;
  steps.push({ code: 'NET_INCOME', amountCents: income });
  const norm = applicableNorm({ parameters, household: input.household, ageBand: input.ageBand, ...(input.partnerAgeBand === undefined ? {} : { partnerAgeBand: input.partnerAgeBand }) });

  const finish = (bvv: number, incomeGroup: IncomeGroup, approximation: boolean): BvvResult => {
    steps.push({ code: 'BVV', amountCents: bvv });
    const capacity = computeCapacity({
      netIncomeCents: income,
      bvvCents: bvv,
      ...(input.counsellorFloorCents === undefined ? {} : { counsellorFloorCents: input.counsellorFloorCents }),
    });
    steps.push(...capacity.steps);
    return { bvvCents: bvv, capacityCents: capacity.capacityCents, incomeGroup, normCents: norm, parameterSet: parameters.period, approximation, parametersOutdated: outdated, steps };
  };

  if (input.officialBvvCents !== undefined) {
    steps.push({ code: 'OFFICIAL_NOTICE', amountCents: input.officialBvvCents });
    return finish(input.officialBvvCents, 'official', false);
  }

  // The creditors always get at least 5% of income (art. 475dc Rv): no rule may keep more than 95%.
  const ceiling = ninetyFivePercent(income);
  if (input.noFixedAddress === true && input.art475eRequest !== true) {
    const fixed = roundHalfAwayFromZero(parameters.norms.couple.bothAdult * 475, 1000);
    steps.push({ code: 'NO_FIXED_ADDRESS', amountCents: fixed, percentage: 47.5 });
    return finish(withHousingIncrease(Math.min(fixed, ceiling), input, ceiling, steps), 'no_fixed_address', false);
  }

  steps.push({ code: 'NORM', amountCents: norm, detail: input.household });
  if (income <= norm) {
    steps.push({ code: 'INCOME_GROUP_LOW' });
    steps.push({ code: 'NINETY_FIVE_PERCENT_OF_INCOME', amountCents: ceiling, percentage: 95 });
    return finish(withHousingIncrease(ceiling, input, ceiling, steps), 'low', false);
  }

  const base = ninetyFivePercent(norm);
  const maximum = parameters.maximumBvv[input.household];
  const maximumKop = Math.max(0, maximum - ninetyFivePercent(adultNorm(parameters, input.household)));
  const kop = middleGroupCompensation({
    household: input.household,
    taxableAnnualIncomeCents: input.taxableAnnualIncomeCents ?? income * 12,
    adultNormCents: adultNorm(parameters, input.household),
    maximumBvvCents: maximum,
    maximumKopCents: maximumKop,
    allowances,
  });
  steps.push({ code: 'NINETY_FIVE_PERCENT_OF_NORM', amountCents: base, percentage: 95 });
  if (base + kop >= maximum) {
    steps.push({ code: 'INCOME_GROUP_HIGH' });
    steps.push({ code: 'MAXIMUM_BVV', amountCents: maximum, detail: input.household });
    return finish(withHousingIncrease(Math.min(maximum, ceiling), input, ceiling, steps), 'high', false);
  }
  steps.push({ code: 'INCOME_GROUP_MIDDLE' });
  steps.push({ code: 'ALLOWANCE_COMPENSATION', amountCents: kop });
  steps.push({ code: 'APPROXIMATION' });
  return finish(withHousingIncrease(Math.min(base + kop, ceiling), input, ceiling, steps), 'middle', true);
}

/**
 * A granted increase for too-high housing costs raises the beslagvrije voet, but never so far that
 * the creditors get less than 5% of income.
 */
function withHousingIncrease(bvv: number, input: BvvInput, ceiling: number, steps: ExplanationStep[]): number {
  const increase = input.housingIncreaseCents ?? 0;
  if (increase <= 0) return bvv;
  const raised = Math.min(bvv + increase, Math.max(bvv, ceiling));
  steps.push({ code: raised < bvv + increase ? 'HOUSING_INCREASE_LIMITED' : 'HOUSING_INCREASE', amountCents: raised - bvv });
  return raised;
}
