import type { Plan, PlanPayment } from '../plan/compute-plan.js';
import { parseDate } from './calendar-date.js';
import { instalmentDates, validatePayDay } from './instalment-dates.js';

/** One monthly instalment: what the resident pays, when, and what the plan passes on to whom. */
export interface Instalment {
  /** The plan month (1 = first); stays the same when a pause moves the instalment. */
  readonly number: number;
  /** The month of the pay day this instalment follows, 'YYYY-MM'. */
  readonly month: string;
  readonly dueDate: string;
  /** What the resident pays this month. */
  readonly amountCents: number;
  /**
   * What the plan passes on to each claim this month. With a minimum instalment this can add up to
   * less (or, when held shares are released, more) than `amountCents`; over the plan both add up alike.
   */
  readonly payments: readonly PlanPayment[];
}

export interface Schedule {
  readonly payDay: number;
  /** The day all creditors accepted, 'YYYY-MM-DD'. */
  readonly startsAfter: string;
  /** In plan-month order; due dates strictly increase. */
  readonly instalments: readonly Instalment[];
  /** Equal to the plan's totalPaidCents; no pause or reminder ever changes it. */
  readonly totalCents: number;
}

/**
 * Puts a plan on the calendar. The resident pays into the plan what the plan takes in each month
 * (the capacity, the rest in the last month); held shares (RULES.md §2, invariant 5) stay in the plan's
 * account, which is why the instalment is taken from the amounts paid in, not from the payments out.
 */
export function buildSchedule(params: { readonly plan: Plan; readonly payDay: number; readonly startsAfter: string }): Schedule {
  const { plan, payDay, startsAfter } = params;
  validatePayDay(payDay);
  parseDate({ date: startsAfter, path: 'startsAfter' });
  const dates = instalmentDates({ payDay, startsAfter, count: plan.months.length });
  let heldBefore = 0;
  const instalments = plan.months.map((month, index): Instalment => {
    const held = month.heldCents ?? 0;
    const passedOn = month.payments.reduce((sum, payment) => sum + payment.amountCents, 0);
    const amountCents = passedOn + held - heldBefore;
    heldBefore = held;
    const date = dates[index];
    if (date === undefined) throw new Error('unreachable: one date per plan month');
    return { number: month.month, month: date.month, dueDate: date.dueDate, amountCents, payments: month.payments };
  });
  return { payDay, startsAfter, instalments, totalCents: plan.totalPaidCents };
}

export function scheduleTotal(schedule: Schedule): number {
  return schedule.instalments.reduce((sum, instalment) => sum + instalment.amountCents, 0);
}
