import type { ExplanationStep } from '../explain/explanation-step.js';
import { compareDates, parseDate } from './calendar-date.js';
import { monthFromIndex, monthIndex, monthOfDate } from './calendar-month.js';
import { dueDateIn } from './instalment-dates.js';
import type { Instalment, Schedule } from './payment-schedule.js';
import { ScheduleInputError } from './schedule-input-error.js';

/**
 * A payment pause (betaalpauze) instead of fines (BRIEF.md requirement 5, RULES.md §3). The limits are
 * policy, not law, so they are configurable; the defaults follow the rules' example.
 */
export interface PausePolicy {
  /** At most this many paused months in any 12 consecutive months. */
  readonly maxPauseMonthsPer12: number;
  /** The higher limit after a large drop in income. */
  readonly maxPauseMonthsAfterIncomeDrop: number;
  /** An income drop of at least this percentage allows the higher limit. */
  readonly incomeDropThresholdPercent: number;
}

export const DEFAULT_PAUSE_POLICY: PausePolicy = {
  maxPauseMonthsPer12: 2,
  maxPauseMonthsAfterIncomeDrop: 6,
  incomeDropThresholdPercent: 50,
};

/** Pauses the instalments of `months` consecutive months, starting with the one of `fromMonth`. */
export interface Pause {
  /** 'YYYY-MM': the month of the first instalment that is paused (the month of its pay day). */
  readonly fromMonth: string;
  readonly months: number;
}

export type PauseRefusalCode = 'PAUSE_TOO_LONG' | 'PAUSE_IN_PAST' | 'PAUSE_OVERLAPS' | 'PAUSE_NO_INSTALMENT';

export type PauseCheck =
  | {
      readonly allowed: true;
      readonly pause: Pause;
      /** The limit that applied: paused months in any 12 months. */
      readonly limitMonths: number;
      readonly step: ExplanationStep;
    }
  | {
      readonly allowed: false;
      readonly code: 'PAUSE_TOO_LONG';
      readonly limitMonths: number;
      /** The longest pause from the same month that would be allowed (0: none). */
      readonly maxMonths: number;
      readonly step: ExplanationStep;
    }
  | {
      readonly allowed: false;
      readonly code: Exclude<PauseRefusalCode, 'PAUSE_TOO_LONG'>;
      readonly step: ExplanationStep;
    };

function validatePolicy(policy: PausePolicy): void {
  const counts = [policy.maxPauseMonthsPer12, policy.maxPauseMonthsAfterIncomeDrop];
  const threshold = policy.incomeDropThresholdPercent;
  if (counts.some((count) => !Number.isSafeInteger(count) || count < 0) || !Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
    throw new ScheduleInputError('INVALID_POLICY', 'pause limits must be whole numbers ≥ 0 and the threshold a percentage 0–100', 'policy');
  }
}

function validatePause(pause: Pause, path: string): void {
  monthIndex({ month: pause.fromMonth, path: `${path}.fromMonth` });
  if (!Number.isSafeInteger(pause.months) || pause.months < 1) {
    throw new ScheduleInputError('INVALID_COUNT', `a pause lasts a whole number of months ≥ 1: ${pause.months}`, `${path}.months`);
  }
}

/** The month indexes a pause covers. */
function coveredMonths(pause: Pause): number[] {
  const first = monthIndex({ month: pause.fromMonth });
  return Array.from({ length: pause.months }, (_, offset) => first + offset);
}

/** True when no 12 consecutive months that contain a new paused month hold more than `limit` paused months. */
function withinLimit(existing: ReadonlySet<number>, fromIndex: number, months: number, limit: number): boolean {
  const paused = new Set(existing);
  for (let offset = 0; offset < months; offset += 1) paused.add(fromIndex + offset);
  for (let start = fromIndex - 11; start < fromIndex + months; start += 1) {
    let count = 0;
    for (let month = start; month < start + 12; month += 1) if (paused.has(month)) count += 1;
    if (count > limit) return false;
  }
  return true;
}

function instalmentIn(schedule: Schedule, month: string): Instalment | undefined {
  return schedule.instalments.find((instalment) => instalment.month === month);
}

/**
 * Whether a pause may be granted. `today` is a parameter, not the clock, so the check stays pure and
 * repeatable. Refusals carry a stable code and an explanation step; the resident is never fined.
 */
export function checkPause(params: {
  readonly schedule: Schedule;
  readonly existingPauses: readonly Pause[];
  readonly request: Pause;
  /** 'YYYY-MM-DD': the day the resident asks. */
  readonly today: string;
  /** How much lower the income is than at plan start, in percent (0–100). */
  readonly incomeDropPercent?: number;
  readonly policy?: PausePolicy;
}): PauseCheck {
  const { schedule, existingPauses, request, today, incomeDropPercent } = params;
  const policy = params.policy ?? DEFAULT_PAUSE_POLICY;
  validatePolicy(policy);
  validatePause(request, 'request');
  existingPauses.forEach((pause, index) => validatePause(pause, `existingPauses[${index}]`));
  parseDate({ date: today, path: 'today' });
  if (incomeDropPercent !== undefined && (!Number.isFinite(incomeDropPercent) || incomeDropPercent < 0 || incomeDropPercent > 100)) {
    throw new ScheduleInputError('INVALID_PERCENT', `income drop must be a percentage 0–100: ${incomeDropPercent}`, 'incomeDropPercent');
  }

  const fromIndex = monthIndex({ month: request.fromMonth });
  if (fromIndex < monthIndex({ month: monthOfDate(today) })) return { allowed: false, code: 'PAUSE_IN_PAST', step: { code: 'PAUSE_IN_PAST' } };

  const existing = new Set(existingPauses.flatMap(coveredMonths));
  if (coveredMonths(request).some((month) => existing.has(month))) {
    return { allowed: false, code: 'PAUSE_OVERLAPS', step: { code: 'PAUSE_OVERLAPS', detail: request.fromMonth } };
  }
  const instalment = instalmentIn(schedule, request.fromMonth);
  if (instalment === undefined) {
    return { allowed: false, code: 'PAUSE_NO_INSTALMENT', step: { code: 'PAUSE_NO_INSTALMENT', detail: request.fromMonth } };
  }
  // On the due date itself a pause is still granted: the resident who finds the account short that
  // morning is exactly who the pause is for. After it, the instalment is missed, not pausable.
  if (compareDates(instalment.dueDate, today) < 0) return { allowed: false, code: 'PAUSE_IN_PAST', step: { code: 'PAUSE_IN_PAST' } };

  // The income-drop limit only ever widens the normal one: a drop must never make a pause harder.
  const incomeDropped = incomeDropPercent !== undefined && incomeDropPercent >= policy.incomeDropThresholdPercent;
  const limitMonths = incomeDropped ? Math.max(policy.maxPauseMonthsAfterIncomeDrop, policy.maxPauseMonthsPer12) : policy.maxPauseMonthsPer12;
  if (!withinLimit(existing, fromIndex, request.months, limitMonths)) {
    let maxMonths = Math.min(request.months - 1, limitMonths);
    while (maxMonths > 0 && !withinLimit(existing, fromIndex, maxMonths, limitMonths)) maxMonths -= 1;
    return { allowed: false, code: 'PAUSE_TOO_LONG', limitMonths, maxMonths, step: { code: 'PAUSE_TOO_LONG', months: maxMonths } };
  }
  return {
    allowed: true,
    pause: request,
    limitMonths,
    step: { code: 'PAUSE_GRANTED', months: request.months, detail: request.fromMonth },
  };
}

/**
 * Moves the instalment of `pause.fromMonth` and every later one by `pause.months` months; earlier
 * instalments stay. Amounts and payments per claim are untouched, so the pause adds no costs and the
 * schedule's total is exactly what it was. Check the pause first with checkPause: this only applies it.
 */
export function applyPause(params: { readonly schedule: Schedule; readonly pause: Pause }): Schedule {
  const { schedule, pause } = params;
  validatePause(pause, 'pause');
  if (instalmentIn(schedule, pause.fromMonth) === undefined) {
    throw new ScheduleInputError('NO_INSTALMENT', `no instalment in ${pause.fromMonth} to pause`, 'pause.fromMonth');
  }
  const fromIndex = monthIndex({ month: pause.fromMonth });
  const instalments = schedule.instalments.map((instalment): Instalment => {
    const index = monthIndex({ month: instalment.month });
    if (index < fromIndex) return instalment;
    const moved = dueDateIn({ month: monthFromIndex(index + pause.months), payDay: schedule.payDay });
    return { ...instalment, month: moved.month, dueDate: moved.dueDate };
  });
  return { ...schedule, instalments };
}
