import type { AllowancePhaseOut } from './allowance-phase-out.js';
import type { ParameterSet } from './parameter-set.js';
import { ALLOWANCE_YEARS, PARAMETER_SETS } from './parameter-sets.js';

/** The beslagvrije voet as the Wet vereenvoudiging beslagvrije voet defines it starts on this day. */
export const FIRST_DATE = '2021-01-01';

export interface SelectedParameters {
  readonly parameters: ParameterSet;
  /** The date lies past the newest period's half year: the newest set is used and the result says so. */
  readonly outdated: boolean;
  readonly allowances: AllowancePhaseOut | undefined;
}

/** "2025-07" → "2026-01": the start of the half year after a period. */
function nextPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  return period.endsWith('-01') ? `${year}-07` : `${year + 1}-01`;
}

/**
 * The parameter set in force on `date` (YYYY-MM-DD, already validated, on or after FIRST_DATE): the
 * newest period starting on or before it. Dates beyond the newest set's half year are flagged.
 */
export function selectParameterSet(date: string, sets: readonly ParameterSet[] = PARAMETER_SETS): SelectedParameters {
  const month = date.slice(0, 7);
  let chosen: ParameterSet | undefined;
  for (const set of sets) if (set.period <= month) chosen = set;
  if (chosen === undefined) throw new RangeError(`no parameter set for ${date}`);
  const newest = sets[sets.length - 1] ?? chosen;
  const outdated = chosen === newest && month >= nextPeriod(newest.period);
  const year = Number(date.slice(0, 4));
  const allowances = ALLOWANCE_YEARS.find((a) => a.year === year) ?? (outdated ? ALLOWANCE_YEARS[ALLOWANCE_YEARS.length - 1] : undefined);
  return { parameters: chosen, outdated, allowances };
}
